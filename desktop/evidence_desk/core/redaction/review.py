"""Reviewing redactions: approve or reject (with an optional second-reviewer rule),
list them, and read their history (the redaction log).

The second-reviewer rule is a case setting (`case_meta` key
`redaction_second_reviewer` = "1"): the author of a redaction cannot approve it,
and new redactions cannot be recorded as already approved."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.commands.settings import SetCaseSetting
from evidence_desk.core.db.models import AuditEntry, CaseMeta, Redaction
from evidence_desk.core.documents import resolve

SECOND_REVIEWER_KEY = "redaction_second_reviewer"


def second_reviewer_required(case: Case) -> bool:
    return (case.meta(SECOND_REVIEWER_KEY) or "").strip().lower() in ("1", "true", "yes", "on")


def second_reviewer_in(session: Session) -> bool:
    """The same rule, read inside a command's transaction."""
    row = session.get(CaseMeta, SECOND_REVIEWER_KEY)
    return (row.value if row else "").strip().lower() in ("1", "true", "yes", "on")


def set_second_reviewer_edit(case: Case, required: bool) -> SetCaseSetting:
    """The command turning the second-reviewer rule on or off."""
    return SetCaseSetting(SECOND_REVIEWER_KEY, "1" if required else "0")


def initial_status(case: Case, wanted: str) -> str:
    """The status a new redaction may be recorded with: never self-approved when a
    second reviewer is required (it stays proposed; export applies it anyway)."""
    if wanted == "approved" and second_reviewer_required(case):
        return "proposed"
    return wanted


@dataclass(frozen=True)
class LogEntry:
    at: str
    author: str
    action: str
    document_id: int | None
    redaction_ids: tuple[int, ...]
    detail: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _steps(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and "steps" in data:
        out = []
        for step in data["steps"]:
            out.extend(_steps(step))
        return out
    return [data] if isinstance(data, dict) else []


def _summary(data: Any) -> str:
    if not isinstance(data, dict):
        return ""
    intent = data.get("intent") if isinstance(data.get("intent"), dict) else {}
    if "name" in data and "of" in data:  # an undo or redo: which step
        return str(data["name"])
    return str(intent.get("summary") or data.get("summary") or "")


def redaction_log(case: Case, doc: str | int | None = None) -> list[LogEntry]:
    """Every audited change to redactions (and every export), oldest first; for one
    document or the whole case."""
    with case.read() as s:
        doc_id = resolve(s, doc).id if doc is not None else None
        owner = dict(s.execute(select(Redaction.id, Redaction.document_id)).all())
        entries = s.execute(
            select(AuditEntry).where(AuditEntry.action.like("%redaction%") | AuditEntry.action.like("export%")
                                     | AuditEntry.action.in_(("undo", "redo")))
            .order_by(AuditEntry.id)
        ).scalars().all()
    log: list[LogEntry] = []
    for entry in entries:
        data = json.loads(entry.data) if entry.data else {}
        ids: list[int] = []
        docs: set[int] = set()
        steps = _steps(data)
        if entry.action in ("undo", "redo") and not any(st.get("table") == "redactions" for st in steps):
            continue  # an undo of something else
        for step in steps:
            if step.get("table") not in (None, "redactions"):
                continue
            after = step.get("after") or step.get("before") or {}
            rid = step.get("id") or after.get("id")
            if isinstance(rid, int):
                ids.append(rid)
            if isinstance(after.get("document_id"), int):
                docs.add(after["document_id"])
            elif isinstance(rid, int) and rid in owner:
                docs.add(owner[rid])
        if isinstance(data, dict) and isinstance(data.get("document_id"), int):
            docs.add(data["document_id"])
        if entry.target_type == "documents" and entry.target_id and entry.target_id.isdigit():
            docs.add(int(entry.target_id))
        if doc_id is not None and doc_id not in docs:
            continue
        detail = _summary(data)
        log.append(LogEntry(entry.at, entry.author, entry.action,
                            next(iter(docs)) if len(docs) == 1 else None, tuple(ids), detail))
    return log
