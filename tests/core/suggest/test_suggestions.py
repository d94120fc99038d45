"""Suggestions on a multilingual package: known entities across scripts, dates, amounts,
references and document details; nothing counts until accepted."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from evidence_desk.core.commands.entities import AddAlias
from evidence_desk.core.db.models import Document, Entity, Mention
from evidence_desk.core.entities import manage
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.suggest.store import (
    decide,
    list_suggestions,
    pending_ids,
    refresh_suggestions,
)


@pytest.fixture
def case(letters_case):
    return letters_case[0]


@pytest.fixture
def docs(letters_case):
    case, ids = letters_case
    manage.add_entity(case, "ОАО «Завод Пример»", "organisation", ("JSC Primer Plant", "Primer-Werk", "Завод Пример"))
    manage.add_entity(case, "Щукин", "person")
    return ids


def _mentions(case) -> int:
    with case.read() as s:
        return int(s.execute(select(func.count(Mention.id))).scalar_one())


def test_a_known_entity_is_suggested_in_every_script_and_spelling(case, docs):
    refresh_suggestions(case)
    rows = list_suggestions(case, kind="entity")
    found = {(r["doc"], r["entity"], r["quote"]) for r in rows}
    plant, person = "ОАО «Завод Пример»", "Щукин"
    assert (docs["letter_ru.pdf"], plant, "ОАО «Завод Пример»") in found
    assert (docs["invoice_en.pdf"], plant, "JSC Primer Plant") in found
    assert (docs["note_de.pdf"], plant, "Primer-Werk") in found
    assert (docs["note_de.pdf"], plant, "Sawod Primer") in found  # German transliteration of Завод Пример
    assert (docs["invoice_en.pdf"], person, "Shchukin") in found
    assert (docs["note_de.pdf"], person, "Schtschukin") in found
    assert all(r["rect"] is not None and r["page"] == 1 for r in rows)
    assert _mentions(case) == 0  # nothing counts until accepted


def test_suggestion_regions_cover_the_words_on_the_page(case, docs):
    refresh_suggestions(case)
    [row] = [r for r in list_suggestions(case, doc_id=docs["invoice_en.pdf"], kind="amount")]
    assert row["normalized"] == "45000.00 USD"
    x0, y0, x1, y1 = row["rect"]
    assert 50 <= x0 < x1 <= 545 and 50 <= y0 < y1 < 300 and (y1 - y0) < 20


def test_accepting_creates_mentions_and_one_undo_removes_them(case, docs):
    refresh_suggestions(case)
    ids = pending_ids(case, kind="entity")
    edit = decide(case, ids, accept=True)
    assert _mentions(case) == len(ids) == len(edit.mention_ids)
    with case.read() as s:
        assert {m.origin for m in s.execute(select(Mention)).scalars()} == {"suggested"}
    assert pending_ids(case, kind="entity") == []
    case.history.undo()
    assert _mentions(case) == 0 and pending_ids(case, kind="entity") == ids


def test_accepting_dates_amounts_and_references_creates_typed_entities(case, docs):
    refresh_suggestions(case)
    ids = pending_ids(case, kind="amount") + pending_ids(case, kind="date") + pending_ids(case, kind="reference")
    decide(case, ids, accept=True)
    with case.read() as s:
        names = {(e.type, e.name) for e in s.execute(select(Entity)).scalars()}
    assert {("amount", "45000.00 USD"), ("amount", "1234567.89 RUB"), ("date", "2021-03-12"),
            ("reference", "K-2019/77"), ("reference", "INV-2021-044")} <= names
    # Both the Cyrillic and the Latin К-2019/77 were accepted into one reference entity.
    with case.read() as s:
        contract = s.execute(select(Entity).where(Entity.name == "K-2019/77")).scalar_one()
        docs_citing = set(s.execute(select(Mention.document_id).where(Mention.entity_id == contract.id)).scalars())
    assert {docs["letter_ru.pdf"], docs["invoice_en.pdf"], docs["contract.pdf"]} <= docs_citing


def test_rejected_suggestions_are_not_proposed_again_and_decided_ones_cannot_be_decided_twice(case, docs):
    refresh_suggestions(case)
    ids = pending_ids(case, doc_id=docs["note_de.pdf"])
    decide(case, ids, accept=False)
    counts = refresh_suggestions(case)
    assert pending_ids(case, doc_id=docs["note_de.pdf"]) == [] and counts["added"] == 0
    with pytest.raises(InvalidInputError, match="already rejected"):
        decide(case, ids[:1], accept=True)


def test_accepting_document_field_suggestions_sets_the_details(case, docs):
    refresh_suggestions(case)
    decide(case, pending_ids(case, kind="field"), accept=True)
    with case.read() as s:
        inv = s.get(Document, docs["invoice_en.pdf"])
        ru = s.get(Document, docs["letter_ru.pdf"])
        de = s.get(Document, docs["note_de.pdf"])
    assert (inv.kind, inv.doc_date, inv.reference, inv.sender, inv.recipient) == (
        "invoice", "2021-03-03", "INV-2021-044", "JSC Primer Plant", "Ministry of Defence")
    assert (ru.doc_date, ru.reference, ru.sender, ru.recipient) == (
        "2021-03-12", "12/345-6", "ОАО «Завод Пример»", "Министерство обороны")
    assert (de.doc_date, de.reference, de.sender) == ("2021-03-05", "7-AB/2021", "Primer-Werk")
    assert refresh_suggestions(case)["added"] == 0  # fields already set are not suggested again


def test_a_new_alias_brings_new_suggestions_on_refresh(case, docs):
    refresh_suggestions(case)
    before = len(list_suggestions(case, kind="entity"))
    eid = manage.add_entity(case, "Ministry of Defence", "state_body")
    case.apply(AddAlias(eid, "Министерство обороны", "ru"))
    refresh_suggestions(case)
    rows = list_suggestions(case, kind="entity")
    assert len(rows) > before
    assert {r["doc"] for r in rows if r["entity_id"] == eid} == {
        docs["contract.pdf"], docs["letter_ru.pdf"], docs["invoice_en.pdf"]}
