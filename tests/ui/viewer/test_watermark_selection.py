"""Selecting text on a page with a diagonal "CONFIDENTIAL" watermark: a drag over a name
selects the name, not the watermark or the page from its header; a drag that starts on the
watermark itself (away from the body text) selects the watermark."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.queries.pages import page_word_rows
from evidence_desk.ui.viewer.text_layer import TextLayer
from tests.ui.viewer.conftest import import_one
from tests.ui.viewer.helpers import drag

LINES = ["From: Ministry of Industry, Directorate 4", "To: JSC Integral, Minsk",
         "Re: delivery of radar station parts under contract 77/2019",
         "The shipment was approved by Kirill Garbuz on 12 March 2019.",
         "Payment follows the usual schedule of the agency."]


def watermarked_letter(path: Path) -> Path:
    """A letter under a light grey "CONFIDENTIAL" at 45°, drawn first (as stamping tools do),
    so it comes first in reading order and its upright box covers the body."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    writer = pymupdf.TextWriter(page.rect)
    writer.append((130, 520), "CONFIDENTIAL", fontsize=72)
    writer.write_text(page, morph=(pymupdf.Point(130, 520), pymupdf.Matrix(45)), color=(0.8, 0.8, 0.8))
    for i, line in enumerate(LINES):
        page.insert_text((72, 120 + i * 22), line, fontsize=11)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def watermark_doc(viewer_case, tmp_path_factory):
    return import_one(viewer_case.case, watermarked_letter(tmp_path_factory.mktemp("wm") / "wm.pdf"))


def layer(viewer_case, doc_id) -> TextLayer:
    return TextLayer(page_word_rows(viewer_case.case, doc_id, [1])[1])


def test_the_watermark_is_told_from_the_body_by_its_box(viewer_case, watermark_doc):
    text = layer(viewer_case, watermark_doc)
    assert [text.words[i].text for i in text.watermark] == ["CONFIDENTIAL"]
    plain = TextLayer([[72, 100 + i * 20, 200, 114 + i * 20, f"word{i}", i, 0, 0] for i in range(8)])
    assert plain.watermark == frozenset()


def test_dragging_over_a_name_under_the_watermark_selects_only_the_name(qtbot, viewer, viewer_case, watermark_doc):
    viewer.open_document(watermark_doc)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=20_000)
    words = {w.text: w.rect for w in layer(viewer_case, watermark_doc).words}
    kirill, garbuz = words["Kirill"], words["Garbuz"]
    mark = words["CONFIDENTIAL"]
    assert mark.x0 < kirill.x0 < mark.x1 and mark.y0 < kirill.y0 < mark.y1  # the watermark's box covers it

    with qtbot.waitSignal(viewer.textSelected, timeout=5_000) as selected:
        drag(viewer.page_view, 1, (kirill.x0 + 2, (kirill.y0 + kirill.y1) / 2),
             (garbuz.x1 - 2, (garbuz.y0 + garbuz.y1) / 2))

    assert selected.args[2] == "Kirill Garbuz"


def test_dragging_across_lines_skips_the_watermark_between_them(qtbot, viewer, viewer_case, watermark_doc):
    viewer.open_document(watermark_doc)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=20_000)
    words = {w.text: w.rect for w in layer(viewer_case, watermark_doc).words}
    jsc, minsk = words["JSC"], words["Minsk"]
    start = (jsc.x0 + 2, (jsc.y0 + jsc.y1) / 2)
    with qtbot.waitSignal(viewer.textSelected, timeout=5_000) as selected:
        drag(viewer.page_view, 1, start, (minsk.x1 - 2, (minsk.y0 + minsk.y1) / 2))
    assert selected.args[2] == "JSC Integral, Minsk"
    assert "CONFIDENTIAL" not in selected.args[2] and "From" not in selected.args[2]


def test_a_drag_that_starts_on_the_watermark_selects_the_watermark(qtbot, viewer, viewer_case, watermark_doc):
    viewer.open_document(watermark_doc)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=20_000)
    with qtbot.waitSignal(viewer.textSelected, timeout=5_000) as selected:
        drag(viewer.page_view, 1, (300, 420), (330, 400))  # on the letters, far below the body
    assert selected.args[2] == "CONFIDENTIAL"


def pale_stamped_letter(path: Path) -> Path:
    """A letter whose signature lies under a pale grey, level "CONFIDENTIAL" stamped first:
    not tall enough to tell by its box (under 2.5 body lines), only by being drawn so light."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((60, 412), "CONFIDENTIAL", fontsize=26, color=(0.85, 0.85, 0.85))
    for i, line in enumerate(LINES):
        page.insert_text((72, 120 + i * 22), line, fontsize=11)
    page.insert_text((72, 404), "Olga Denisova", fontsize=11)
    doc.save(path)
    return path


@pytest.fixture(scope="module")
def pale_doc(viewer_case, tmp_path_factory):
    return import_one(viewer_case.case, pale_stamped_letter(tmp_path_factory.mktemp("pale") / "pale.pdf"))


def test_a_pale_level_watermark_is_told_by_its_colour(viewer_case, pale_doc):
    text = layer(viewer_case, pale_doc)
    words = {w.text: w for w in text.words}
    assert words["CONFIDENTIAL"].rect.height < 2.5 * words["Olga"].rect.height  # the box alone would not tell
    assert [text.words[i].text for i in text.watermark] == ["CONFIDENTIAL"]


def test_dragging_over_a_name_under_a_pale_watermark_selects_the_name(qtbot, viewer, viewer_case, pale_doc):
    viewer.open_document(pale_doc)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=20_000)
    words = {w.text: w.rect for w in layer(viewer_case, pale_doc).words}
    olga, denisova, mark = words["Olga"], words["Denisova"], words["CONFIDENTIAL"]
    assert mark.x0 < olga.x0 < mark.x1 and mark.y0 < olga.y0 < olga.y1 < mark.y1  # under the stamp
    with qtbot.waitSignal(viewer.textSelected, timeout=5_000) as selected:
        drag(viewer.page_view, 1, (olga.x0 + 2, (olga.y0 + olga.y1) / 2),
             (denisova.x1 - 2, (denisova.y0 + denisova.y1) / 2))
    assert selected.args[2] == "Olga Denisova"


def test_a_drag_that_starts_on_a_pale_watermark_selects_it(qtbot, viewer, viewer_case, pale_doc):
    viewer.open_document(pale_doc)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=20_000)
    mark = {w.text: w.rect for w in layer(viewer_case, pale_doc).words}["CONFIDENTIAL"]
    y = (mark.y0 + mark.y1) / 2
    with qtbot.waitSignal(viewer.textSelected, timeout=5_000) as selected:
        drag(viewer.page_view, 1, (mark.x1 - 12, y), (mark.x1 - 2, y))  # its end, past the signature
    assert selected.args[2] == "CONFIDENTIAL"
