"""Case › New Case…: a name and the folder it goes in; the case folder is made for it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

from evidence_desk.ui.dialogs.case_dialogs import NewCase, NewCaseDialog, choose_new_case


def _dialog(qtbot, start: Path) -> NewCaseDialog:
    dialog = NewCaseDialog(None, start)
    qtbot.addWidget(dialog)
    return dialog


def test_a_name_in_a_folder_gives_the_case_folder_and_says_where_it_will_be(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    assert not dialog.ok_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name, "Qaldara permits")
    assert dialog.ok_button.isEnabled()
    assert dialog.target() == tmp_path / "Qaldara permits"
    assert str(tmp_path / "Qaldara permits") in dialog.result_line.text()


def test_a_folder_that_holds_files_or_a_missing_location_is_refused_with_the_reason(qtbot, tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("x")
    (tmp_path / "empty").mkdir()
    dialog = _dialog(qtbot, tmp_path)
    dialog.name.setText("taken")
    assert not dialog.ok_button.isEnabled() and "not empty" in dialog.result_line.text()
    dialog.name.setText("empty")  # an empty folder is fine: the case is made in it
    assert dialog.ok_button.isEnabled()
    dialog.location.setText(str(tmp_path / "nowhere"))
    assert not dialog.ok_button.isEnabled() and "does not exist" in dialog.result_line.text()


def test_names_no_folder_can_carry_are_refused(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    for bad in ("a/b", "..", "bell\x07", "x" * 300, "   "):
        dialog.name.setText(bad)
        assert not dialog.ok_button.isEnabled(), bad
        assert dialog.result_line.text()


def test_choosing_returns_the_new_folder_when_create_is_pressed(qtbot, tmp_path):
    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NewCaseDialog) and w.isVisible())
        dialog.name.setText("Leak 2026")
        dialog.ok_button.click()

    QTimer.singleShot(0, fill)
    assert choose_new_case(None, tmp_path) == NewCase(tmp_path / "Leak 2026")


def test_every_row_has_a_keyboard_mnemonic_that_reaches_its_field(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    labels = {label.text(): label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert labels == {"Case &name": dialog.name, "&In folder": dialog.location,
                      "&Passphrase": dialog.passphrase, "&Again": dialog.again}


def test_an_encrypted_case_needs_a_long_enough_passphrase_typed_twice(qtbot, tmp_path):
    dialog = _dialog(qtbot, tmp_path)
    dialog.name.setText("sealed")
    assert not dialog.passphrase.isEnabled()
    dialog.encrypt.setChecked(True)
    assert dialog.passphrase.isEnabled() and not dialog.ok_button.isEnabled()
    dialog.passphrase.setText("short")
    dialog.again.setText("short")
    assert not dialog.ok_button.isEnabled() and "at least 8" in dialog.result_line.text()
    dialog.passphrase.setText("correct horse battery")
    dialog.again.setText("correct horse batterz")
    assert not dialog.ok_button.isEnabled() and "differ" in dialog.result_line.text()
    dialog.again.setText("correct horse battery")
    assert dialog.ok_button.isEnabled()
    assert dialog.choice() == NewCase(tmp_path / "sealed", "correct horse battery")
    dialog.encrypt.setChecked(False)
    assert dialog.choice() == NewCase(tmp_path / "sealed", None)  # unticked: a plain case
