"""Importing files the user dropped on the window (or chose from the menu) as a job.

Runs the same core services as `evidence-desk import`: `import_paths`, then
`after_import` (OCR where pages have no text), with progress and cancel, and
shows the report when done."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QWidget

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, ImportReport, import_paths
from evidence_desk.core.post_import import after_import
from evidence_desk.core.progress import Progress
from evidence_desk.ui.dialogs.import_summary import ImportSummaryDialog
from evidence_desk.ui.jobs import Job, JobManager


def local_paths(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]


class ImportController(QObject):
    imported = Signal(object)  # ImportReport, after the case changed

    def __init__(self, case: Case, jobs: JobManager, window: QWidget,
                 options: ImportOptions | None = None) -> None:
        super().__init__(window)
        self.case = case
        self.jobs = jobs
        self.window = window
        self.options = options or ImportOptions()
        self.summary: ImportSummaryDialog | None = None

    def start(self, paths: Sequence[Path], *, show_summary: bool = True) -> Job:
        case, options = self.case, self.options
        paths = list(paths)

        def work(progress: Progress) -> tuple[ImportReport, dict[str, Any]]:
            report = import_paths(case, paths, options, progress)
            post = after_import(case, report, options, progress) if not report.cancelled else {}
            return report, post

        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        job = self.jobs.start(f"Importing {names}", work)
        job.succeeded.connect(lambda result: self._done(result, show_summary))
        return job

    def _done(self, result: tuple[ImportReport, dict[str, Any]], show_summary: bool) -> None:
        report, post = result
        self.imported.emit(report)
        if show_summary:
            self.summary = ImportSummaryDialog(report, list(post.get("messages", [])), self.window)
            self.summary.open()
