"""The registry: add, alias, find across scripts, rename, merge (undoable), split."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from evidence_desk.core.commands.entities import AddAlias, MergeEntities, RenameEntity, SplitEntity
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import Entity, EntityAlias, Mention
from evidence_desk.core.entities import manage
from evidence_desk.core.entities.registry import find_entity
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.entities import complete, list_entities


@pytest.fixture
def docs(letters_case):
    return letters_case[1]


REGION = Rect(50, 50, 200, 70)


def _tag(case, doc, page, name, etype=None):
    edit = Tag(doc, page, name, etype, rect=REGION)
    case.apply(edit)
    return edit.created_id


def test_an_entity_is_found_by_any_alias_in_any_script(case):
    plant = manage.add_entity(case, "ОАО «Завод Пример»", "organisation", ("JSC Primer Plant", "Primer-Werk"))
    person = manage.add_entity(case, "Щукин Иван Петрович", "person")
    case.apply(AddAlias(person, "Щукин", "ru"))
    with case.read() as s:
        assert find_entity(s, "JSC Primer Plant").id == plant
        assert find_entity(s, "oao zavod primer").id == plant  # transliterated
        assert find_entity(s, "Schtschukin").id == person  # German spelling of an alias
        assert find_entity(s, "Shchukin", "organisation") is None  # type filter respected
    assert [v.id for v in complete(case, "primer")] == [plant]
    assert [(v.id, v.matched) for v in complete(case, "Schtschuk")] == [(person, "Щукин")]


def test_adding_a_duplicate_entity_or_alias_is_refused(case):
    eid = manage.add_entity(case, "Belarus", "place", ("Беларусь",))
    with pytest.raises(InvalidInputError, match="already exists"):
        manage.add_entity(case, "Беларусь", "place")
    with pytest.raises(InvalidInputError, match="already has the alias"):
        case.apply(AddAlias(eid, "Беларусь"))


def test_renaming_keeps_the_old_name_as_an_alias(case):
    eid = manage.add_entity(case, "Primer Plant", "organisation")
    case.apply(RenameEntity(eid, "JSC Primer Plant"))
    [row] = list_entities(case)
    assert row.name == "JSC Primer Plant" and "Primer Plant" in row.aliases


def test_merging_moves_mentions_and_aliases_and_one_undo_restores_both(letters_case, docs):
    case = letters_case[0]
    ru, en = docs["letter_ru.pdf"], docs["invoice_en.pdf"]
    m1 = _tag(case, ru, 1, "Завод Пример", "organisation")
    m2 = _tag(case, en, 1, "JSC Primer Plant", "organisation")
    with case.read() as s:
        keep = find_entity(s, "Завод Пример").id
        other = find_entity(s, "JSC Primer Plant").id
    case.apply(MergeEntities(keep, other))
    with case.read() as s:
        assert {m.entity_id for m in s.execute(select(Mention)).scalars()} == {keep}
        assert {a.alias for a in s.execute(select(EntityAlias).where(EntityAlias.entity_id == keep)).scalars()} \
            == {"Завод Пример", "JSC Primer Plant"}
        assert s.get(Entity, other).merged_into_id == keep
        assert find_entity(s, "JSC Primer Plant").id == keep
    assert [r.id for r in list_entities(case)] == [keep]

    case.history.undo()
    with case.read() as s:
        assert s.get(Mention, m2).entity_id == other and s.get(Mention, m1).entity_id == keep
        assert s.get(Entity, other).merged_into_id is None
        assert find_entity(s, "JSC Primer Plant").id == other


def test_merging_an_entity_into_itself_is_refused(case):
    eid = manage.add_entity(case, "Minsk", "place")
    with pytest.raises(InvalidInputError, match="itself"):
        case.apply(MergeEntities(eid, "Минск"))


def test_splitting_moves_chosen_mentions_and_aliases_to_a_new_entity(letters_case, docs):
    case = letters_case[0]
    ru, en = docs["letter_ru.pdf"], docs["invoice_en.pdf"]
    m1 = _tag(case, ru, 1, "Щукин", "person")
    with case.read() as s:
        eid = find_entity(s, "Щукин").id
    case.apply(AddAlias(eid, "I. Shchukin"))
    m2 = _tag(case, en, 1, "I. Shchukin")
    split = SplitEntity(eid, "Igor Shchukin", (m2,), ("I. Shchukin",))
    case.apply(split)
    new_id = split.created_id
    with case.read() as s:
        assert s.get(Mention, m2).entity_id == new_id and s.get(Mention, m1).entity_id == eid
        assert s.get(Entity, new_id).type == "person"
        assert {a.alias for a in s.get(Entity, new_id).aliases} == {"Igor Shchukin", "I. Shchukin"}
    case.history.undo()
    with case.read() as s:
        assert s.get(Entity, new_id) is None and s.get(Mention, m2).entity_id == eid
