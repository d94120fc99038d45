"""Editing a document's provenance and chain of custody (`provenance DOC --source … --custody …`).

The dialog shows what is recorded and sends only what the user changed, as one
`SetProvenance` command through the window's undo stack: the same checks as the
command line (a source by code name only, an ISO date, the closed lists of
statuses, confidence levels and custody kinds)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.provenance import CUSTODY_KINDS
from evidence_desk.core.provenance import (
    CONFIDENCE_LEVELS,
    VERIFICATION_STATUSES,
    ProvenanceUpdate,
    SetProvenance,
)
from evidence_desk.ui.dialogs.buttons import ok_cancel
from evidence_desk.ui.terms import term
from evidence_desk.ui.undo import UndoController


def _combo(values: tuple[str, ...], current: str | None, empty: str | None = None) -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for value in values:
        box.addItem(term(value), value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class ProvenanceDialog(QDialog):
    recorded = Signal(object)  # the applied SetProvenance

    def __init__(self, undo: UndoController, doc_id: int, info: dict[str, Any], parent: QWidget | None = None,
                 custody_only: bool = False) -> None:
        super().__init__(parent)
        self.undo = undo
        self.doc_id = doc_id
        self.info = info
        self.setWindowTitle(self.tr("Provenance of {name}").format(name=info.get("filename", doc_id)))
        self.setMinimumWidth(520)
        self.source = QLineEdit(info.get("source") or "")
        self.source.setPlaceholderText(self.tr("code name, e.g. SOURCE-KESTREL (never the identity)"))
        self.received = QLineEdit(info.get("received") or "")
        self.received.setPlaceholderText(self.tr("YYYY-MM-DD or YYYY-MM-DDTHH:MM"))
        self.received_by = QLineEdit(info.get("received_by") or "")
        self.method = QLineEdit(info.get("method") or "")
        self.method.setPlaceholderText(self.tr("how it came: in person, Signal, post, SecureDrop…"))
        self.verification = _combo(VERIFICATION_STATUSES, info.get("verification") or "unverified")
        self.confidence = _combo(CONFIDENCE_LEVELS, info.get("confidence"), self.tr("— not given"))
        self.reasoning = QPlainTextEdit(info.get("reasoning") or "")
        self.reasoning.setPlaceholderText(self.tr("why the status is what it is"))
        self.reasoning.setFixedHeight(70)
        self.notes = QPlainTextEdit(info.get("notes") or "")
        self.notes.setFixedHeight(60)
        self.custody_kind = _combo(CUSTODY_KINDS, "received")
        self.counterpart = QLineEdit()
        self.counterpart.setPlaceholderText(self.tr("to or from whom"))
        self.custody = QLineEdit()
        self.custody.setPlaceholderText(self.tr("what happened, e.g. copied to the encrypted archive"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")

        self.source_box = QGroupBox(self.tr("Source and receipt"))
        form = QFormLayout(self.source_box)
        form.addRow(self.tr("&Source"), self.source)
        form.addRow(self.tr("&Received on"), self.received)
        form.addRow(self.tr("Received &by"), self.received_by)
        form.addRow(self.tr("&Method"), self.method)
        form.addRow(self.tr("&Verification"), self.verification)
        form.addRow(self.tr("&Confidence"), self.confidence)
        form.addRow(self.tr("Reas&oning"), self.reasoning)
        form.addRow(self.tr("No&tes"), self.notes)
        custody_box = QGroupBox(self.tr("Add a custody event (optional)"))
        custody_form = QFormLayout(custody_box)
        custody_form.addRow(self.tr("&Kind"), self.custody_kind)
        custody_form.addRow(self.tr("Co&unterpart"), self.counterpart)
        custody_form.addRow(self.tr("&What happened"), self.custody)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_box)
        layout.addWidget(custody_box)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("&Record"), self.record))
        if custody_only:
            self.source_box.hide()
            self.custody.setFocus()

    def changes(self) -> ProvenanceUpdate:
        """What changed, as the command line's options: None for what stays as it is."""
        def changed(new: str, key: str) -> str | None:
            return new if new != (self.info.get(key) or "") else None

        return ProvenanceUpdate(
            source=changed(self.source.text().strip(), "source"),
            received=changed(self.received.text().strip(), "received"),
            method=changed(self.method.text().strip(), "method"),
            verification=changed(str(self.verification.currentData()), "verification"),
            confidence=changed(str(self.confidence.currentData() or ""), "confidence"),
            notes=changed(self.notes.toPlainText().strip(), "notes"),
            custody=self.custody.text().strip() or None,
            custody_kind=str(self.custody_kind.currentData()),
            counterpart=self.counterpart.text().strip() or None,
            received_by=changed(self.received_by.text().strip(), "received_by"),
            reasoning=changed(self.reasoning.toPlainText().strip(), "reasoning"),
        )

    def record(self) -> None:
        update = self.changes()
        if update.confidence == "":
            update = ProvenanceUpdate(**{**vars(update), "confidence": None})
        if update.received == "" or update.source == "":
            self.error.setText(self.tr("A recorded source or date cannot be emptied here; correct it instead."))
            return
        if all(v is None for k, v in vars(update).items() if k != "custody_kind"):
            self.reject()  # nothing changed
            return

        def done(command: Command) -> None:
            self.recorded.emit(command)
            self.accept()

        self.error.clear()
        self.undo.push(SetProvenance(self.doc_id, update), on_done=done, on_failed=self.error.setText)
