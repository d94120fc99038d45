"""Choosing a case folder to create or open.

A new case is asked for as a name and the folder it goes in (the case folder is made for it),
as a user names a new document; an existing empty folder can be chosen too."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.crypto.create import MIN_PASSPHRASE
from evidence_desk.ui.dialogs.buttons import ok_cancel

FORBIDDEN = set('/\\:*?"<>|')  # not in a folder name on one of the systems a case may travel to


@dataclass(frozen=True)
class NewCase:
    """What New Case… asks for: the case folder, and the passphrase when it is to be encrypted
    (held only until the case is made and opened)."""

    path: Path
    passphrase: str | None = None


def choose_case_to_open(parent: QWidget, start: Path | None = None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("CaseDialogs", "Open a case folder"), str(start or Path.home()))
    return Path(folder) if folder else None


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a case folder's name, or None."""
    if not name.strip():
        return QCoreApplication.translate("CaseDialogs", "Give the case a name.")
    if name.strip() in (".", ".."):
        return QCoreApplication.translate("CaseDialogs", "“{name}” cannot be a folder name.").format(name=name)
    if any(ch in FORBIDDEN or unicodedata.category(ch).startswith("C") for ch in name):
        return QCoreApplication.translate("CaseDialogs", "A case name cannot hold / \\ : * ? \" < > | or control "
                                          "characters.")
    if len(name.encode("utf-8")) > 200:
        return QCoreApplication.translate("CaseDialogs", "The name is too long for a folder.")
    return None


def target_problem(target: Path) -> str | None:
    """Why a new case cannot be made at `target`, or None (a new or empty folder)."""
    if not target.parent.is_dir():
        return QCoreApplication.translate("CaseDialogs", "The folder {folder} does not exist.").format(
            folder=target.parent)
    if target.exists():
        if not target.is_dir():
            return QCoreApplication.translate("CaseDialogs", "{path} is a file.").format(path=target)
        if any(target.iterdir()):
            return QCoreApplication.translate("CaseDialogs", "{path} already exists and is not empty: choose "
                                              "another name, or open it with Case › Open Case….").format(path=target)
    return None


class NewCaseDialog(QDialog):
    """A name and a location; the case folder is location/name. OK stays off until both are
    usable, and the line under them says where the case will be or why it cannot."""

    def __init__(self, parent: QWidget | None = None, start: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("CaseDialogs", "New Case"))
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.name.setPlaceholderText(QCoreApplication.translate("CaseDialogs", "e.g. Qaldara export permits"))
        self.location = QLineEdit(str(start or Path.home()))
        browse = QPushButton(QCoreApplication.translate("CaseDialogs", "&Browse…"))
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.location, 1)
        where.addWidget(browse)
        self.encrypt = QCheckBox(QCoreApplication.translate(
            "CaseDialogs", "&Encrypt this case (database and files; its passphrase is asked whenever it opens)"))
        self.passphrase = QLineEdit()
        self.again = QLineEdit()
        for field in (self.passphrase, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setEnabled(False)
            field.textChanged.connect(self._update)
        self.encrypt.toggled.connect(self.passphrase.setEnabled)
        self.encrypt.toggled.connect(self.again.setEnabled)
        self.encrypt.toggled.connect(self._update)
        self.result_line = QLabel()
        self.result_line.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("CaseDialogs", "Case &name"), self.name)
        in_folder = QLabel(QCoreApplication.translate("CaseDialogs", "&In folder"))
        in_folder.setBuddy(self.location)  # a row holding a layout gets no buddy of its own: & would show
        form.addRow(in_folder, where)
        form.addRow(self.encrypt)
        form.addRow(QCoreApplication.translate("CaseDialogs", "&Passphrase"), self.passphrase)
        form.addRow(QCoreApplication.translate("CaseDialogs", "&Again"), self.again)
        self.buttons = ok_cancel(self, QCoreApplication.translate("CaseDialogs", "&Create Case"))
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.result_line)
        layout.addWidget(self.buttons)
        self.name.textChanged.connect(self._update)
        self.location.textChanged.connect(self._update)
        self.name.setFocus()
        self._update()

    def target(self) -> Path:
        return Path(self.location.text().strip()).expanduser() / self.name.text().strip()

    def problem(self) -> str | None:
        return name_problem(self.name.text()) or target_problem(self.target()) or self._passphrase_problem()

    def _passphrase_problem(self) -> str | None:
        if not self.encrypt.isChecked():
            return None
        if len(self.passphrase.text()) < MIN_PASSPHRASE or not self.passphrase.text().strip():
            return QCoreApplication.translate("CaseDialogs", "The passphrase needs at least {n} characters. "
                                              "Nobody can open the case without it, and it cannot be "
                                              "recovered.").format(n=MIN_PASSPHRASE)
        if self.again.text() != self.passphrase.text():
            return QCoreApplication.translate("CaseDialogs", "The two passphrases differ.")
        return None

    def choice(self) -> NewCase:
        return NewCase(self.target(), self.passphrase.text() if self.encrypt.isChecked() else None)

    def _update(self) -> None:
        problem = self.problem()
        self.ok_button.setEnabled(problem is None)
        self.result_line.setText(problem if problem is not None else QCoreApplication.translate(
            "CaseDialogs", "The case will be the folder {path}").format(path=self.target()))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, QCoreApplication.translate("CaseDialogs", "The folder the new case goes in"), self.location.text())
        if folder:
            self.location.setText(folder)


def choose_new_case(parent: QWidget, start: Path | None = None) -> NewCase | None:
    """The folder for a new case (new, or empty), asked as a name and a location, and whether
    it is to be encrypted."""
    dialog = NewCaseDialog(parent, start)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted and dialog.problem() is None else None
