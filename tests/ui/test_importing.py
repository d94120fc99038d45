"""Dropping files on the window imports them as a background job, with a summary."""

from __future__ import annotations

import threading

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from evidence_desk.core.errors import CancelledError
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.ui.dialogs.import_summary import ImportSummaryDialog


def _drop(window, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return mime, event


def test_dropping_a_file_imports_it_and_shows_the_report(window, ui_case, extra_pdf, qtbot):
    with qtbot.waitSignal(window.jobs.jobStarted) as started:
        _mime, _event = _drop(window, [extra_pdf])
    job = started.args[0]
    assert window.job_status.isVisible()
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert job.error is None
    report, _post = job.result
    assert [o.status for o in report.outcomes] == ["imported"]
    assert "d_permit.pdf" in [d.filename for d in list_documents(ui_case)]
    assert window.browser.model.rowCount() == 4  # the list was re-read
    assert isinstance(window.importer.summary, ImportSummaryDialog)
    assert window.importer.summary.table.item(0, 1).text() == "imported"
    assert not window.job_status.isVisible()


def test_dropping_a_folder_of_duplicates_reports_them(window, ui_case, template_case, qtbot):
    folder = template_case.parent / "files"
    with qtbot.waitSignal(window.jobs.jobStarted) as started:
        _drop(window, [folder])
    job = started.args[0]
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    report, _post = job.result
    assert [o.status for o in report.outcomes] == ["duplicate"] * 3
    assert len(list_documents(ui_case)) == 3


def test_a_running_job_can_be_cancelled_from_the_status_bar(window, qtbot):
    reached = threading.Event()

    def work(progress):
        progress.update(label="Waiting", total=10, done=1)
        reached.set()
        while not progress.cancelled:
            progress._cancel.wait(0.05)  # the core's own cancel flag, set by the button
        progress.raise_if_cancelled()

    job = window.jobs.start("Test job", work, dialog=False)
    with qtbot.waitSignal(job.progressed):
        pass
    assert reached.is_set()
    assert window.job_status.bar.maximum() == 10
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        window.job_status.cancel_button.click()
    assert job.error == "cancelled"


def test_a_failing_job_reports_its_message(window, qtbot):
    from evidence_desk.core.errors import InvalidInputError

    def work(_progress):
        raise InvalidInputError("nothing to import there")

    job = window.jobs.start("Failing job", work, dialog=False)
    with qtbot.waitSignal(job.failed, timeout=10_000) as failed:
        pass
    assert failed.args == ["nothing to import there"]
    qtbot.waitUntil(lambda: "nothing to import there" in window.statusBar().currentMessage())
    assert not issubclass(InvalidInputError, CancelledError)
