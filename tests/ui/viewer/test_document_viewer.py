"""The document viewer on a real case: rendering, navigation, selection, overlays, search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.geometry import Rect
from evidence_desk.core.notes import add_note_edit
from evidence_desk.core.redaction.marking import redact_rects_edit, set_status_edit
from evidence_desk.ui.viewer import doc_model
from evidence_desk.ui.viewer.render_service import PageKey

from .conftest import BIG_PAGES
from .helpers import click, drag


def _wait_pixmap(qtbot, viewer, page: int) -> None:  # type: ignore[no-untyped-def]
    item = viewer.page_view.item(page)
    qtbot.waitUntil(lambda: item.pixmap is not None, timeout=30_000)


def _words(viewer_case, page: int = 1) -> dict[str, Rect]:  # type: ignore[no-untyped-def]
    layer = doc_model.load_words(viewer_case.case, viewer_case.text_doc, [page])[page]
    return {w.text: w.rect for w in layer.words}


def test_opening_a_document_renders_its_first_page(qtbot, viewer, viewer_case, render_service):
    with qtbot.waitSignal(viewer.documentOpened, timeout=5_000) as opened:
        viewer.open_document(viewer_case.text_doc)
    assert opened.args == [viewer_case.text_doc]
    _wait_pixmap(qtbot, viewer, 1)
    item = viewer.page_view.item(1)
    # The picture is drawn for the current zoom and the screen's pixel ratio.
    assert item.pixmap_scale == pytest.approx(viewer.page_view.render_scale())
    assert item.pixmap.width() == pytest.approx(612 * item.pixmap_scale, abs=2)
    assert viewer.current_page() == 1 and viewer.document_id == viewer_case.text_doc


def test_a_2000_page_pdf_opens_at_once_and_going_to_page_1500_renders_only_nearby_pages(
        qtbot, viewer, viewer_case, render_service):
    requested: list[PageKey] = []
    render_service.requested.connect(requested.append)
    try:
        viewer.open_document(viewer_case.big_doc)
        assert viewer.page_view.page_count() == BIG_PAGES
        _wait_pixmap(qtbot, viewer, 1)
        with qtbot.waitSignal(viewer.pageChanged, timeout=5_000):
            viewer.go_to_page(1500)
        _wait_pixmap(qtbot, viewer, 1500)
    finally:
        render_service.requested.disconnect(requested.append)
    pages = {k.page for k in requested if k.thumbnail_side == 0}
    assert pages, "nothing was rendered"
    assert all(p <= 10 or 1490 <= p <= 1510 for p in pages), sorted(pages)
    assert len(pages) < 30
    assert viewer.current_page() in range(1499, 1502)


def test_pages_scrolled_far_away_drop_their_pictures_so_memory_stays_bounded(
        qtbot, viewer, viewer_case):
    viewer.open_document(viewer_case.big_doc)
    _wait_pixmap(qtbot, viewer, 1)
    viewer.go_to_page(1000)
    _wait_pixmap(qtbot, viewer, 1000)
    viewer.go_to_page(1500)
    _wait_pixmap(qtbot, viewer, 1500)
    view = viewer.page_view
    holding = [item.number for item in view.page_items if item.pixmap is not None or item.materialized]
    assert view.item(1).pixmap is None and view.item(1000).pixmap is None
    assert len(holding) <= 16 and all(1490 <= n <= 1510 for n in holding)


def test_a_scanned_image_is_shown_as_a_page_sized_from_its_resolution(qtbot, viewer, viewer_case):
    viewer.open_document(viewer_case.scan_doc)
    _wait_pixmap(qtbot, viewer, 1)
    geom = viewer.page_view.item(1).geom
    assert (round(geom.width), round(geom.height)) == (595, 842)  # 1240 × 1754 px at 150 dpi


def test_dragging_over_words_selects_them_in_reading_order_and_copies_the_quote(
        qtbot, viewer, viewer_case):
    viewer.open_document(viewer_case.text_doc)
    _wait_pixmap(qtbot, viewer, 1)
    words = _words(viewer_case)
    bravo, foxtrot = words["Bravo"], words["Foxtrot"]
    with qtbot.waitSignal(viewer.textSelected, timeout=5_000) as selected:
        drag(viewer.page_view, 1, (bravo.x0 + 2, (bravo.y0 + bravo.y1) / 2),
             (foxtrot.x1 - 2, (foxtrot.y0 + foxtrot.y1) / 2))
    page, rects, quote = selected.args
    assert page == 1
    assert quote == "Bravo Charlie Delta\nEcho Foxtrot"
    assert len(rects) == 2 and rects[0].x0 == pytest.approx(bravo.x0)
    assert len(viewer.page_view.item(1).selection_items()) == 2
    viewer.page_view.setFocus()
    QTest.keySequence(viewer.page_view, "Ctrl+C")
    assert QGuiApplication.clipboard().text() == quote


@pytest.mark.parametrize("rotations", [0, 1, 3])
def test_a_rectangle_drawn_at_zoom_2_is_reported_in_unrotated_pdf_points(
        qtbot, viewer, viewer_case, rotations):
    viewer.open_document(viewer_case.text_doc)
    viewer.set_tool("rect")
    viewer.set_zoom(2.0)
    for _ in range(rotations):
        viewer.rotate_view()
    viewer.go_to_page(1)
    view = viewer.page_view
    assert view.item(1).sceneTransform().m11() != 0 or rotations % 2  # turned as asked
    with qtbot.waitSignal(viewer.regionSelected, timeout=5_000) as region:
        drag(view, 1, (100, 120), (220, 160))
    page, rect = region.args
    assert page == 1
    for got, want in zip(rect.as_tuple(), (100, 120, 220, 160), strict=True):
        assert got == pytest.approx(want, abs=1.0)


def test_a_region_on_a_page_rotated_by_its_own_rotate_is_in_unrotated_points(qtbot, viewer, viewer_case):
    viewer.open_document(viewer_case.text_doc, page=2)  # page 2 has /Rotate 90
    viewer.set_tool("rect")
    assert viewer.page_view.item(2).sceneBoundingRect().width() == pytest.approx(792)
    with qtbot.waitSignal(viewer.regionSelected, timeout=5_000) as region:
        drag(viewer.page_view, 2, (50, 60), (300, 400))
    assert region.args[0] == 2
    assert region.args[1].as_tuple() == pytest.approx((50, 60, 300, 400), abs=1.0)


def test_redactions_mentions_and_notes_from_the_database_are_drawn_and_clickable(
        qtbot, viewer, viewer_case):
    case = viewer_case.case
    doc = viewer_case.text_doc
    viewer.open_document(doc)
    _wait_pixmap(qtbot, viewer, 1)
    item = viewer.page_view.item(1)
    before = len(item.overlay_items())
    proposed = Rect(300, 300, 400, 340)
    case.apply(redact_rects_edit(case, doc, 1, [proposed], "personal"))
    case.apply(tag_edit(case, doc, 1, "Golf Hotel Ltd", "organisation", rect=Rect(300, 400, 420, 430)))
    case.apply(add_note_edit(case, doc, "check the date", page=1, rect=Rect(300, 500, 350, 520)))
    viewer.refresh_overlays()
    kinds = {}
    for graphics in item.overlay_items():
        kinds.setdefault(graphics.data(0), []).append(graphics)
    assert len(item.overlay_items()) >= before + 3
    redaction = next(g for g in kinds["redaction"] if g.rect().topLeft().x() == pytest.approx(300))
    assert redaction.brush().style() == Qt.BrushStyle.BDiagPattern  # proposed: hatched
    assert redaction.rect().getCoords() == pytest.approx(proposed.as_tuple())
    assert any("Golf Hotel Ltd" in g.toolTip() for g in kinds["mention"])
    assert any("check the date" in g.toolTip() for g in kinds["note"])
    redaction_id = int(redaction.data(1))
    case.apply(set_status_edit(case, [redaction_id], "approved"))
    viewer.refresh_overlays()
    approved = [g for g in item.overlay_items() if g.data(0) == "redaction" and g.data(1) == redaction_id]
    assert approved[0].brush().style() == Qt.BrushStyle.SolidPattern
    with qtbot.waitSignal(viewer.overlayActivated, timeout=5_000) as activated:
        click(viewer.page_view, 1, 350, 320)
    assert activated.args == ["redaction", redaction_id]


def test_find_in_document_highlights_matching_words_and_steps_through_them(qtbot, viewer, viewer_case):
    viewer.open_document(viewer_case.text_doc)
    assert viewer.find("foxtrot") == 2  # once on each page
    assert viewer.current_hit()[0] == 1
    hits = viewer.page_view.item(1).search_hit_items()
    assert len(hits) == 1
    assert hits[0].rect().getCoords() == pytest.approx(_words(viewer_case)["Foxtrot"].as_tuple())
    with qtbot.waitSignal(viewer.pageChanged, timeout=5_000):
        viewer.find_next()
    assert viewer.current_hit()[0] == 2 and viewer.current_page() == 2
    assert viewer.find("zulu") == 0 and not viewer.page_view.item(1).search_hit_items()


def test_highlighting_terms_marks_a_phrase_across_words_with_one_box_per_line(viewer, viewer_case):
    """The box redaction would mark: one per line of the phrase, over both words."""
    viewer.open_document(viewer_case.text_doc)
    viewer.show_search_hits(1, ["charlie delta"])
    [box] = viewer.page_view.item(1).search_hit_items()
    phrase = box.rect().width()
    viewer.show_search_hits(1, ["charlie"])
    [word] = viewer.page_view.item(1).search_hit_items()
    assert phrase > word.rect().width() * 1.5


def test_zoom_controls_change_the_zoom_and_rerender_sharper(qtbot, viewer, viewer_case):
    viewer.open_document(viewer_case.text_doc)
    _wait_pixmap(qtbot, viewer, 1)
    viewer.set_zoom_mode("actual")
    actual = viewer.zoom()
    with qtbot.waitSignal(viewer.zoomChanged, timeout=5_000):
        viewer.zoom_in()
    assert viewer.zoom() > actual
    item = viewer.page_view.item(1)
    qtbot.waitUntil(lambda: item.pixmap_scale == pytest.approx(viewer.page_view.render_scale()),
                    timeout=30_000)
    viewer.zoom_out()
    viewer.zoom_out()
    assert viewer.zoom() < actual
    viewer.set_zoom_mode("fit_page")
    box = item.sceneBoundingRect()
    assert box.height() * viewer.zoom() <= viewer.page_view.viewport().height()


def test_linked_scrolling_round_trips_the_scroll_fraction(viewer, viewer_case):
    viewer.open_document(viewer_case.big_doc)
    viewer.set_scroll_fraction(0.5)
    assert viewer.scroll_fraction() == pytest.approx(0.5, abs=0.01)
    assert abs(viewer.current_page() - BIG_PAGES // 2) < 5


def test_an_unknown_tool_or_zoom_mode_is_refused(viewer):
    with pytest.raises(ValueError):
        viewer.set_tool("lasso")
    with pytest.raises(ValueError):
        viewer.set_zoom_mode("huge")
