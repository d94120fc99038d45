"""A PDF of 20,000 blank pages imports with `--ocr auto` in well under a minute (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_blank_pdf_bench.py -s

The file is generated here (PyMuPDF `new_page` × 20,000). Measured: `import_paths` plus
`after_import` with OCR on "auto" (no page is sent to Tesseract: every page paints nothing
and is marked blank) and the reading that follows, wall clock, one worker. The figure is
printed, never asserted against a clock."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Page
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.post_import import after_import
from evidence_desk.core.progress import Progress

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]
PAGES = 20_000


def test_a_20000_page_blank_pdf_imports_with_ocr_auto(tmp_path: Path) -> None:
    doc = pymupdf.open()
    for _ in range(PAGES):
        doc.new_page()
    path = tmp_path / "blank.pdf"
    doc.save(path)
    case = Case.open(tmp_path / "case", create=True)
    options = ImportOptions(workers=1, ocr="auto", max_pages=PAGES)
    started = time.perf_counter()
    report = import_paths(case, [path], options)
    imported = time.perf_counter() - started
    post = after_import(case, report, options, Progress())
    total = time.perf_counter() - started
    with case.read() as s:
        blank = s.query(Page).filter_by(text_source="blank").count()
    print(f"\nblank PDF: {PAGES} pages, import {imported:.1f} s, with OCR auto and the reading {total:.1f} s "
          f"(blank pages {blank}, OCR'd {post.get('ocr_pages', 0)}); load average {os.getloadavg()[0]:.1f}")
    assert blank == PAGES and post.get("ocr_pages", 0) == 0
    case.close()
