"""Helpers for redaction tests: real PDFs imported into a real case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import import_paths
from tests.core.pdfs import FONT_FILE

Lines = Sequence[tuple[float, float, str]]  # (x, baseline y, text) on a page


def write_lines_pdf(path: Path, pages: Sequence[Lines], rotation: int = 0) -> Path:
    """A born-digital PDF with text at exact places (so tests know where words are)."""
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        font = "helv"
        if FONT_FILE.exists():  # Cyrillic needs a Unicode font
            page.insert_font(fontname="dejavu", fontfile=str(FONT_FILE))
            font = "dejavu"
        for x, y, text in lines:
            page.insert_text((x, y), text, fontsize=11, fontname=font)
        if rotation:
            page.set_rotation(rotation)
    doc.save(path)
    doc.close()
    return path


def import_one(case: Case, path: Path) -> int:
    report = import_paths(case, [path])
    outcome = report.outcomes[0]
    assert outcome.document_id is not None, outcome
    return outcome.document_id


@pytest.fixture
def import_lines(case: Case, tmp_path: Path) -> Callable[..., int]:
    counter = iter(range(1000))

    def make(pages: Sequence[Lines], rotation: int = 0) -> int:
        path = write_lines_pdf(tmp_path / f"doc{next(counter)}.pdf", pages, rotation)
        return import_one(case, path)

    return make
