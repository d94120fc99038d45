"""Text extraction as search and redaction need it."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from evidence_desk.core.case import Case
from evidence_desk.core.importing import import_paths
from evidence_desk.core.pdf.extract import extract_pages
from evidence_desk.core.search import search


def _ligature_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    # The story engine shapes text with the font's ligatures, as word processors do.
    page.insert_htmlbox(pymupdf.Rect(72, 72, 500, 200),
                        "<p style='font-family:serif'>The official final offer of the firm</p>")
    doc.save(path)
    return path


def test_ligatures_are_expanded_so_words_read_as_typed(tmp_path: Path) -> None:
    pdf = _ligature_pdf(tmp_path / "lig.pdf")
    raw = pymupdf.open(pdf)[0].get_text("text", flags=pymupdf.TEXTFLAGS_TEXT)
    [page] = extract_pages(str(pdf), "application/pdf", 0, 1)
    assert "official final" in page.text
    assert {"official", "final"} <= {w[4] for w in page.words}
    assert "\ufb01" not in page.text and "\ufb03" not in page.text
    # the file really uses ligature glyphs: without expansion MuPDF keeps them
    assert "\ufb01" in raw and "\ufb03" in raw


def test_a_search_for_a_word_written_with_a_ligature_finds_it(case: Case, tmp_path: Path) -> None:
    import_paths(case, [_ligature_pdf(tmp_path / "lig.pdf")])
    assert [h.page for h in search(case, "official")] == [1]
    assert [h.page for h in search(case, "final")] == [1]
