"""Redactions by case, document, page and status."""

from __future__ import annotations

from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.redactions import list_redactions
from tests.core.queries.conftest import Marked


def test_a_drawn_redaction_is_listed_with_its_box_reason_and_status(marked: Marked) -> None:
    [red] = list_redactions(marked.case)
    assert (red.document_id, red.filename, red.page, red.reason) == (marked.letter, "letter.pdf", 2, "personal")
    assert red.rect == Rect(60, 60, 200, 75) and red.text is None and red.status == "proposed"
    assert red.to_json()["rect"] == [60.0, 60.0, 200.0, 75.0]


def test_redactions_filter_by_document_page_and_status(marked: Marked) -> None:
    letter = marked.letter
    assert len(list_redactions(marked.case, letter)) == 1
    assert list_redactions(marked.case, letter, page=1) == []
    assert list_redactions(marked.case, marked.invoice) == []
    assert list_redactions(marked.case, letter, status="approved") == []
    sha = list_redactions(marked.case, letter)[0].id
    assert [r.id for r in list_redactions(marked.case, str(letter))] == [sha]
