"""`add_entity`, `add_alias`, `rename_entity`, `merge_entities`, `split_entity`."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.entities import (
    AddAlias,
    AddEntity,
    MergeEntities,
    RenameEntity,
    SplitEntity,
)
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from tests.core.commands.conftest import assert_exact_inverse, rows_of

REGION = Rect(56, 56, 300, 80)


def test_adding_an_entity_with_aliases_is_undone_exactly(two_docs):
    action, data = assert_exact_inverse(two_docs, AddEntity("Belarus", "place", ("Беларусь", "Weißrussland")))
    assert action == "add_entity"
    assert data["intent"]["entity"] == "Belarus" and data["intent"]["aliases"] == ["Беларусь", "Weißrussland"]


def test_alias_and_rename_are_audited_with_the_names(two_docs):
    two_docs.apply(AddEntity("Kirill O. Garbuz", "person"))
    action, data = assert_exact_inverse(two_docs, AddAlias("Kirill O. Garbuz", "Гарбуз", "ru"))
    assert action == "add_alias" and data["intent"] == {"entity": "Kirill O. Garbuz", "alias": "Гарбуз",
                                                        "language": "ru"}
    action, data = assert_exact_inverse(two_docs, RenameEntity("Гарбуз", "K. O. Garbuz"))
    assert action == "rename_entity" and data["intent"] == {"entity": "Kirill O. Garbuz",
                                                            "new_name": "K. O. Garbuz"}


def test_merge_and_split_move_mentions_and_are_undone_exactly(two_docs):
    a, b = Tag(1, 1, "Kirill O. Garbuz", "person", rect=REGION), Tag(2, 1, "K. Garbus", "person", rect=REGION)
    two_docs.apply(a)
    two_docs.apply(b)
    action, data = assert_exact_inverse(two_docs, MergeEntities("Kirill O. Garbuz", "K. Garbus"))
    assert action == "merge_entities" and data["intent"] == {"keep": "Kirill O. Garbuz", "merged": "K. Garbus"}
    action, data = assert_exact_inverse(two_docs, SplitEntity("Kirill O. Garbuz", "Karl Garbus", (b.created_id,),
                                                              ("K. Garbus",)))
    assert action == "split_entity" and data["intent"]["new_entity"] == "Karl Garbus"


@pytest.mark.parametrize(("command", "error", "message"), [
    (AddEntity("  ", "person"), InvalidInputError, "needs a name"),
    (AddAlias("Nobody", "x"), NotFoundError, "no entity 'Nobody'"),
    (RenameEntity("Zollamt", " "), InvalidInputError, "cannot be empty"),
    (MergeEntities("Zollamt", "Zollamt"), InvalidInputError, "itself"),
    (SplitEntity("Zollamt", "New"), InvalidInputError, "choose the mentions"),
    (SplitEntity("Zollamt", "New", (), ("not an alias",)), InvalidInputError, "has no alias"),
])
def test_bad_registry_edits_are_refused(two_docs, command, error, message):
    two_docs.apply(AddEntity("Zollamt", "organisation"))
    before = rows_of(two_docs)
    with pytest.raises(error, match=message):
        two_docs.apply(command)
    assert rows_of(two_docs) == before
