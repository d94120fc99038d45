"""Importing files the user dropped on the window (or chose from the menu) as a job.

Runs the same core services as `evidence-desk import`: `import_paths`, then
`after_import` (OCR where pages have no text), with progress and cancel, and
shows the report when done."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QDialog, QWidget

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, ImportReport, import_paths
from evidence_desk.core.importing.report import FileOutcome
from evidence_desk.core.post_import import after_import
from evidence_desk.core.progress import Progress
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.queries.failed_redactions import open_counts
from evidence_desk.ui.dialogs.import_summary import ImportSummaryDialog
from evidence_desk.ui.jobs import Job, JobManager
from evidence_desk.ui.password_prompt import PasswordDialog


def local_paths(urls: Sequence[QUrl]) -> list[Path]:
    return [Path(u.toLocalFile()) for u in urls if u.isLocalFile() and u.toLocalFile()]


LOCKED_CODES = ("encrypted", "bad_password")  # refusals a password can undo


class ImportController(QObject):
    imported = Signal(object)  # ImportReport, after the case changed
    passwordRequested = Signal(object)  # the PasswordDialog, once open

    def __init__(self, case: Case, jobs: JobManager, window: QWidget,
                 options: ImportOptions | None = None) -> None:
        super().__init__(window)
        self.case = case
        self.jobs = jobs
        self.window = window
        self.options = options or ImportOptions()
        self.summary: ImportSummaryDialog | None = None
        self.password_dialog: PasswordDialog | None = None
        self.failed: dict[int, int] = {}  # failed redactions found by the last import, by document id

    def start(self, paths: Sequence[Path], *, show_summary: bool = True, password: bytes | None = None,
              earlier: tuple[ImportReport, list[str]] | None = None) -> Job:
        """Import `paths` as a job. `password` and `earlier` serve the retry of one locked
        file: its outcome then replaces its refusal in the earlier report."""
        case, options = self.case, self.options
        paths = list(paths)

        def work(progress: Progress) -> tuple[ImportReport, dict[str, Any]]:
            report = import_paths(case, paths, options, progress, password=password)
            post = after_import(case, report, options, progress) if not report.cancelled else {}
            ids = {o.document_id for o in report.imported}
            post["failed_redactions"] = open_counts(
                case, ((d.id, d.warnings) for d in list_documents(case) if d.id in ids and d.warnings))
            return report, post

        names = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        job = self.jobs.start(f"Importing {names}", work)
        job.succeeded.connect(lambda result: self._done(result, show_summary, earlier))
        return job

    def _done(self, result: tuple[ImportReport, dict[str, Any]], show_summary: bool,
              earlier: tuple[ImportReport, list[str]] | None = None) -> None:
        report, post = result
        messages = list(post.get("messages", []))
        self.failed.update(post.get("failed_redactions", {}))
        if earlier is not None:
            report, messages = _merge(earlier[0], report), earlier[1] + messages
        self.imported.emit(report)
        if earlier is None:
            self._declined: set[Path] = set()
            self.failed = dict(post.get("failed_redactions", {}))
        locked = [o for o in report.outcomes
                  if o.status == "refused" and o.code in LOCKED_CODES and o.path not in self._declined]
        if locked:  # one file at a time; the summary comes once every prompt is answered
            self._ask_password(locked[0], report, messages, show_summary)
        elif show_summary:
            self._show_summary(report, messages)

    def _ask_password(self, outcome: FileOutcome, report: ImportReport, messages: list[str],
                      show_summary: bool) -> None:
        dialog = PasswordDialog(outcome.path, outcome.code == "bad_password", self.window)
        self.password_dialog = dialog

        def answered(result: int) -> None:
            self.password_dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted and dialog.field.text():
                self.start([outcome.path], show_summary=show_summary, password=dialog.take_password(),
                           earlier=(report, messages))
                return
            # Cancelled: the file stays refused; ask for the next locked file, if any.
            self._declined.add(outcome.path)
            self._done((ImportReport(), {}), show_summary, (report, messages))

        dialog.finished.connect(answered)
        dialog.open()
        self.passwordRequested.emit(dialog)

    def _show_summary(self, report: ImportReport, messages: list[str]) -> None:
        self.summary = ImportSummaryDialog(report, messages, self.window, failed=self.failed)
        self.summary.open()


def _merge(earlier: ImportReport, retry: ImportReport) -> ImportReport:
    """The earlier report with the retried file's outcome in place of its refusal."""
    new = {o.path: o for o in retry.outcomes}
    return ImportReport([new.get(o.path, o) if o.code in LOCKED_CODES else o for o in earlier.outcomes],
                        earlier.cancelled or retry.cancelled)
