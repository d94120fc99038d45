"""`delete_entity`: the entity goes with its mentions, aliases and merged members, in one
step that undo restores exactly."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.entities import AddAlias, MergeEntities
from evidence_desk.core.commands.entity_delete import DeleteEntity
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.entities import list_entities
from tests.core.commands.conftest import assert_exact_inverse, rows_of

REGION = Rect(56, 56, 300, 80)


def test_deleting_a_merged_entity_removes_its_family_and_is_undone_exactly(two_docs):
    two_docs.apply(Tag(1, 1, "Kirill O. Garbuz", "person", rect=REGION))
    two_docs.apply(Tag(2, 1, "K. Garbus", "person", rect=REGION))
    two_docs.apply(Tag(2, 1, "Hans Müller", "person", rect=REGION))
    two_docs.apply(AddAlias("Kirill O. Garbuz", "Гарбуз", "ru"))
    two_docs.apply(MergeEntities("Kirill O. Garbuz", "K. Garbus"))
    action, data = assert_exact_inverse(two_docs, DeleteEntity("Гарбуз"))
    assert action == "delete_entity"
    intent = data["intent"]
    assert intent["entity"] == "Kirill O. Garbuz"
    assert (intent["mentions"], intent["merged"]) == (2, 1)
    assert intent["aliases"] >= 2  # its own name, "Гарбуз" and the merged one's name
    remaining = {e.name: e.mentions for e in list_entities(two_docs, include_merged=True)}
    assert remaining == {"Hans Müller": 1}
    rows = rows_of(two_docs)
    assert {r["entity_id"] for r in rows["mentions"]} == {next(r["id"] for r in rows["entities"])}


def test_deleting_an_unknown_entity_says_so_and_changes_nothing(two_docs):
    before = rows_of(two_docs)
    with pytest.raises(NotFoundError, match="no entity"):
        two_docs.apply(DeleteEntity("Nobody"))
    assert rows_of(two_docs) == before
