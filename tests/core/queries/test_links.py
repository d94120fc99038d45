"""Links between documents, seen from either end, and the case's whole list."""

from __future__ import annotations

from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.links import all_links, document_links
from tests.core.queries.conftest import Marked


def test_a_link_is_seen_outgoing_from_its_source_and_incoming_at_its_target(marked: Marked) -> None:
    from_invoice = document_links(marked.case, marked.invoice)
    [out] = from_invoice.other
    assert (out.kind, out.direction, out.other, out.other_filename) == (
        "replies_to", "out", marked.letter, "letter.pdf")
    assert (out.page, out.quote, out.note, out.rect) == (1, "INVOICE No. 445", "answers the letter",
                                                         Rect(56, 56, 200, 70))
    assert from_invoice.cites == () and from_invoice.cited_by == () and from_invoice.count == 1
    [back] = document_links(marked.case, marked.letter).other
    assert (back.id, back.direction, back.other) == (out.id, "in", marked.invoice)


def test_links_json_keeps_the_shape_the_command_line_prints(marked: Marked) -> None:
    data = document_links(marked.case, marked.invoice).to_json()
    assert set(data) == {"doc", "reference", "cites", "cited_by", "other"}
    assert data["other"][0]["rect"] == [56.0, 56.0, 200.0, 70.0] and data["other"][0]["origin"] == "manual"
    assert [link.to_json()["source"] for link in all_links(marked.case)] == [marked.invoice]
