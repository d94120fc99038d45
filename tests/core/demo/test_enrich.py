"""The demo case comes out tagged: the cast as entities with names in three languages,
reviewed suggestions, document details, reference links and a timeline.

Read-only checks run on the session's demo case (built without OCR); edits run on
a copy; OCR is checked on one of the demo's own scans."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlalchemy import func, select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.entities import MergeEntities
from evidence_desk.core.db.models import Document, DocumentLink, Entity, Mention, Page, Suggestion
from evidence_desk.core.demo.corpus import load_case_info, load_documents
from evidence_desk.core.entities.registry import find_entity
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.links.refs import normalize_reference
from evidence_desk.core.ocr.service import ocr_documents
from evidence_desk.core.progress import Progress
from evidence_desk.core.queries.timeline import timeline
from tests.core.ocr.scans import recall
from tests.core.suggest.letters import clone_case


@pytest.fixture(scope="module")
def by_filename() -> dict:
    return {t.filename: t for t in load_documents()}


def _docs(case: Case) -> dict[int, Document]:
    with case.read() as s:
        return {d.id: d for d in s.execute(select(Document)).scalars()}


def test_every_cast_member_is_an_entity_with_its_names_in_other_scripts(demo_case):
    for member in load_case_info()["cast"]:
        with demo_case.read() as s:
            for alias in member["aliases"]:
                entity = find_entity(s, alias, member["type"])
                assert entity is not None and entity.name == member["name"], alias


def test_entities_are_accepted_across_languages_and_some_suggestions_wait_for_review(demo_case, by_filename):
    docs = _docs(demo_case)
    with demo_case.read() as s:
        rows = s.execute(select(Entity.name, Mention.document_id).join(Mention, Mention.entity_id == Entity.id)
                         .where(Mention.status == "accepted")).all()
        pending = dict(s.execute(select(Suggestion.kind, func.count()).where(Suggestion.status == "pending")
                                 .group_by(Suggestion.kind)).all())
    languages = defaultdict(set)
    for name, doc_id in rows:
        languages[name].add(by_filename[docs[doc_id].filename].language)
    # The same organisations are tagged in Russian, English and German documents.
    assert languages["Ostrovtechexport"] == {"ru", "en", "de"}
    assert {"ru", "en"} <= languages["Zarnitsa Instrument Plant"]
    assert pending.get("amount", 0) > 0 and pending.get("reference", 0) > 0


def test_born_digital_documents_get_the_details_their_templates_give(demo_case, by_filename):
    for doc in _docs(demo_case).values():
        tpl = by_filename[doc.filename]
        assert (doc.kind, doc.doc_date) == (tpl.kind, tpl.date), doc.filename
        assert normalize_reference(doc.reference or "") == normalize_reference(tpl.reference), doc.filename


def test_documents_citing_each_other_are_linked_as_the_templates_say(demo_case, by_filename):
    docs = _docs(demo_case)
    by_ref = {normalize_reference(by_filename[d.filename].reference): d.id for d in docs.values()}
    expected = set()
    for d in docs.values():
        tpl = by_filename[d.filename]
        if not tpl.born_digital:
            continue  # without OCR a scan has no text to cite from
        for ref in tpl.cites:
            target = by_ref.get(normalize_reference(ref))
            if target is not None and target != d.id:
                expected.add((d.id, target))
    with demo_case.read() as s:
        found = set(s.execute(select(DocumentLink.source_id, DocumentLink.target_id)
                              .where(DocumentLink.kind == "cites")).all())
    assert expected and expected <= found
    # and nothing the templates do not say (citations from scans come only with OCR)
    assert all(by_filename[docs[src].filename].born_digital for src, _ in found)


def test_the_timeline_orders_documents_and_filters_by_entity(demo_case):
    events = timeline(demo_case)
    assert len([e for e in events if e.kind == "document"]) == len(load_documents())
    assert [e.date for e in events] == sorted(e.date for e in events)
    with demo_case.read() as s:
        bank = find_entity(s, "Nordmarsch Handelsbank AG").id
    filtered = timeline(demo_case, entity_id=bank)
    assert 0 < len(filtered) < len(events)


def test_merging_two_cast_entities_on_the_demo_moves_every_mention_and_undoes(demo_case, tmp_path):
    with clone_case(demo_case.path, tmp_path / "copy") as case:
        with case.read() as s:
            keep = find_entity(s, "Островтехэкспорт").id
            other = find_entity(s, "Zarnitsa Instrument Plant").id
            before = dict(s.execute(select(Mention.entity_id, func.count()).group_by(Mention.entity_id)).all())
        case.apply(MergeEntities(keep, other))
        with case.read() as s:
            after = dict(s.execute(select(Mention.entity_id, func.count()).group_by(Mention.entity_id)).all())
            assert find_entity(s, "Sarniza-Gerätewerk").id == keep
        assert after[keep] == before[keep] + before[other] and other not in after
        case.history.undo()
        with case.read() as s:
            assert dict(s.execute(select(Mention.entity_id, func.count()).group_by(Mention.entity_id)).all()) == before


@pytest.mark.needs_tesseract("rus", "eng", "deu")
def test_a_demo_scan_is_read_by_ocr_with_high_recall(specimen_files, case):
    spec = next(f for f in specimen_files if f.template.delivery == "jpeg")
    doc_id = import_paths(case, [spec.path], ImportOptions(ocr="never")).imported[0].document_id
    ocr_documents(case, [doc_id], "rus+eng+deu", Progress())
    with case.read() as s:
        text = s.execute(select(Page.text).where(Page.document_id == doc_id, Page.number == 1)).scalar_one()
    assert recall(spec.template.page_text(0), text) >= 0.85
