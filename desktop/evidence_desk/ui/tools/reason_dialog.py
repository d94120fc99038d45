"""Choose why a region is redacted (a reason code the user can extend), with an optional note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.settings import AddReasonCode
from evidence_desk.core.redaction.marking import reason_codes
from evidence_desk.ui.dialogs.buttons import ok_cancel
from evidence_desk.ui.undo import UndoController


class ReasonDialog(QDialog):
    def __init__(self, case: Case, undo: UndoController, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Propose a redaction"))
        self.setMinimumWidth(420)
        self.case = case
        self.undo = undo
        self.reason = QComboBox()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: why, for the reviewer"))
        self.new_code = QLineEdit()
        self.new_code.setPlaceholderText(self.tr("new code, e.g. source_identity"))
        self.new_label = QLineEdit()
        self.new_label.setPlaceholderText(self.tr("what it means"))
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_code)
        adder = QHBoxLayout()
        adder.addWidget(self.new_code)
        adder.addWidget(self.new_label)
        adder.addWidget(add)
        form = QFormLayout()
        form.addRow(self.tr("Redact"), QLabel(summary))
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("New reason"), adder)
        buttons = ok_cancel(self, self.tr("Propose"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        explain = QLabel(self.tr("The redaction is proposed; a reviewer approves or rejects it. "
                                 "Export applies every redaction that was not rejected."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addWidget(buttons)
        self.load_codes()

    def load_codes(self, select: str | None = None) -> None:
        current = select or self.reason.currentData()
        self.reason.clear()
        for r in reason_codes(self.case):
            self.reason.addItem(f"{r.code} — {r.label}" if r.label != r.code else r.code, r.code)
        if current:
            self.reason.setCurrentIndex(max(0, self.reason.findData(current)))

    codeAdded = Signal(str)  # after the new reason code is stored

    def add_code(self) -> None:
        def done(command: Command) -> None:
            assert isinstance(command, AddReasonCode)
            self.load_codes(select=command.code)
            self.new_code.clear()
            self.new_label.clear()
            self.codeAdded.emit(command.code)

        self.undo.push(AddReasonCode(self.new_code.text(), self.new_label.text()), on_done=done,
                       on_failed=lambda message: QMessageBox.warning(self, self.tr("Reason code"), message))

    @property
    def code(self) -> str:
        return str(self.reason.currentData())

    @property
    def note_text(self) -> str | None:
        return self.note.text().strip() or None
