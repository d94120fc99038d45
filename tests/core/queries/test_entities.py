"""One entity with its names and every mention, across documents."""

from __future__ import annotations

import pytest

from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.queries.annotations import document_mentions
from evidence_desk.core.queries.entities import (
    complete,
    entity_details,
    entity_family,
    list_entities,
)
from tests.core.queries.conftest import Marked


def test_an_entity_lists_its_mentions_in_every_document(marked: Marked) -> None:
    agency = document_mentions(marked.case, marked.invoice)[0].entity_id
    details = entity_details(marked.case, agency)
    assert (details.name, details.type) == ("State Export Agency", "state_body")
    assert {(m.doc_id, m.page) for m in details.mentions} == {(marked.letter, 1), (marked.invoice, 1)}
    assert {m.filename for m in details.mentions} == {"letter.pdf", "invoice.pdf"}
    assert entity_family(marked.case, agency) == {agency}


def test_a_rejected_mention_does_not_count_for_its_entity(marked: Marked) -> None:
    petrov = document_mentions(marked.case, marked.letter, 1)[0].entity_id
    assert [(m.doc_id, m.rect) for m in entity_details(marked.case, petrov).mentions] == [
        (marked.letter, marked.petrov_rect)]


def test_an_unknown_entity_is_refused(marked: Marked) -> None:
    with pytest.raises(NotFoundError):
        entity_details(marked.case, 9999)


def test_the_entity_list_counts_accepted_mentions_and_keeps_aliases(marked: Marked) -> None:
    rows = {r.name: r for r in list_entities(marked.case)}
    assert set(rows) == {"Anton Petrov", "State Export Agency", "Zelenograd"}
    assert rows["State Export Agency"].mentions == 2 and rows["State Export Agency"].type == "state_body"
    assert rows["Anton Petrov"].mentions == 1  # its rejected mention on the invoice does not count
    assert [r.name for r in list_entities(marked.case, "place")] == ["Zelenograd"]
    assert rows["Zelenograd"].to_json()["aliases"] == []


def test_completion_finds_an_entity_by_part_of_its_name_in_any_case(marked: Marked) -> None:
    assert [m.name for m in complete(marked.case, "export")] == ["State Export Agency"]
    assert [m.name for m in complete(marked.case, "PETROV")] == ["Anton Petrov"]
    assert complete(marked.case, "nobody at all") == []
