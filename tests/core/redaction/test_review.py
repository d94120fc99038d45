"""Reviewing redactions: reason codes, approve/reject, the second-reviewer rule, the log."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.redactions import list_redactions
from evidence_desk.core.redaction.marking import (
    add_reason_code_edit,
    reason_codes,
    redact_rects_edit,
    set_status_edit,
)
from evidence_desk.core.redaction.review import (
    redaction_log,
    second_reviewer_required,
    set_second_reviewer_edit,
)


def _one(case: Case, doc: int, status: str = "proposed") -> int:
    edit = redact_rects_edit(case, doc, 1, [Rect(70, 90, 200, 104)], "personal", status=status)
    case.apply(edit)
    return int(edit.created_id)  # type: ignore[attr-defined]


def test_reason_codes_can_be_extended(case: Case) -> None:
    before = {r.code for r in reason_codes(case)}
    assert {"source", "personal", "third_party", "commercial"} <= before
    case.apply(add_reason_code_edit("Export Control", "Export-controlled detail"))
    assert "export_control" in {r.code for r in reason_codes(case)}
    with pytest.raises(InvalidInputError):
        case.apply(add_reason_code_edit("no/slashes", "x"))


def test_approve_and_reject_change_status_with_reviewer_and_undo(
        case: Case, import_lines: Callable[..., int]) -> None:
    doc = import_lines([[(72, 100, "A name here")]])
    rid = _one(case, doc)
    case.apply(set_status_edit(case, [rid], "approved"))
    [view] = list_redactions(case, doc)
    assert view.status == "approved" and view.reviewer == case.author and view.decided_at
    case.history.undo()
    assert list_redactions(case, doc)[0].status == "proposed"
    case.apply(set_status_edit(case, [rid], "rejected"))
    assert list_redactions(case, doc, status="rejected")[0].id == rid
    with pytest.raises(NotFoundError):
        case.apply(set_status_edit(case, [9999], "approved"))


def test_with_a_second_reviewer_required_the_author_cannot_approve_their_own(
        case: Case, import_lines: Callable[..., int]) -> None:
    doc = import_lines([[(72, 100, "A name here")]])
    case.apply(set_second_reviewer_edit(case, True))
    assert second_reviewer_required(case)
    rid = _one(case, doc, status="approved")  # asking for approved on creation…
    assert list_redactions(case, doc)[0].status == "proposed"  # …records it proposed
    with pytest.raises(InvalidInputError, match="second reviewer"):
        case.apply(set_status_edit(case, [rid], "approved"))
    colleague = Case.open(case.path, author="colleague")
    try:
        colleague.apply(set_status_edit(colleague, [rid], "approved"))
    finally:
        colleague.close()
    [view] = list_redactions(case, doc)
    assert view.status == "approved" and view.reviewer == "colleague" and view.author == case.author
    case.apply(set_second_reviewer_edit(case, False))
    assert not second_reviewer_required(case)


def test_the_redaction_log_tells_each_documents_history(case: Case, import_lines: Callable[..., int]) -> None:
    doc_a = import_lines([[(72, 100, "A name here")]])
    doc_b = import_lines([[(72, 100, "Another name")]])
    rid = _one(case, doc_a)
    _one(case, doc_b)
    case.apply(set_status_edit(case, [rid], "rejected"))
    log_a = redaction_log(case, doc_a)
    assert [e.action for e in log_a] == ["mark_redaction", "set_redaction_status"]
    assert all(e.document_id == doc_a for e in log_a)
    assert log_a[1].redaction_ids == (rid,)
    assert len(redaction_log(case)) == 3
