"""Asking for the password of a password-protected PDF during an import.

The password is turned into bytes for that one import of that one file and dropped:
it is not kept in the dialog, the settings or the case (core passes it to the sandboxed
parser over its pipe). A wrong password asks again, saying so; Cancel leaves the file
refused, as the import summary then shows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class PasswordDialog(QDialog):
    def __init__(self, path: Path, wrong: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Password-protected PDF"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        text = (self.tr("The password was wrong. Enter the password of {name}:") if wrong
                else self.tr("{name} is password-protected. Enter its password to import it:"))
        self.prompt = QLabel(text.format(name=path.name))
        self.prompt.setWordWrap(True)
        self.note = QLabel(self.tr("The password is used for this import only and is not stored."))
        self.note.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Password"))
        self.prompt.setBuddy(self.field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.field, self.note, buttons):
            layout.addWidget(widget)
        self.field.setFocus()

    def take_password(self) -> bytes:
        """The typed password as UTF-8 bytes; the field is emptied so no copy stays in the dialog."""
        password = self.field.text().encode("utf-8")
        self.field.clear()
        return password
