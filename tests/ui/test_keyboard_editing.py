"""The window from the keyboard: every menu command has a shortcut or a mnemonic, a name
found with Ctrl+F is tagged with Ctrl+T and redacted with Ctrl+Shift+D, the note box takes
the typing at once and Ctrl+Enter adds it, and the focused page shows that it has the focus.
Also the Box tool: with it chosen, dragging on the page draws the box that gets tagged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMenu

from evidence_desk.core.queries.annotations import document_mentions, document_notes
from evidence_desk.ui.tools.entity_picker import EntityPickerDialog
from evidence_desk.ui.tools.note_dialog import NoteDialog
from evidence_desk.ui.tools.reason_dialog import ReasonDialog
from tests.ui.conftest import doc_id_by_name
from tests.ui.viewer.helpers import drag


def menu_actions(menu: QMenu, path: str = ""):
    for action in menu.actions():
        if action.isSeparator():
            continue
        where = f"{path} › {action.text()}" if path else action.text()
        if action.menu() is not None:
            yield from menu_actions(action.menu(), where)
        else:
            yield menu, where, action


def mnemonic(text: str) -> str | None:
    i = text.replace("&&", "").find("&")
    return text.replace("&&", "")[i + 1].lower() if i >= 0 else None


def test_every_menu_command_has_a_shortcut_or_a_mnemonic_of_its_own(window):
    window.recent_menu.aboutToShow.emit()
    missing, clashes = [], []
    for top in window.menuBar().actions():
        assert mnemonic(top.text()), f"menu {top.text()} has no mnemonic"
        seen: dict[tuple[int, str], str] = {}
        for menu, where, action in menu_actions(top.menu(), top.text()):
            if not action.isEnabled() and not action.shortcut().toString():
                continue  # "No other recent cases": a label, not a command
            key = mnemonic(action.text())
            if action.shortcut().isEmpty() and key is None:
                missing.append(where)
            if action.shortcut().isEmpty() and key is not None:
                if (id(menu), key) in seen:
                    clashes.append(f"{where} and {seen[(id(menu), key)]}")
                seen[(id(menu), key)] = where
    assert missing == []
    assert clashes == []


def find_name(qtbot, window, viewer, name: str) -> None:
    window.activateWindow()
    window.actions_.find.trigger()
    qtbot.waitUntil(viewer.find_box.hasFocus)
    qtbot.keyClicks(viewer.find_box, name)
    qtbot.keyClick(viewer.find_box, Qt.Key.Key_Return)
    assert viewer.current_hit() is not None


def test_a_name_found_with_ctrl_f_is_tagged_with_ctrl_t(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    find_name(qtbot, window, viewer, "Petrov")

    with qtbot.waitSignal(window.tools.dialogOpened) as opened:
        qtbot.keyClick(viewer.page_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = opened.args[0]
    assert isinstance(dialog, EntityPickerDialog)
    assert dialog.name.text() == "Petrov"
    qtbot.waitUntil(dialog.name.hasFocus)  # typing goes to the name at once
    dialog.choose_new("Petrov", "person")
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    [mention] = document_mentions(ui_case, doc)
    assert mention.entity == "Petrov" and mention.quote == "Petrov" and mention.rect is not None


def test_a_find_hit_is_tagged_without_the_punctuation_its_word_carries(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    find_name(qtbot, window, viewer, "SEA/2019/0417")  # "Ref. SEA/2019/0417" ends its line

    with qtbot.waitSignal(window.tools.dialogOpened) as opened:
        window.actions_.tag_selection.trigger()
    assert opened.args[0].name.text() == "SEA/2019/0417"


def test_a_name_found_with_ctrl_f_is_proposed_for_redaction_with_ctrl_shift_d(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    find_name(qtbot, window, viewer, "Petrov")

    with qtbot.waitSignal(window.tools.dialogOpened) as opened:
        qtbot.keyClick(viewer.page_view, Qt.Key.Key_D,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert isinstance(opened.args[0], ReasonDialog)


def test_the_note_box_has_the_focus_and_ctrl_enter_adds_the_note(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(doc, 0)
    with qtbot.waitSignal(window.tools.dialogOpened) as opened:
        window.actions_.note_page.trigger()
    dialog = opened.args[0]
    assert isinstance(dialog, NoteDialog)
    qtbot.waitUntil(dialog.text.hasFocus)
    qtbot.keyClicks(dialog.text, "Ask the customs office")

    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert [n.text for n in document_notes(ui_case, doc)] == ["Ask the customs office"]


def test_the_focused_page_view_draws_a_focus_frame(window, ui_case, qtbot):
    viewer = window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    window.activateWindow()
    window.browser.table.setFocus()
    qtbot.waitUntil(window.browser.table.hasFocus)
    unfocused = viewer.page_view.grab().toImage().pixelColor(1, 40)
    viewer.page_view.setFocus()
    qtbot.waitUntil(viewer.page_view.hasFocus)
    focused = viewer.page_view.grab().toImage().pixelColor(1, 40)

    highlight = window.palette().color(QPalette.ColorRole.Highlight)
    assert focused.name() == highlight.name() != unfocused.name()
    assert isinstance(focused, QColor)


def test_with_the_box_tool_a_drag_draws_the_box_that_is_tagged(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=20_000)
    window.actions_.tool_tag.trigger()
    window.actions_.box.trigger()

    with qtbot.waitSignal(window.tools.dialogOpened) as opened:
        drag(viewer.page_view, 1, (80, 90), (240, 140))
    dialog = opened.args[0]
    dialog.choose_new("Stamp of the customs office", "organisation")
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        dialog.accept()

    [mention] = document_mentions(ui_case, doc)
    assert mention.quote is None and mention.rect is not None
    assert mention.rect.as_tuple() == pytest.approx((80, 90, 240, 140), abs=1.5)  # a screen pixel or so
