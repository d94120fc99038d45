"""Offer to finish OCR that a crash or kill interrupted, when a case opens.

Core keeps each OCR run as a job with its finished pages (`core.ocr.jobs`), and
`resume_ocr` finishes only those. The window shows a status-bar button while such
pages exist; pressing it runs the resume as an ordinary job (progress, cancel)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStatusBar, QToolButton

from evidence_desk.core.case import Case
from evidence_desk.core.ocr.service import OcrReport, resume_ocr, unfinished_pages
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.pipeline import analyse_documents
from evidence_desk.ui.jobs import Job, JobManager


class OcrResumeOffer(QObject):
    resumed = Signal(object)  # OcrReport, after the pages' text was stored

    def __init__(self, case: Case, jobs: JobManager, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.case = case
        self.jobs = jobs
        self.button = QToolButton()
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.start)
        bar.addPermanentWidget(self.button)
        self.job: Job | None = None
        self.update()

    def update(self) -> int:
        """Show the offer if pages are waiting (a quick read of the jobs table); return how many."""
        pending = unfinished_pages(self.case)
        self.button.setText(self.tr("Resume OCR (%n page(s))", "", pending))
        self.button.setToolTip(self.tr("OCR was interrupted before it finished; run the remaining pages now"))
        self.button.setVisible(bool(pending) and self.job is None)
        return pending

    def start(self) -> Job:
        case = self.case

        def work(progress: Progress) -> OcrReport:
            report = resume_ocr(case, progress)
            if report.pages_done and not progress.cancelled:
                analyse_documents(case, None, progress)  # the new text: only its pages are read
            return report

        self.job = self.jobs.start(self.tr("Resuming interrupted OCR"), work)
        self.button.hide()
        self.job.succeeded.connect(self._done)
        self.job.finished.connect(self._finished)  # failed or cancelled too: offer what is left
        return self.job

    def _done(self, report: OcrReport) -> None:
        self._finished()
        self.resumed.emit(report)

    def _finished(self) -> None:
        self.job = None
        self.update()
