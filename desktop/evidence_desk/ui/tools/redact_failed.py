"""“Redact failed redactions”: the boxes a document arrived with that still have live text
under them become real redactions, as one undoable edit.

Finding them re-reads the original in a sandbox worker, so it runs off the main thread;
then a preview lists each box (page and the text it fails to hide) with the count, and
the user picks the reason before anything changes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.failed import failed_redactions_command, find_failed_redactions
from evidence_desk.core.redaction.marking import reason_codes
from evidence_desk.core.redaction.review import initial_status
from evidence_desk.ui.jobs import Job, run_in_thread


class FailedRedactionsPreview(QDialog):
    """What Redact will do: N boxes, each with its page and the text still under it."""

    def __init__(self, found: list[tuple[int, Rect, str]], codes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redact failed redactions"))
        pages = sorted({page for page, _box, _text in found})
        self.count_label = QLabel(self.tr("{n} failed redaction(s) on page(s) {pages}: the text under these "
                                          "boxes can still be extracted. Redact covers each box for real.")
                                  .format(n=len(found), pages=", ".join(map(str, pages))))
        self.count_label.setWordWrap(True)
        self.table = QTableWidget(len(found), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Page"), self.tr("Box (pt)"), self.tr("Text under it")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, (page, box, text) in enumerate(found):
            where = f"{box.x0:.0f} {box.y0:.0f} {box.x1:.0f} {box.y1:.0f}"
            for col, value in enumerate((str(page), where, text)):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.reason = QComboBox()
        self.reason.addItems(codes)
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Redact {n}").format(n=len(found)))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(640, 360)


def redact_failed_redactions(window: Any, reason: str | None = None) -> Job | None:
    """Start the job for the active viewer's document; None when there is nothing to do.
    With `reason` the boxes are redacted at once; without, the preview asks first
    (`window.failed_preview` while it is open)."""
    doc_id = window.workspace.active_viewer().document_id
    if doc_id is None:
        window.show_error(QCoreApplication.translate("MainWindow", "Open a document first: failed redactions are fixed one document at a time."))
        return None
    case = window.case
    status = initial_status(case, "approved")

    def apply(found: list[tuple[int, Rect, str]], code: str) -> None:
        window.undo.push(failed_redactions_command(found, doc_id, code, status=status),
                         QCoreApplication.translate("MainWindow", "Redact failed redactions"))

    def found_them(found: list[tuple[int, Rect, str]]) -> None:
        if not found:
            window.show_error(QCoreApplication.translate("MainWindow", "This document has no failed redactions (no box over text that can be "
                                 "extracted)."))
            return
        if reason is not None:
            apply(found, reason)
            return
        dialog = FailedRedactionsPreview(found, [r.code for r in reason_codes(case)], window)
        window.failed_preview = dialog

        def answered(result: int) -> None:
            window.failed_preview = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                apply(found, dialog.reason.currentText())

        dialog.finished.connect(answered)
        dialog.open()

    return run_in_thread(lambda: find_failed_redactions(case, doc_id), found_them, window.show_error, window)
