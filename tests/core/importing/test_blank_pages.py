"""Pages that paint nothing are marked blank at import and never sent to OCR."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Page
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.ocr.service import _plan
from evidence_desk.core.post_import import after_import
from evidence_desk.core.progress import Progress


def _pdf(path: Path) -> Path:
    doc = pymupdf.open()
    doc.new_page()  # 1: nothing at all
    doc.new_page().insert_text((72, 72), "Исх. № 04-11/2187 от 19.02.2021, a page with some text on it")  # 2
    doc.new_page().draw_rect(pymupdf.Rect(100, 100, 300, 200), color=(0, 0, 0), fill=(0.2, 0.2, 0.2))  # 3: a drawing
    doc.new_page()  # 4: nothing
    doc.save(path)
    return path


def test_pages_painting_nothing_are_blank_and_never_ocrd(tmp_path: Path) -> None:
    case = Case.open(tmp_path / "case", create=True)
    options = ImportOptions(workers=1, ocr="auto")
    report = import_paths(case, [_pdf(tmp_path / "mixed.pdf")], options)
    [doc_id] = [o.document_id for o in report.imported]
    with case.read() as s:
        pages = {p.number: (p.text_source, p.needs_ocr) for p in s.query(Page).filter_by(document_id=doc_id)}
    assert pages == {1: ("blank", False), 2: ("embedded", False), 3: ("none", True), 4: ("blank", False)}
    # Not even "always" or "force" sends a blank page to Tesseract: only the drawing is planned.
    for mode in ("auto", "always", "force"):
        planned = {number for _, number, _ in _plan(case, [doc_id], "eng", mode, set())}
        assert planned <= {2, 3} and 3 in planned and 1 not in planned and 4 not in planned
    post = after_import(case, report, ImportOptions(workers=1, ocr="never"), Progress())
    assert post["analysis"]["pages_read"] == 4
    case.close()
