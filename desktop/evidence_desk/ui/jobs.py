"""Long core work (import, OCR, export) in a background thread, shown in the window.

A `Job` runs `fn(progress)` in a `QThread` with a Qt-free `core.progress.Progress`;
the progress listener runs on the worker thread and only emits a signal, which
Qt queues to the main thread. Cancel sets the progress's cancel flag; the core
function stops at its next safe point. Heavy parsing itself runs in the core's
sandbox processes: the thread only waits on them and on the database.

`JobManager` owns the running jobs and shows them in the status bar (a progress
bar and a cancel button) and in a modeless progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.errors import CancelledError, EvidenceDeskError
from evidence_desk.core.progress import Progress, ProgressState

CANCELLED = "cancelled"  # a job's error when it was cancelled (not shown: the window says it its own way)


class _Worker(QThread):
    progressed = Signal(object)
    succeeded = Signal(object)
    errored = Signal(str, bool)  # message, cancelled

    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, parent: QObject) -> None:
        super().__init__(parent)  # owned by its Job, so it can never be collected while running
        self._fn = fn
        self._progress = progress
        progress.subscribe(self.progressed.emit)

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except CancelledError:
            self.errored.emit(CANCELLED, True)
        except EvidenceDeskError as exc:
            self.errored.emit(str(exc), False)
        except Exception as exc:  # a bug must surface as a message, not kill the thread silently
            self.errored.emit(self.tr("internal error ({kind}: {exc})").format(kind=type(exc).__name__, exc=exc), False)
        else:
            self.succeeded.emit(result)


class Job(QObject):
    """One background task. Signals arrive on the main thread."""

    progressed = Signal(object)  # ProgressState
    succeeded = Signal(object)  # the function's return value
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()  # always, last

    def __init__(self, title: str, fn: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.progress = Progress(label=title)
        self.result: Any = None
        self.error: str | None = None
        self.state: ProgressState = self.progress.state()
        self._thread = _Worker(fn, self.progress, self)
        self._thread.progressed.connect(self._on_progress)
        self._thread.succeeded.connect(self._on_success)
        self._thread.errored.connect(self._on_error)
        self._thread.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self.progress.cancel()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    def _on_progress(self, state: ProgressState) -> None:
        self.state = state
        self.progressed.emit(state)

    def _on_success(self, result: Any) -> None:
        self.result = result
        self.succeeded.emit(result)

    def _on_error(self, message: str, was_cancelled: bool) -> None:
        self.error = message
        if was_cancelled:
            self.cancelled.emit()
        else:
            self.failed.emit(message)

    def _on_finished(self) -> None:
        self.finished.emit()


def run_in_thread(fn: Callable[[], Any], on_done: Callable[[Any], None],
                  on_error: Callable[[str], None], parent: QObject) -> Job:
    """A quick background query (search, a large listing) with no progress display."""
    job = Job("query", lambda _progress: fn(), parent)
    job.succeeded.connect(on_done)
    job.failed.connect(on_error)
    job.finished.connect(job.deleteLater)
    job.start()
    return job


class JobStatusWidget(QWidget):
    """Status-bar part: what runs, how far, and a cancel button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setFixedWidth(180)
        self.bar.setMaximumHeight(16)
        self.cancel_button = QToolButton()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Cancel the running job"))
        for w in (self.label, self.bar, self.cancel_button):
            layout.addWidget(w)
        self.hide()

    def show_state(self, state: ProgressState) -> None:
        self.label.setText(state.label + (f": {state.detail}" if state.detail else ""))
        _set_bar(self.bar, state)


def _set_bar(bar: QProgressBar, state: ProgressState) -> None:
    if state.total:
        bar.setRange(0, state.total)
        bar.setValue(min(state.done, state.total))
    else:
        bar.setRange(0, 0)  # busy indicator


class JobDialog(QDialog):
    """Modeless: the user keeps working while a job runs."""

    def __init__(self, job: Job, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(job.title)
        self.setModal(False)
        self.setMinimumWidth(420)
        self.label = QLabel(job.title)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.bar = QProgressBar()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(job.cancel)
        buttons.rejected.connect(lambda: self.label.setText(self.tr("{title} — cancelling…").format(title=job.title)))
        layout = QVBoxLayout(self)
        for w in (self.label, self.bar, self.detail, buttons):
            layout.addWidget(w)
        job.progressed.connect(self._show)
        job.finished.connect(self.close)

    def _show(self, state: ProgressState) -> None:
        self.detail.setText(state.detail)
        _set_bar(self.bar, state)


class JobManager(QObject):
    """Starts jobs and keeps them visible until they end."""

    jobStarted = Signal(object)
    jobFinished = Signal(object)

    def __init__(self, status: JobStatusWidget, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.status = status
        self._parent = dialog_parent
        self.jobs: list[Job] = []
        status.cancel_button.clicked.connect(self.cancel_all)

    def start(self, title: str, fn: Callable[[Progress], Any], *, dialog: bool = True) -> Job:
        job = Job(title, fn, self)
        self.jobs.append(job)
        job.progressed.connect(self.status.show_state)
        job.finished.connect(lambda: self._finished(job))
        if dialog:
            job.dialog = JobDialog(job, self._parent)  # type: ignore[attr-defined]
            job.dialog.show()  # type: ignore[attr-defined]
        self.status.show_state(job.state)
        self.status.show()
        job.start()
        self.jobStarted.emit(job)
        return job

    def _finished(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if not self.jobs:
            self.status.hide()
        self.jobFinished.emit(job)

    def cancel_all(self) -> None:
        for job in list(self.jobs):
            job.cancel()

    def shutdown(self, wait_ms: int = 30_000) -> None:
        """Cancel everything and wait: no thread may outlive the window."""
        self.cancel_all()
        for job in list(self.jobs):
            job.wait(wait_ms)
