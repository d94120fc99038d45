"""`build_demo_case`: a complete, verifiable demo case, built once, never over a real one."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.bundle.verify_bundle import verify_bundle_file
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import CustodyEvent, Document, Note, Page, Provenance
from evidence_desk.core.demo.build import BUILT_KEY, STARTED_KEY, build_demo_case, describe_case
from evidence_desk.core.demo.corpus import load_documents
from evidence_desk.core.errors import CancelledError, CaseError
from evidence_desk.core.progress import Progress
from evidence_desk.core.search import search
from evidence_desk.core.verify_case import verify_case


def _count(case: Case, column) -> int:  # type: ignore[no-untyped-def]
    with case.read() as s:
        return int(s.execute(select(func.count(column))).scalar_one())


def test_demo_case_holds_every_template_in_order_and_verifies(demo_case):
    templates = load_documents()
    with demo_case.read() as s:
        docs = s.execute(select(Document).order_by(Document.id)).scalars().all()
    assert len(docs) >= 14
    assert [d.filename for d in docs] == [t.filename for t in templates]
    assert [d.page_count for d in docs] == [len(t.pages) for t in templates]
    assert all(d.languages == "rus+eng+deu" for d in docs)
    report = verify_case(demo_case)
    assert report.ok, report.problems
    assert demo_case.meta(STARTED_KEY) and demo_case.meta(BUILT_KEY)


def test_born_digital_text_is_searchable_in_every_language(demo_case):
    for word, filename_part in (("Гарбуз", "SA-1"), ("Шабловская", "mfa-cover"),
                                ("Verwendungszweck", "nordmarsch"), ("Endverbleibserklärung", "LHE-2022"),
                                ("Spolokh", "contract")):
        hits = search(demo_case, word)
        assert any(filename_part in h.filename for h in hits), (word, [h.filename for h in hits])


def test_scans_without_ocr_wait_for_it(demo_case):
    with demo_case.read() as s:
        waiting = s.execute(select(Document.filename).join(Page).where(Page.needs_ocr)).scalars().all()
    scanned = {t.filename for t in load_documents() if not t.born_digital}
    assert set(waiting) == scanned


def test_demo_case_records_provenance_custody_and_notes(demo_case):
    templates = load_documents()
    assert _count(demo_case, Provenance.document_id) == len(templates)
    with demo_case.read() as s:
        sources = set(s.execute(select(Provenance.source_code)).scalars())
        case_notes = s.execute(select(Note.text).where(Note.document_id.is_(None))).scalars().all()
        doc_notes = s.execute(select(Note).where(Note.document_id.is_not(None))).scalars().all()
    assert sources == {"SOURCE-KESTREL", "SOURCE-HERON"}
    assert _count(demo_case, CustodyEvent.id) == sum(len(t.provenance["custody"]) for t in templates)
    assert any("SPECIMEN" in n for n in case_notes)
    assert len(doc_notes) == sum(len(t.notes) for t in templates)
    assert all(n.page_number == 1 for n in doc_notes)


def test_describe_case_lists_each_document_and_the_counts(demo_case):
    text = describe_case(demo_case)
    assert "16 documents" in text or f"{len(load_documents())} documents" in text
    assert "provenance records" in text and "document links" in text
    for t in load_documents():
        assert t.filename in text


def test_building_again_reopens_the_finished_demo_unchanged(demo_case):
    audit_before = verify_case(demo_case).checked["audit_entries"]
    again = build_demo_case(demo_case.path)
    try:
        assert again.meta("case_uid") == demo_case.meta("case_uid")
        assert verify_case(again).checked["audit_entries"] == audit_before
    finally:
        again.close()


def test_refuses_a_folder_holding_other_files(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "letter.txt").write_text("mine")
    with pytest.raises(CaseError, match="not empty"):
        build_demo_case(folder, force=True, ocr=False)
    assert [p.name for p in folder.iterdir()] == ["letter.txt"]


def test_refuses_a_real_case_even_when_forced(tmp_path):
    with Case.open(tmp_path / "real", create=True) as real:
        uid = real.meta("case_uid")
    with pytest.raises(CaseError, match="not the demo"):
        build_demo_case(tmp_path / "real", force=True, ocr=False)
    with Case.open(tmp_path / "real") as real:
        assert real.meta("case_uid") == uid


def test_refuses_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(CaseError, match="is a file"):
        build_demo_case(tmp_path / "file", ocr=False)


def test_force_rebuilds_a_finished_demo_from_scratch(demo_case, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(demo_case.path, copy)
    with Case.open(copy) as old:
        old_uid = old.meta("case_uid")
    rebuilt = build_demo_case(copy, force=True, ocr=False)
    try:
        assert rebuilt.meta("case_uid") != old_uid
        assert _count(rebuilt, Document.id) == len(load_documents())
        assert verify_case(rebuilt).ok
    finally:
        rebuilt.close()


@pytest.mark.full_ocr
@pytest.mark.needs_tesseract("rus", "eng", "deu")
def test_interrupted_build_is_replaced_by_a_full_default_build_with_ocr(tmp_path):
    """The one full build (OCR of every scan in rus+eng+deu): a build cancelled half-way
    leaves an unfinished demo that the next build replaces, and the scans become searchable."""
    target = tmp_path / "demo"
    progress = Progress()
    progress.subscribe(lambda state: progress.cancel() if state.done >= 2 else None)
    with pytest.raises(CancelledError):
        build_demo_case(target, progress=progress)
    with Case.open(target) as half:
        assert half.meta(STARTED_KEY) and half.meta(BUILT_KEY) is None

    case = build_demo_case(target)
    try:
        assert case.meta(BUILT_KEY)
        with case.read() as s:
            pages = s.execute(select(Page.text_source, func.count()).group_by(Page.text_source)).all()
        assert dict(pages).get("none", 0) == 0
        assert dict(pages)["ocr"] == sum(len(t.pages) for t in load_documents() if not t.born_digital)
        assert any(h.filename.endswith(".png") for h in search(case, "Полынь"))  # Russian scan
        assert any(h.filename.endswith(".jpg") for h in search(case, "Spediteur"))  # German photo
        assert any(h.filename.endswith(".tif") for h in search(case, "Тарасевич"))  # fax TIFF
        assert verify_case(case).ok
        # Every document, its scans rebuilt with their OCR layers in Russian, German and English,
        # passes the export's own checks (no innocent word lost) and the bundle verifies.
        bundle = export_bundle(case, tmp_path / "demo.zip", BundleOptions(profile="publication"))
        assert bundle.documents == len(load_documents())
        assert verify_bundle_file(tmp_path / "demo.zip").ok
    finally:
        case.close()
