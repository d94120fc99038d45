"""The thumbnail strip renders only the thumbnails it shows and navigates the view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from evidence_desk.ui.viewer.render_service import PageKey


def test_thumbnails_are_rendered_on_demand_and_a_click_goes_to_that_page(
        qtbot, viewer, viewer_case, render_service):
    requested: list[PageKey] = []
    render_service.requested.connect(requested.append)
    try:
        viewer.open_document(viewer_case.big_doc)
        strip = viewer.thumbnails
        assert strip.model().rowCount() == 2000
        qtbot.waitUntil(lambda: strip.model_.key(1) in render_service.cache, timeout=60_000)
    finally:
        render_service.requested.disconnect(requested.append)
    sha = strip.model_.document.sha256
    thumbs = [k for k in list(render_service.cache._items) + requested
              if k.thumbnail_side and k.sha256 == sha]
    assert thumbs and max(k.page for k in thumbs) < 40  # only the rows on screen, never all 2,000
    index = strip.model().index(2)
    with qtbot.waitSignal(viewer.pageChanged, timeout=5_000) as changed:
        QTest.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         strip.visualRect(index).center())
    assert changed.args == [3]
