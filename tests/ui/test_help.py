"""Help: the keyboard shortcuts come from the window's actions, the guide and About render."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from evidence_desk import __version__
from evidence_desk.ui.about import AboutDialog
from evidence_desk.ui.help import GuideDialog, ShortcutsDialog, shortcut_rows


def test_every_shortcut_of_the_window_is_listed_with_its_menu(window):
    rows = shortcut_rows(window)
    listed = {(command, keys) for _menu, command, keys in rows}
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        if action.shortcuts() and action.text():
            text = action.text().replace("&", "").rstrip("…").rstrip(".")
            assert (text, ", ".join(k.toString(native) for k in action.shortcuts())) in listed, text
    assert ("Case", "Import Files", "Ctrl+I") in rows
    assert ("Tools", "Redact Every Occurrence", "Ctrl+Shift+R") in rows  # a panel's command, on a menu only


def test_a_shortcut_changed_in_the_window_shows_changed_in_the_list(window):
    window.actions_.swap.setShortcut(QKeySequence("Ctrl+Alt+W"))
    dialog = ShortcutsDialog(window)
    texts = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(dialog.table.rowCount())]
    assert ["View", "Swap Sides", "Ctrl+Alt+W"] in texts
    dialog.filter.setText("alt+w")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert [dialog.table.item(r, 1).text() for r in shown] == ["Swap Sides"]


def test_the_guide_is_rendered_from_the_shipped_markdown(window):
    window.actions_.guide.trigger()
    dialog = window.findChild(GuideDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.browser.toPlainText()
    assert "Evidence Desk in ten minutes" in text and "Where things are kept" in text
    assert "#" not in text.splitlines()[0]  # rendered, not shown as Markdown source
    dialog.close()


def test_about_names_the_version_the_licence_and_the_third_party_software(window):
    dialog = AboutDialog(window)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in shown and "AGPL-3.0-or-later" in shown
    third_party = dialog.third_party.toPlainText()
    for name in ("PySide6_Essentials", "pymupdf", "SQLAlchemy"):
        assert name in third_party
    assert "GNU AFFERO GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()


def test_the_guide_is_shipped_in_each_interface_language_and_falls_back_to_english():
    from evidence_desk.ui.help import guide_markdown

    assert guide_markdown("de").startswith("# Evidence Desk in zehn Minuten")
    assert guide_markdown("ru").startswith("# Evidence Desk за десять минут")
    assert guide_markdown("fr").startswith("# Evidence Desk in ten minutes")
