"""The chain's head anchored outside the database: `audit-anchor.json` beside
`case.sqlite`, rewritten atomically after every commit that added entries. A log cut
short or rewritten and re-hashed no longer grows from the anchored head."""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.core.db.models import AuditEntry

ANCHOR_NAME = "audit-anchor.json"
ANCHORED_META = "audit_anchor"  # case_meta key: once set, a missing anchor file is a problem


@dataclass(frozen=True)
class Anchor:
    """The head of the chain at some commit: how many entries, the last one's id and hash."""

    entries: int
    last_id: int
    head: str
    case_uid: str | None = None
    at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"entries": self.entries, "last_id": self.last_id, "head": self.head,
                "case_uid": self.case_uid, "at": self.at}


def chain_head(session: Session, case_uid: str | None = None) -> Anchor | None:
    count = session.execute(select(func.count(AuditEntry.id))).scalar_one()
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    if last is None:
        return None
    return Anchor(count, last.id, last.hash, case_uid, datetime.now(UTC).isoformat(timespec="seconds"))


def read_anchor(folder: Path) -> Anchor | None:
    """The anchor in `folder`, None if there is none; ValueError if it is not one."""
    path = folder / ANCHOR_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"the audit anchor {path.name} cannot be read ({exc})") from None
    try:
        return Anchor(int(raw["entries"]), int(raw["last_id"]), str(raw["head"]),
                      raw.get("case_uid"), str(raw.get("at", "")))
    except (KeyError, TypeError, ValueError):
        raise ValueError(f"the audit anchor {path.name} is malformed") from None


def write_anchor(folder: Path, anchor: Anchor) -> None:
    """Replace the anchor atomically, unless another process already anchored a longer
    chain (commits of two processes may finish their anchors out of order)."""
    lock_path = folder / f".{ANCHOR_NAME}.lock"
    with open(lock_path, "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            current = read_anchor(folder)
        except ValueError:
            current = None
        if current is not None and current.case_uid == anchor.case_uid and current.entries > anchor.entries:
            return
        tmp = folder / f".{ANCHOR_NAME}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(anchor.to_json(), sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / ANCHOR_NAME)


def check_anchor(session: Session, anchor: Anchor, case_uid: str | None) -> str | None:
    """A problem if the chain in the database cannot have grown from the anchored head:
    fewer entries (the log was truncated), or another hash at the anchored entry (the log
    was rewritten and re-hashed)."""
    if anchor.case_uid is not None and case_uid is not None and anchor.case_uid != case_uid:
        return "the audit anchor belongs to another case"
    head = chain_head(session)
    entries, last_id = (head.entries, head.last_id) if head is not None else (0, 0)
    if entries < anchor.entries or last_id < anchor.last_id:
        return (f"the audit log has {entries} entries but {anchor.entries} were anchored on "
                f"{anchor.at or 'an earlier commit'}: entries were removed")
    at_anchor = session.get(AuditEntry, anchor.last_id)
    if at_anchor is None or at_anchor.hash != anchor.head:
        return (f"audit entry {anchor.last_id} is not the one anchored (its hash differs): the log was "
                "rewritten and re-hashed")
    return None
