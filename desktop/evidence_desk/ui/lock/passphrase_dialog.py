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


class CaseOpener:
    """Opens one case for a window, as `core.case_lock.open_for_window` calls it: first for
    writing, then, when another window holds the lock, again read-only. The passphrase typed
    the first time serves the second, so the user is asked once; the opener lives only as
    long as that opening (it is not kept with the window)."""

    def __init__(self, path: Path, *, create: bool, author: str | None, passphrase: str | None,
                 parent: QWidget | None, interactive: bool = True) -> None:
        self.path, self.create, self.author = path, create, author
        self.parent, self.interactive = parent, interactive
        self._passphrase = passphrase
        self.asked = 0  # how many times the dialog was shown (tests, diagnostics)

    def __call__(self, read_only: bool = False) -> Any:
        from evidence_desk.core.case import Case
        from evidence_desk.core.errors import (
            EvidenceDeskError,
            PassphraseRequiredError,
            WrongPassphraseError,
        )

        create = self.create and not read_only
        try:
            return Case.open(self.path, create=create, author=self.author, passphrase=self._passphrase,
                             read_only=read_only)
        except (PassphraseRequiredError, WrongPassphraseError):
            if not self.interactive:
                raise

        def open_with(typed: str) -> Any:
            case = Case.open(self.path, create=create, author=self.author, passphrase=typed,
                             read_only=read_only)
            self._passphrase = typed  # it opened the case: the read-only retry needs no asking
            return case

        self.asked += 1
        dialog = PassphraseDialog(Path(self.path), open_with, self.parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.result_value
        if dialog.error:
            raise EvidenceDeskError(dialog.error)
        return None
