"""Tools › Verify…: check this case, an exported PDF or a bundle (`verify CASE|FILE.pdf|BUNDLE.zip`).

The check runs as a background job; its result dialog names what was checked and
every problem found (core's `VerifyReport`, in words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.bundle.verify_bundle import verify_bundle_file
from evidence_desk.core.case import Case
from evidence_desk.core.redaction.verify_pdf import verify_pdf_file
from evidence_desk.core.verify_case import VerifyReport, verify_case
from evidence_desk.ui.dialogs.report_view import ReportDialog, report_html
from evidence_desk.ui.jobs import Job


def verify_target(case: Case, kind: str, path: Path | None) -> VerifyReport:
    """The one verification `kind` ("case", "pdf", "bundle") names."""
    if kind == "case":
        return verify_case(case)
    assert path is not None
    return verify_pdf_file(path) if kind == "pdf" else verify_bundle_file(path)


class VerifyDialog(QDialog):
    resultShown = Signal(object)  # the ReportDialog
    started = Signal(object)  # the Job

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main = window
        self.job: Job | None = None
        self.result_dialog: ReportDialog | None = None
        self.setWindowTitle(self.tr("Verify"))
        self.setMinimumWidth(520)
        self.case_button = QRadioButton(self.tr("This &case: audit chain and anchor, originals' hashes, database"))
        self.pdf_button = QRadioButton(self.tr("An exported &PDF: leak and structure checks"))
        self.bundle_button = QRadioButton(self.tr("A &bundle: checksums, signature, audit chain, its PDFs"))
        self.kind = QButtonGroup(self)
        for button, name in ((self.case_button, "case"), (self.pdf_button, "pdf"), (self.bundle_button, "bundle")):
            button.setProperty("kind", name)
            self.kind.addButton(button)
        self.case_button.setChecked(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("the file to check"))
        self.browse_button = QPushButton(self.tr("B&rowse…"))
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Verify"))
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.case_button, self.pdf_button, self.bundle_button):
            layout.addWidget(w)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.kind.buttonToggled.connect(lambda *_: self._kind_changed())
        self._kind_changed()

    def kind_name(self) -> str:
        return str(self.kind.checkedButton().property("kind"))

    def _kind_changed(self) -> None:
        on = self.kind_name() != "case"
        self.path.setEnabled(on)
        self.browse_button.setEnabled(on)

    def browse(self) -> None:
        pattern = self.tr("PDF (*.pdf)") if self.kind_name() == "pdf" else self.tr("Bundles (*.zip)")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("File to verify"), str(Path.home()), pattern)
        if path:
            self.path.setText(path)

    def start(self) -> Job | None:
        kind = self.kind_name()
        path = Path(self.path.text().strip()).expanduser() if self.path.text().strip() else None
        if kind != "case" and (path is None or not path.is_file()):
            self.error.setText(self.tr("Choose the file to verify."))
            return None
        case = self.main.case
        what = {"case": self.tr("Verifying the case"), "pdf": self.tr("Verifying a PDF"),
                "bundle": self.tr("Verifying a bundle")}[kind]
        job = self.main.jobs.start(what, lambda _p: verify_target(case, kind, path))
        job.succeeded.connect(self._done)
        self.job = job
        self.started.emit(job)
        self.accept()
        return job

    def _done(self, report: VerifyReport) -> None:
        if report.ok:
            summary = self.tr("Nothing failed.") + (" " + self.tr("{n} warning(s).").format(n=len(report.warnings))
                                                   if report.warnings else "")
        else:
            summary = self.tr("{n} problem(s) found: {first}").format(n=len(report.problems), first=report.problems[0])
        title = Path(report.target).name or report.target
        dialog = ReportDialog(self.tr("Verified") if report.ok else self.tr("Verification failed"), summary,
                              [report_html(title, report)], report.ok, self.main)
        self.result_dialog = dialog
        dialog.open()
        self.resultShown.emit(dialog)
