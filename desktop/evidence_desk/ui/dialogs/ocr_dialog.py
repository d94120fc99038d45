"""Document › OCR…: read pages with Tesseract (`ocr [DOC…] --lang LANGS [--force]`).

Languages are chosen from the ones Tesseract has installed (listed off the main
thread), the document's own or the settings' default ticked. The run is a
background job with progress and cancel; like the command line it reads the new
text for suggestions afterwards. A cancelled run keeps the pages it read and can
be resumed (the window offers that when the case is opened again)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.errors import CancelledError
from evidence_desk.core.ocr import tesseract
from evidence_desk.core.ocr.service import OcrReport, default_languages, ocr_documents
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.pipeline import analyse_documents
from evidence_desk.ui.dialogs.document_scope import DocumentScope
from evidence_desk.ui.jobs import Job, run_in_thread


def run_ocr(case: Case, doc_ids: list[int] | None, languages: str, force: bool, progress: Progress) -> tuple[
        OcrReport, str | None]:
    """OCR, then (when pages were read) the suggestion reading of the new text, as `ocr` does."""
    report = ocr_documents(case, doc_ids, languages, progress, "force" if force else "auto")
    if report.cancelled:
        raise CancelledError("cancelled by the user")
    analysis = analyse_documents(case, doc_ids, progress) if report.pages_done else None
    return report, analysis.summary() if analysis is not None else None


class OcrDialog(QDialog):
    languagesLoaded = Signal(list)
    started = Signal(object)  # the Job
    finishedWith = Signal(object)  # the OcrReport

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main = window
        self.job: Job | None = None
        self.report: OcrReport | None = None
        self.setWindowTitle(self.tr("OCR"))
        self.setMinimumWidth(460)
        scope = self.documents = DocumentScope(window)
        self.this_doc, self.selection, self.everything = scope.this_doc, scope.selection, scope.everything
        self.languages = QListWidget()
        self.languages.setAccessibleName(self.tr("OCR languages"))
        self.force = QCheckBox(self.tr("Read &every page again, replacing its text (otherwise only pages "
                                       "without usable text)"))
        self.status = QLabel(self.tr("Asking Tesseract for its languages…"))
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Start OCR"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        lang_label = QLabel(self.tr("&Languages"))
        lang_label.setBuddy(self.languages)
        layout = QVBoxLayout(self)
        layout.addWidget(scope)
        layout.addWidget(lang_label)
        layout.addWidget(self.languages, 1)
        layout.addWidget(self.force)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        run_in_thread(tesseract.installed_languages, self._show_languages, self._no_tesseract, self)

    def _show_languages(self, codes: list[str]) -> None:
        wanted = set(default_languages().split("+"))
        for code in codes:
            if code == "osd":
                continue  # orientation data, not a language to read
            item = QListWidgetItem(code)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in wanted else Qt.CheckState.Unchecked)
            self.languages.addItem(item)
        self.status.setText(self.tr("{n} languages installed.").format(n=self.languages.count()))
        self.ok_button.setEnabled(self.languages.count() > 0)
        self.languagesLoaded.emit(codes)

    def _no_tesseract(self, message: str) -> None:
        self.status.setText(self.tr("OCR is not available: {why}").format(why=message))

    def chosen_languages(self) -> str:
        return "+".join(str(self.languages.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.languages.count())
                        if self.languages.item(i).checkState() == Qt.CheckState.Checked)

    def set_languages(self, codes: list[str]) -> None:
        for i in range(self.languages.count()):
            item = self.languages.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in codes
                               else Qt.CheckState.Unchecked)

    def doc_ids(self) -> list[int] | None:
        """The chosen documents; None: every document."""
        return self.documents.doc_ids()

    def start(self) -> Job | None:
        languages = self.chosen_languages()
        if not languages:
            self.status.setText(self.tr("Choose at least one language."))
            return None
        case, ids, force = self.main.case, self.doc_ids(), self.force.isChecked()
        job = self.main.jobs.start(self.tr("OCR ({langs})").format(langs=languages),
                                   lambda p: run_ocr(case, ids, languages, force, p))
        job.succeeded.connect(self._done)
        job.finished.connect(lambda: self.main.refresh_views())  # pages read before a cancel count too
        self.job = job
        self.started.emit(job)
        self.accept()
        return job

    def _done(self, result: tuple[OcrReport, str | None]) -> None:
        report, analysis = result
        self.report = report
        text = self.tr("OCR: {done} of {total} pages read").format(done=report.pages_done, total=report.pages_total)
        if report.mean_confidence is not None:
            text += " " + self.tr("(mean confidence {c:.0f})").format(c=report.mean_confidence)
        if report.failed:
            text += "; " + self.tr("{n} failed").format(n=len(report.failed))
        if analysis:
            text += "; " + analysis
        self.main.statusBar().showMessage(text, 15_000)
        self.finishedWith.emit(report)
