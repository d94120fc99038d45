"""Marking redactions and managing their reason codes and status.

Every redaction is one rectangle on one page, in PDF points of the unrotated
page; a text or entity redaction is a group of rectangles sharing `group_uid`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import REDACTION_STATUSES, ReasonCode, new_uid, now_utc
from evidence_desk.core.documents import check_rect_on_page, resolve_page
from evidence_desk.core.edits import Batch, CreateRecord, Edit, UpdateRecord
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.review import check_can_decide, initial_status


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    builtin: bool


def reason_codes(case: Case) -> list[Reason]:
    with case.read() as s:
        return [Reason(r.code, r.label, r.builtin)
                for r in s.execute(select(ReasonCode).order_by(ReasonCode.builtin.desc(), ReasonCode.code)).scalars()]


def add_reason_code_edit(code: str, label: str) -> Edit:
    code = code.strip().lower().replace(" ", "_")
    if not code or len(code) > 32 or not code.replace("_", "").replace("-", "").isalnum():
        raise InvalidInputError("a reason code is 1–32 letters, digits, '-' or '_'")
    return CreateRecord("reason_codes", {"code": code, "label": label.strip() or code, "builtin": False},
                        label="reason_code.add")


def _check_reason(case: Case, reason: str) -> str:
    codes = {r.code for r in reason_codes(case)}
    if reason not in codes:
        raise InvalidInputError(f"unknown reason code {reason!r}; use one of {', '.join(sorted(codes))} "
                                "or add one first")
    return reason


def _check_status(status: str) -> str:
    if status not in REDACTION_STATUSES:
        raise InvalidInputError(f"status must be one of {', '.join(REDACTION_STATUSES)}")
    return status


def redact_rects_edit(
    case: Case,
    doc_ref: str | int,
    page: int,
    rects: Sequence[Rect],
    reason: str,
    *,
    note: str | None = None,
    match_text: str | None = None,
    status: str = "proposed",
) -> Edit:
    """Redact one or more rectangles on a page (a region, or the words of a text selection)."""
    _check_reason(case, reason)
    _check_status(status)
    status = initial_status(case, status)  # never self-approved under the second-reviewer rule
    if not rects:
        raise InvalidInputError("nothing to redact: no rectangle given")
    with case.read() as s:
        doc, pg = resolve_page(s, doc_ref, page)
        for r in rects:
            check_rect_on_page(r, pg)
    group = new_uid() if len(rects) > 1 or match_text else None
    decided = now_utc().isoformat() if status != "proposed" else None
    creates: list[Edit] = [
        CreateRecord("redactions", {
            "document_id": doc.id, "page_number": page, "x0": r.x0, "y0": r.y0, "x1": r.x1, "y1": r.y1,
            "reason": reason, "note": note, "status": status, "author": case.author,
            "match_text": match_text, "group_uid": group, "decided_at": decided,
            "reviewer": case.author if status != "proposed" else None,
        })
        for r in rects
    ]
    if len(creates) == 1:
        creates[0].label = "redaction.add"
        return creates[0]
    return Batch(creates, label="redaction.add", target_hint=("documents", doc.id))


def set_status_edit(case: Case, redaction_ids: Sequence[int], status: str) -> Edit:
    """Approve, reject or re-propose redactions; enforces the second-reviewer rule."""
    _check_status(status)
    if not redaction_ids:
        raise InvalidInputError("no redactions given")
    check_can_decide(case, redaction_ids, status)
    stamp = now_utc().isoformat() if status != "proposed" else None
    reviewer = case.author if status != "proposed" else None
    return Batch(
        [UpdateRecord("redactions", rid, {"status": status, "reviewer": reviewer, "decided_at": stamp},
                      label=f"redaction.{status}") for rid in redaction_ids],
        label=f"redaction.{status}",
        target_hint=("redactions", redaction_ids[0] if len(redaction_ids) == 1 else None),
    )
