"""Reason codes for redactions. Marking and deciding redactions are commands
(`core.commands.redaction`): every redaction is one rectangle on one page, in PDF
points of the unrotated page; a text or entity redaction is a group of rectangles
sharing `group_uid`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.redaction import MarkRedaction, SetRedactionStatus, Spot
from evidence_desk.core.commands.settings import AddReasonCode
from evidence_desk.core.db.models import ReasonCode
from evidence_desk.core.geometry import Rect


@dataclass(frozen=True)
class Reason:
    code: str
    label: str
    builtin: bool


def reason_codes(case: Case) -> list[Reason]:
    with case.read() as s:
        return [Reason(r.code, r.label, r.builtin)
                for r in s.execute(select(ReasonCode).order_by(ReasonCode.builtin.desc(), ReasonCode.code)).scalars()]


def missing_reason_codes(case: Case, wanted: Sequence[tuple[str, str]]) -> list[AddReasonCode]:
    """The commands that add to `case` those of the user's own reason codes (the `reason_codes`
    setting) it does not have yet; none for a read-only case. Each is an audited, undoable
    step, so the case records when it gained a code and from whom."""
    if case.read_only_reason is not None:
        return []
    have = {r.code for r in reason_codes(case)}
    return [AddReasonCode(code, label) for code, label in wanted if code not in have]


# Builders kept for callers that name the old functions; each returns the command.

def add_reason_code_edit(code: str, label: str) -> AddReasonCode:
    return AddReasonCode(code, label)


def redact_rects_edit(case: Case, doc_ref: str | int, page: int, rects: Sequence[Rect], reason: str, *,
                      note: str | None = None, match_text: str | None = None,
                      status: str = "proposed") -> MarkRedaction:
    """Redact one or more rectangles on a page (a region, or the words of a text selection)."""
    return MarkRedaction([Spot(doc_ref, page, tuple(rects), match_text)], reason, note=note, status=status)


def set_status_edit(case: Case, redaction_ids: Sequence[int], status: str) -> SetRedactionStatus:
    """Approve, reject or re-propose redactions (the second-reviewer rule is checked when applied)."""
    return SetRedactionStatus(list(redaction_ids), status)
