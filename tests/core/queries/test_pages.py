"""Pages: geometry for the viewer, word rows for its text layer, sources for thumbnails."""

from __future__ import annotations

import pytest

from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.geometry import PageGeometry, Rect, Word
from evidence_desk.core.queries.pages import (
    document_layout,
    document_pages,
    page_sources,
    page_word_rows,
)
from tests.core.queries.conftest import Marked


def test_a_document_opens_from_its_page_rows_with_each_pages_geometry(marked: Marked) -> None:
    layout = document_layout(marked.case, marked.letter)
    assert layout.pages == (PageGeometry(1, 595.0, 842.0, 0), PageGeometry(2, 595.0, 842.0, 0))
    assert layout.path.is_file() and layout.media_type == "application/pdf"
    with pytest.raises(NotFoundError):
        document_layout(marked.case, 999)


def test_page_rows_tell_where_the_text_came_from_and_how_long_it_is(marked: Marked) -> None:
    first, second = document_pages(marked.case, marked.letter)
    assert (first.number, first.text_source, first.needs_ocr) == (1, "embedded", False)
    assert first.chars > len("STATE EXPORT AGENCY") and second.chars > 0
    assert first.to_json()["rotation"] == 0


def test_word_rows_come_only_for_the_pages_asked(marked: Marked) -> None:
    rows = page_word_rows(marked.case, marked.letter, [2, 2, 7])
    assert set(rows) == {2}
    words = [Word.from_row(r).text for r in rows[2]]
    assert "Zelenograd" in words and "Petrov" not in words
    assert page_word_rows(marked.case, marked.letter, []) == {}


def test_page_sources_give_file_and_geometry_for_pages_that_exist(marked: Marked) -> None:
    sources = page_sources(marked.case, [(marked.letter, 2), (marked.invoice, 1), (marked.invoice, 5)])
    assert set(sources) == {(marked.letter, 2), (marked.invoice, 1)}
    src = sources[(marked.letter, 2)]
    assert src.number == 2 and src.path.is_file() and src.geometry.bounds == Rect(0, 0, 595, 842)


def test_a_page_accepts_a_region_that_overlaps_it_and_refuses_one_outside_or_empty() -> None:
    page = PageGeometry(1, 595, 842)
    assert page.contains(Rect(500, 800, 700, 900))
    assert not page.contains(Rect(600, 10, 700, 20)) and not page.contains(Rect(10, 10, 10, 40))
