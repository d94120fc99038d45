"""The thumbnail strip renders only the thumbnails it shows and navigates the view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from evidence_desk.ui.viewer.document_viewer import DocumentViewer
from evidence_desk.ui.viewer.render_service import PageKey, RenderService


@pytest.fixture
def own_service(qapp):  # type: ignore[no-untyped-def]
    service = RenderService(workers=1)  # an empty cache: every thumbnail shown is requested
    yield service
    service.close()


def test_thumbnails_are_rendered_on_demand_and_a_click_goes_to_that_page(qtbot, viewer_case, own_service):
    requested: list[PageKey] = []
    own_service.requested.connect(requested.append)
    viewer = DocumentViewer(viewer_case.case, own_service)
    qtbot.addWidget(viewer)
    viewer.resize(1000, 800)
    viewer.show()
    viewer.open_document(viewer_case.big_doc)
    strip = viewer.thumbnails
    assert strip.model().rowCount() == 2000
    qtbot.waitUntil(lambda: strip.model_.key(1) in own_service.cache, timeout=60_000)
    thumbs = [k for k in requested if k.thumbnail_side]
    assert thumbs and max(k.page for k in thumbs) < 40  # only the rows on screen, never all 2,000
    index = strip.model().index(2)
    with qtbot.waitSignal(viewer.pageChanged, timeout=5_000) as changed:
        QTest.mouseClick(strip.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         strip.visualRect(index).center())
    assert changed.args == [3]
    viewer.close_document()
