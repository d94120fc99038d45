"""Mentions and notes of a document or one of its pages."""

from __future__ import annotations

from evidence_desk.core.queries.annotations import document_mentions, document_notes
from tests.core.queries.conftest import Marked


def test_mentions_carry_their_entitys_name_and_type_and_their_region_or_quote(marked: Marked) -> None:
    rows = document_mentions(marked.case, marked.letter)
    assert [(m.page, m.entity, m.entity_type) for m in rows] == [
        (1, "Anton Petrov", "person"), (1, "State Export Agency", "state_body"), (2, "Zelenograd", "place")]
    petrov, agency, place = rows
    assert petrov.rect == marked.petrov_rect and petrov.quote is None
    assert place.rect is None and place.quote == "Zelenograd"
    assert agency.entity_id == document_mentions(marked.case, marked.invoice)[0].entity_id


def test_mentions_of_one_page_only(marked: Marked) -> None:
    assert [m.entity for m in document_mentions(marked.case, marked.letter, 2)] == ["Zelenograd"]


def test_a_rejected_mention_is_left_out_unless_asked_for(marked: Marked) -> None:
    assert marked.rejected_mention not in {m.id for m in document_mentions(marked.case, marked.invoice)}
    every = document_mentions(marked.case, marked.invoice, include_rejected=True)
    assert {m.id: m.status for m in every}[marked.rejected_mention] == "rejected"


def test_notes_list_the_document_note_first_then_page_and_region_notes(marked: Marked) -> None:
    doc_note, region_note = document_notes(marked.case, marked.letter)
    assert (doc_note.page, doc_note.rect, doc_note.author) == (None, None, "tester")
    assert region_note.id == marked.region_note and region_note.page == 1
    assert region_note.rect is not None and region_note.rect.width == 250
    assert region_note.to_json()["created_at"].startswith(str(region_note.created_at.year))


def test_notes_of_one_page_and_of_a_document_without_any(marked: Marked) -> None:
    assert [n.text for n in document_notes(marked.case, marked.letter, 1)] == ["Who signed?"]
    assert document_notes(marked.case, marked.letter, 2) == []
    assert document_notes(marked.case, marked.invoice) == []
