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


def _shaded_pdf(path: Path) -> Path:
    """Black body text, a pale grey word, a see-through black word and a mixed line."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Ivan Petrov signed", fontsize=11)
    page.insert_text((72, 200), "CONFIDENTIAL", fontsize=26, color=(0.85, 0.85, 0.85))
    page.insert_text((72, 300), "DRAFT", fontsize=26, fill_opacity=0.2)
    page.insert_text((72, 400), "grey", fontsize=11, color=(0.5, 0.5, 0.5))
    writer = pymupdf.TextWriter(page.rect)
    writer.append((72, 500), "dark ", fontsize=11)
    writer.write_text(page)
    writer = pymupdf.TextWriter(page.rect, color=(0.9, 0.9, 0.9))
    writer.append((110, 500), "pale", fontsize=11)
    writer.write_text(page)
    doc.save(path)
    return path


def test_text_drawn_very_light_or_see_through_is_marked_faint_in_its_word_rows(tmp_path: Path) -> None:
    """Watermarks are pale or transparent: the word rows say which words are drawn so,
    whether sent as lists or as the JSON the importer stores, and the rows read back."""
    import json

    from evidence_desk.core.geometry import Word

    pdf = _shaded_pdf(tmp_path / "shaded.pdf")
    [page] = extract_pages(str(pdf), "application/pdf", 0, 1)
    [stored] = extract_pages(str(pdf), "application/pdf", 0, 1, words_as_json=True)
    for rows in (page.words, json.loads(stored.words_json)):
        words = [Word.from_row(row) for row in rows]
        assert {w.text for w in words if w.faint} == {"CONFIDENTIAL", "DRAFT", "pale"}
        assert {"Ivan", "Petrov", "grey", "dark"} <= {w.text for w in words if not w.faint}
        assert all(len(row) == 8 for row, w in zip(rows, words, strict=True) if not w.faint)
        assert all(Word.from_row(w.to_row()) == w for w in words)
