"""The dialog that asks for an encrypted case's passphrase when the window opens it, and
asks again after a wrong one (the case is opened in the background with what was typed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from evidence_desk.ui.lock.checker import PassphraseTrial


class PassphraseDialog(QDialog):
    """`open_with(passphrase)` runs in a background thread; `result_value` is what it returned
    once the dialog is accepted. Rejected: cancelled, or `error` says why it could not open."""

    def __init__(self, folder: Path, open_with: Callable[[str], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypted case"))
        self.result_value: Any = None
        self.error: str | None = None
        self.prompt = QLabel(self.tr("The case “%1” is encrypted. Enter its passphrase:")
                             .replace("%1", folder.name))
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.prompt, self.field, self.message, self.buttons):
            layout.addWidget(widget)
        self.trial = PassphraseTrial(open_with, self)
        self.trial.succeeded.connect(self._opened)
        self.trial.wrong.connect(self._wrong)
        self.trial.failed.connect(self._failed)

    def _try(self) -> None:
        if self.trial.running or not self.field.text():
            return
        self._busy(True)
        self.message.setText(self.tr("Checking the passphrase…"))
        self.trial.start(self.field.text())

    def _busy(self, busy: bool) -> None:
        self.field.setEnabled(not busy)
        self.buttons.setEnabled(not busy)

    def _opened(self, value: object) -> None:
        self.result_value = value
        self.field.clear()
        self.accept()

    def _wrong(self) -> None:
        self._busy(False)
        self.field.selectAll()
        self.field.setFocus()
        self.message.setText(self.tr("Wrong passphrase. Try again."))

    def _failed(self, message: str) -> None:
        self.error = message
        self.reject()


def open_case_asking(path: Path, *, create: bool, author: str | None, passphrase: str | None,
                     parent: QWidget | None, interactive: bool = True, read_only: bool = False) -> Any:
    """`Case.open`, asking for the passphrase in a dialog when the case is encrypted and none
    (or a wrong one) was given. None: the user cancelled."""
    from evidence_desk.core.case import Case
    from evidence_desk.core.errors import (
        EvidenceDeskError,
        PassphraseRequiredError,
        WrongPassphraseError,
    )

    try:
        return Case.open(path, create=create, author=author, passphrase=passphrase, read_only=read_only)
    except (PassphraseRequiredError, WrongPassphraseError):
        if not interactive:
            raise
    dialog = PassphraseDialog(Path(path), lambda typed: Case.open(path, create=create, author=author,
                                                                  passphrase=typed, read_only=read_only),
                              parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return dialog.result_value
    if dialog.error:
        raise EvidenceDeskError(dialog.error)
    return None
