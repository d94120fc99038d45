"""Word boxes as a text layer: hit testing, reading-order selection, term boxes."""

from __future__ import annotations

from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.text.fold import fold
from evidence_desk.ui.viewer.text_layer import TextLayer


def _layer() -> TextLayer:
    words = [
        Word(Rect(10, 10, 50, 20), "Minsk,", 0, 0, 0),
        Word(Rect(55, 10, 90, 20), "Беларусь", 0, 0, 1),
        Word(Rect(10, 30, 40, 40), "Société", 0, 1, 0),
        Word(Rect(45, 30, 80, 40), "Générale", 0, 1, 1),
    ]
    return TextLayer([w.to_row() for w in words])


def test_the_word_under_a_point_or_else_the_nearest_is_found():
    layer = _layer()
    assert layer.word_at(60, 15) == 1
    assert layer.word_at(100, 35) == 3
    assert layer.word_at(100, 35, nearest=False) is None


def test_a_selection_runs_in_reading_order_whichever_way_it_is_dragged():
    layer = _layer()
    words = layer.span(3, 1)
    assert layer.quote(words) == "Беларусь\nSociété Générale"
    assert layer.line_rects(words) == [Rect(55, 10, 90, 20), Rect(10, 30, 80, 40)]


def test_terms_match_without_case_accents_or_punctuation_one_box_per_line():
    layer = _layer()
    assert layer.find(["minsk"]) == [Rect(10, 10, 50, 20)]
    assert layer.find(["societe generale"]) == [Rect(10, 30, 80, 40)]
    assert layer.find(["беларусь"]) == [Rect(55, 10, 90, 20)]
    assert fold("Générale") == "generale"


def test_the_start_of_a_word_is_highlighted_as_redaction_would_mark_it():
    """The viewer highlights what "redact every occurrence" marks: part of a word too."""
    [part] = _layer().find(["gen"])
    assert part.x0 == 45 and part.x1 < 80 and (part.y0, part.y1) == (30, 40)


def test_malformed_word_rows_are_skipped_not_fatal():
    layer = TextLayer([[1, 2, 3], [0, 0, 5, 5, "ok", 0, 0, 0], None])  # type: ignore[list-item]
    assert [w.text for w in layer.words] == ["ok"]


def test_faint_text_of_body_size_on_a_short_line_stays_part_of_the_text():
    """White letters in a dark table header, a pale footer: faint, but neither bigger than
    the body nor across the page, so not a watermark; a faint line across the page is."""
    body = [[72, 100 + i * 20, 200, 114 + i * 20, f"word{i}", i, 0, 0] for i in range(6)]
    header = [72, 300, 110, 314, "Name", 10, 0, 0, None, 1]
    banner = [72, 400, 540, 414, "CONFIDENTIAL", 11, 0, 0, None, 1]
    text = TextLayer([*body, header, banner])
    assert [text.words[i].text for i in text.watermark] == ["CONFIDENTIAL"]
    assert TextLayer([*body, header[:8], banner[:8]]).watermark == frozenset()  # rows stored before
