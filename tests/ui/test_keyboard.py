"""Keyboard use of the window: Enter opens the selected document; Esc leaves the find box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evidence_desk.ui.browser.model import DOC_ID_ROLE
from tests.ui.conftest import doc_id_by_name


def _focus(qtbot, window, widget) -> None:
    window.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_enter_on_a_case_list_row_opens_that_document(window, qtbot):
    table = window.browser.table
    _focus(qtbot, window, table)
    index = window.browser.proxy.index(1, 0)
    table.setCurrentIndex(index)

    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace.viewer(0).document_id == index.data(DOC_ID_ROLE))

    other = window.browser.proxy.index(2, 0)
    table.setCurrentIndex(other)
    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # as Ctrl+double-click
    qtbot.waitUntil(lambda: window.workspace.viewer(1).document_id == other.data(DOC_ID_ROLE))


def test_esc_in_the_find_box_returns_to_the_page(window, ui_case, qtbot):
    viewer = window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    _focus(qtbot, window, viewer.find_box)
    qtbot.keyClicks(viewer.find_box, "Petrov")

    qtbot.keyClick(viewer.find_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(viewer.page_view.hasFocus)
    assert viewer.find_box.text() == "Petrov"  # what was typed stays for F3
