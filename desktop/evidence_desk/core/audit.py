"""The append-only, hash-chained audit log.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's own
canonical content, so editing, deleting, inserting or swapping any entry breaks
the chain from that point on. Triggers in the schema refuse UPDATE and DELETE;
the chain catches what someone does to the file behind SQLite's back."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.core.db.models import AuditEntry

GENESIS_HASH = "0" * 64


def canonical_json(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(
    prev_hash: str, at: str, author: str, action: str, target_type: str, target_id: str | None, data: str
) -> str:
    body = canonical_json([prev_hash, at, author, action, target_type, target_id, data])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    author: str,
    action: str,
    target_type: str,
    target_id: object | None,
    data: Any,
) -> AuditEntry:
    """Add one entry in the caller's transaction (it commits with the change it records)."""
    last = session.execute(
        select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    ).scalar_one_or_none()
    prev = last or GENESIS_HASH
    at = datetime.now(UTC).isoformat(timespec="microseconds")
    tid = None if target_id is None else str(target_id)
    payload = canonical_json(data)
    entry = AuditEntry(
        at=at,
        author=author,
        action=action,
        target_type=target_type,
        target_id=tid,
        data=payload,
        prev_hash=prev,
        hash=entry_hash(prev, at, author, action, target_type, tid, payload),
    )
    session.add(entry)
    session.flush()
    session.info["audited"] = True  # the case anchors the new head once this commits
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_id: int | None = None
    problem: str | None = None


def verify_chain(session: Session) -> ChainReport:
    prev = GENESIS_HASH
    count = 0
    rows = session.execute(
        select(
            AuditEntry.id, AuditEntry.at, AuditEntry.author, AuditEntry.action,
            AuditEntry.target_type, AuditEntry.target_id, AuditEntry.data,
            AuditEntry.prev_hash, AuditEntry.hash,
        ).order_by(AuditEntry.id)
    )
    for row in rows:
        count += 1
        if row.prev_hash != prev:
            return ChainReport(False, count, row.id, f"audit entry {row.id} does not follow entry before it "
                               "(an entry was removed, inserted or reordered)")
        expected = entry_hash(prev, row.at, row.author, row.action, row.target_type, row.target_id, row.data)
        if expected != row.hash:
            return ChainReport(False, count, row.id, f"audit entry {row.id} was altered (hash mismatch)")
        prev = row.hash
    return ChainReport(True, count)


# -- the anchor: the chain's head, kept outside the database -------------------------------

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
