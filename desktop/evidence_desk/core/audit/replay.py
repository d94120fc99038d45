"""Replaying the audit log: what the records must be if the log is the whole story.

Every change to a tracked record is logged with the rows it wrote (a command's
`steps`: each row before and after, or `replay` for a command whose steps list none, as
the bundle merge; an undo or redo the same, flipped), an import with the document and provenance it created, and a
baseline (`audit.baseline`, see `baseline.py`) with every record as it stood when an
older case began to be replayed. Starting from the latest baseline (or the log's
beginning), the replay applies each entry in order; `records.compare` then names
every record the log does not explain and every logged change the records lack."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.audit.records import (
    DOCUMENT_DETAILS,
    TRACKED,
    UNKNOWN,
    Row,
    State,
    pk_column,
)
from evidence_desk.core.db.models import AuditEntry

BASELINE = "audit.baseline"
REPLAY_FORMAT = 1  # stated by `case.create` in cases whose every change the log can replay
PROVENANCE_DEFAULTS: Row = {"source_code": None, "received_at": None, "method": None,
                            "verification_status": "unverified", "confidence": None, "notes": None,
                            "source_identity": None, "received_by": None, "verification_reasoning": None,
                            "original_path": None, "file_times": None, "app_version": None}


@dataclass
class Replay:
    state: State = field(default_factory=lambda: {t: {} for t in TRACKED})
    entries: int = 0  # replayed
    start: int = 0  # the entry the replay started after


def replay_start(session: Session) -> int | None:
    """The entry the replay starts after: the latest baseline, or 0 when the log was
    replayable from its first entry; None when it cannot be replayed (no baseline yet)."""
    last = session.execute(select(AuditEntry.id).where(AuditEntry.action == BASELINE)
                           .order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()
    if last is not None:
        return int(last)
    first = session.execute(select(AuditEntry.action, AuditEntry.data).order_by(AuditEntry.id).limit(1)).first()
    if first is None:
        return 0
    if first.action == "case.create" and _json(first.data).get("replayable") == REPLAY_FORMAT:
        return 0
    return None


def replay(session: Session, start: int) -> Replay:
    out = Replay(start=start)
    query = select(AuditEntry.id, AuditEntry.action, AuditEntry.target_id, AuditEntry.data).order_by(AuditEntry.id)
    if start:
        query = query.where(AuditEntry.id >= start)
    for entry in session.execute(query):
        out.entries += 1
        apply_entry(out.state, entry.action, entry.target_id, _json(entry.data))
    return out


def _json(text: str | None) -> dict[str, Any]:
    try:
        value = json.loads(text or "null")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def apply_entry(state: State, action: str, target_id: str | None, data: dict[str, Any]) -> None:
    if action == BASELINE:
        records = data.get("records") or {}
        for table in TRACKED:
            key = pk_column(table)
            state[table] = {row[key]: dict(row) for row in records.get(table, [])}
        return
    if action == "document.import" and target_id and target_id.isdigit():
        _imported(state, int(target_id), data)
        return
    _apply_steps(state, data.get("steps"))
    replayed = data.get("replay")  # the rows of a command that lists none in its steps (the merge)
    if isinstance(replayed, dict):
        _apply_steps(state, [{"table": table, "id": row[0], "before": row[1], "after": row[2]}
                             for table, rows in replayed.items() if isinstance(rows, list)
                             for row in rows if isinstance(row, list) and len(row) == 3])


def _imported(state: State, doc_id: int, data: dict[str, Any]) -> None:
    """An import creates the document (its details as parsed) and its provenance."""
    details: Row = dict.fromkeys(DOCUMENT_DETAILS)
    details.update(id=doc_id, review_status="new", title=data.get("title", UNKNOWN),
                   languages=data.get("languages", UNKNOWN))
    state["documents"][doc_id] = details
    state["provenance"][doc_id] = {**PROVENANCE_DEFAULTS, "document_id": doc_id,
                                   **{k: data.get(k) for k in ("original_path", "file_times", "app_version")}}


def _apply_steps(state: State, steps: Any) -> None:
    if not isinstance(steps, list):
        return
    for step in steps:
        if not isinstance(step, dict):
            continue
        table = step.get("table")
        if table not in state:
            continue
        _apply_step(state[table], table, step)


def _apply_step(rows: dict[Any, Row], table: str, step: dict[str, Any]) -> None:
    key = pk_column(table)
    before, after = step.get("before"), step.get("after")
    pk = step.get("id")
    if before is None and isinstance(after, dict):  # created
        pk = after.get(key, pk)
        rows[pk] = _kept(table, after)
    elif after is None and "before" in step:  # deleted
        rows.pop(pk, None)
    elif isinstance(after, dict):  # updated: the columns it changed
        row = rows.setdefault(pk, {})
        row.update(_kept(table, after))


def _kept(table: str, row: Row) -> Row:
    if table == "documents":
        return {k: v for k, v in row.items() if k in DOCUMENT_DETAILS or k == "id"}
    return dict(row)

