"""`tag` and `untag`: checked, exactly undone, audited by intent."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from evidence_desk.core.commands.entities import AddEntity
from evidence_desk.core.commands.tagging import Tag, Untag
from evidence_desk.core.db.models import Entity, Mention
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from tests.core.commands.conftest import assert_exact_inverse, rows_of

REGION = Rect(56, 56, 300, 80)


def test_tagging_a_new_entity_creates_both_and_undo_removes_both_exactly(two_docs):
    action, data = assert_exact_inverse(two_docs, Tag(1, 1, "Kirill O. Garbuz", "person", rect=REGION))
    assert action == "tag"
    intent = data["intent"]
    assert (intent["document"], intent["page"], intent["entity"], intent["new_entity"]) == (
        1, 1, "Kirill O. Garbuz", True)
    tables = {step["table"] for step in data["steps"]}
    assert tables == {"entities", "entity_aliases", "mentions"}
    assert two_docs.history.undo_name == "Tag “Kirill O. Garbuz” on document 1, page 1"


def test_tagging_a_quote_finds_an_existing_entity_by_alias(two_docs):
    two_docs.apply(AddEntity("Kirill O. Garbuz", "person", ("Garbuz",)))
    tag = Tag(2, 1, "garbuz", quote="Kirill O. Garbuz")
    two_docs.apply(tag)
    with two_docs.read() as s:
        mention = s.get(Mention, tag.created_id)
        assert s.get(Entity, mention.entity_id).name == "Kirill O. Garbuz"
    assert tag.new_entity is False


@pytest.mark.parametrize(("command", "error", "message"), [
    (Tag(1, 1, "Someone", "person"), InvalidInputError, "needs a region"),
    (Tag(1, 9, "Someone", "person", rect=REGION), NotFoundError, "pages 1–2"),
    (Tag(1, 1, "Someone", "person", rect=Rect(700, 900, 800, 950)), InvalidInputError, "outside the page"),
    (Tag(1, 1, "Someone", "person", quote="not on this page"), InvalidInputError, "does not occur"),
    (Tag(1, 1, "Nobody Known", rect=REGION), InvalidInputError, "give --type"),
    (Tag(1, 1, "Someone", "spaceship", rect=REGION), InvalidInputError, "unknown entity type"),
    (Tag(1, 1, rect=REGION, entity_id=999), NotFoundError, "entity 999"),
])
def test_a_bad_tag_is_refused_and_writes_nothing(two_docs, command, error, message):
    before = rows_of(two_docs)
    with pytest.raises(error, match=message):
        two_docs.apply(command)
    assert rows_of(two_docs) == before
    assert not two_docs.history.can_undo


def test_untagging_removes_the_mentions_and_keeps_the_entity_and_undo_restores_them(two_docs):
    first, second = Tag(1, 1, "Garbuz", "person", rect=REGION), Tag(2, 1, "Garbuz", rect=REGION)
    two_docs.apply(first)
    two_docs.apply(second)
    action, data = assert_exact_inverse(two_docs, Untag([first.created_id, second.created_id]))
    assert action == "untag"
    assert [(m["document"], m["entity"]) for m in data["intent"]["mentions"]] == [(1, "Garbuz"), (2, "Garbuz")]
    with two_docs.read() as s:
        assert s.execute(select(Entity.name)).scalars().all() == ["Garbuz"]


def test_untagging_a_mention_that_is_gone_is_refused(two_docs):
    with pytest.raises(NotFoundError, match="already removed"):
        two_docs.apply(Untag([12345]))
