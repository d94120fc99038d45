"""What an import did, file by file (from `core.importing.ImportReport`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.importing import ImportReport


class ImportSummaryDialog(QDialog):
    def __init__(self, report: ImportReport, messages: list[str], parent: QWidget | None = None, *,
                 failed: dict[int, int] | None = None) -> None:
        """`failed`: failed redactions (boxes over text that can still be extracted) by document id."""
        super().__init__(parent)
        failed = failed or {}
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(720, 360)
        if failed:
            messages = [self.tr("⚠ {n} failed redaction(s) in {d} document(s): boxes drawn over text that can "
                                "still be extracted. They are outlined in the viewer; Tools › Redact Failed "
                                "Redactions covers them.").format(n=sum(failed.values()), d=len(failed)),
                        *messages]
        summary = QLabel(report.summary() + ("\n" + "\n".join(messages) if messages else ""))
        summary.setWordWrap(True)
        table = QTableWidget(len(report.outcomes), 3)
        table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Detail")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, o in enumerate(report.outcomes):
            detail = f"document {o.document_id}, {o.pages} page(s)" if o.status == "imported" else o.reason
            if o.document_id in failed and o.status == "imported":
                detail += self.tr("; ⚠ {n} failed redaction(s)").format(n=failed[o.document_id])
            for col, text in enumerate((o.path.name, o.status, detail)):
                item = QTableWidgetItem(text)
                item.setToolTip(str(o.path) if col == 0 else text)
                table.setItem(row, col, item)
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.table = table
        self.summary_label = summary
