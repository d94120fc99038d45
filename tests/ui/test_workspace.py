"""Two viewers side by side: open, swap, close, single-viewer mode, drops from the browser."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from evidence_desk.ui.mime import document_mime
from tests.ui.conftest import doc_id_by_name


def test_two_documents_open_side_by_side(window, ui_case, qtbot):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    invoice = doc_id_by_name(ui_case, "b_invoice.pdf")
    with qtbot.waitSignals([window.workspace.viewer(0).documentOpened, window.workspace.viewer(1).documentOpened],
                           timeout=10_000):
        window.open_document(letter, 0)
        window.open_document(invoice, 1)
    left, right = window.workspace.slots
    assert (left.document_id, right.document_id) == (letter, invoice)
    assert left.isVisible() and right.isVisible()
    assert left.geometry().right() < right.geometry().left()  # really side by side
    assert right.title.full_text() == "b_invoice.pdf"
    assert window.workspace.active is right  # the last opened side is the active one
    assert window.annotations.pages[0].doc_id == invoice


def test_swap_close_and_single_viewer_mode(window, ui_case):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    invoice = doc_id_by_name(ui_case, "b_invoice.pdf")
    window.open_document(letter, 0)
    window.open_document(invoice, 1)
    window.actions_.swap.trigger()
    assert [s.document_id for s in window.workspace.slots] == [invoice, letter]
    assert window.workspace.splitter.widget(0) is window.workspace.slots[0]

    window.actions_.single.setChecked(True)
    visible = [s for s in window.workspace.slots if s.isVisible()]
    assert visible == [window.workspace.active]
    window.actions_.single.setChecked(False)
    assert all(s.isVisible() for s in window.workspace.slots)

    window.workspace.set_active_side(0)
    window.actions_.close_viewer.trigger()
    assert window.workspace.slots[0].document_id is None
    assert window.workspace.slots[0].stack.currentWidget() is window.workspace.slots[0].hint
    assert window.annotations.pages[0].doc_id is None


def test_dropping_a_document_from_the_browser_onto_the_right_viewer_opens_it(window, ui_case):
    note = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    slot = window.workspace.slots[1]
    mime = document_mime([note])  # the event does not own its data: keep it alive
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    slot.dropEvent(event)
    assert slot.document_id == note
    assert window.workspace.slots[0].document_id is None


def test_ctrl_double_click_opens_on_the_right(window, ui_case, qtbot):
    table = window.browser.table
    rect = table.visualRect(window.browser.proxy.index(1, 0))
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, ctrl, QPoint(rect.center()))
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                      QPoint(rect.center()))
    assert window.workspace.slots[1].document_id == doc_id_by_name(ui_case, "b_invoice.pdf")


def test_linked_scrolling_follows_the_other_viewer(window, ui_case):
    window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    window.open_document(doc_id_by_name(ui_case, "c_note_verbale.pdf"), 1)
    window.actions_.linked.setChecked(True)
    left, right = window.workspace.viewers()
    left.set_scroll_fraction(0.5)
    window.workspace._sync_from(window.workspace.slots[0])
    assert abs(right.scroll_fraction() - left.scroll_fraction()) < 0.05


def test_opening_a_document_that_does_not_exist_says_so_and_changes_nothing(window, ui_case, qtbot):
    window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    window.open_document(9999, 0)
    assert window.workspace.slots[0].title.full_text() == "a_letter.pdf"
    qtbot.waitUntil(lambda: "9999" in window.statusBar().currentMessage())
