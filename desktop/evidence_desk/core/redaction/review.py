"""Reviewing redactions: approve or reject (with an optional second-reviewer rule),
list them, and read their history (the redaction log).

The second-reviewer rule is a case setting (`case_meta` key
`redaction_second_reviewer` = "1"): the author of a redaction cannot approve it,
and new redactions cannot be recorded as already approved."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import AuditEntry, CaseMeta, Redaction
from evidence_desk.core.documents import resolve
from evidence_desk.core.edits import CreateRecord, Edit, UpdateRecord
from evidence_desk.core.errors import InvalidInputError, NotFoundError

SECOND_REVIEWER_KEY = "redaction_second_reviewer"


def second_reviewer_required(case: Case) -> bool:
    return (case.meta(SECOND_REVIEWER_KEY) or "").strip().lower() in ("1", "true", "yes", "on")


def set_second_reviewer_edit(case: Case, required: bool) -> Edit:
    value = "1" if required else "0"
    with case.read() as s:
        exists = s.get(CaseMeta, SECOND_REVIEWER_KEY) is not None
    if exists:
        return UpdateRecord("case_meta", SECOND_REVIEWER_KEY, {"value": value}, label="case.setting")
    return CreateRecord("case_meta", {"key": SECOND_REVIEWER_KEY, "value": value}, label="case.setting")


def initial_status(case: Case, wanted: str) -> str:
    """The status a new redaction may be recorded with: never self-approved when a
    second reviewer is required (it stays proposed; export applies it anyway)."""
    if wanted == "approved" and second_reviewer_required(case):
        return "proposed"
    return wanted


def check_can_decide(case: Case, redaction_ids: Sequence[int], status: str) -> None:
    """Raise if a redaction does not exist, or if the second-reviewer rule forbids
    this author approving it."""
    with case.read() as s:
        rows = {r.id: r for r in s.execute(select(Redaction).where(Redaction.id.in_(redaction_ids))).scalars()}
    missing = [i for i in redaction_ids if i not in rows]
    if missing:
        raise NotFoundError(f"no redaction with id {', '.join(map(str, missing))}; see `redact --list`")
    if status == "approved" and second_reviewer_required(case):
        own = [i for i in redaction_ids if rows[i].author == case.author]
        if own:
            raise InvalidInputError(
                f"this case requires a second reviewer: {case.author} proposed redaction "
                f"{', '.join(map(str, own))} and cannot approve it; ask a colleague to approve")


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


def redaction_log(case: Case, doc: str | int | None = None) -> list[LogEntry]:
    """Every audited change to redactions (and every export), oldest first; for one
    document or the whole case."""
    with case.read() as s:
        doc_id = resolve(s, doc).id if doc is not None else None
        owner = dict(s.execute(select(Redaction.id, Redaction.document_id)).all())
        entries = s.execute(
            select(AuditEntry).where(AuditEntry.action.like("%redaction%") | AuditEntry.action.like("export%"))
            .order_by(AuditEntry.id)
        ).scalars().all()
    log: list[LogEntry] = []
    for entry in entries:
        data = json.loads(entry.data) if entry.data else {}
        ids: list[int] = []
        docs: set[int] = set()
        for step in _steps(data):
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
        detail = data.get("summary", "") if isinstance(data, dict) else ""
        log.append(LogEntry(entry.at, entry.author, entry.action,
                            next(iter(docs)) if len(docs) == 1 else None, tuple(ids), detail))
    return log
