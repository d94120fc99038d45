"""The append-only, hash-chained audit log.

Each entry's hash is SHA-256 over the previous entry's hash and the entry's own
canonical content, so editing, deleting, inserting or swapping any entry breaks
the chain from that point on. Triggers in the schema refuse UPDATE and DELETE;
the chain catches what someone does to the file behind SQLite's back."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
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
    session.info.setdefault("audit_ids", []).append(entry.id)  # the case's own entries (core.queries.team_changes)
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
