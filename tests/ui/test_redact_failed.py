"""A document with a black box over live text is fixed from the window in one undoable step."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from evidence_desk.core.db.models import Redaction
from evidence_desk.core.importing import import_paths
from evidence_desk.ui.tools.redact_failed import redact_failed_redactions
from tests.core.redaction.test_failed_redactions import _badly_redacted


def _redactions(case):
    with case.read() as s:
        return s.execute(select(Redaction)).scalars().all()


def test_failed_redactions_are_redacted_off_the_main_thread_and_undone(window, ui_case, qtbot, tmp_path: Path):
    [outcome] = import_paths(ui_case, [_badly_redacted(tmp_path / "bad.pdf")]).imported
    window.open_document(outcome.document_id, 0)
    with qtbot.waitSignal(window.undo.changed, timeout=30_000):
        job = redact_failed_redactions(window, reason="source")
        assert job is not None
    [redaction] = _redactions(ui_case)
    assert (redaction.document_id, redaction.page_number, redaction.reason) == (outcome.document_id, 1, "source")
    with qtbot.waitSignal(window.undo.changed):
        window.undo.stack.undo()
    assert _redactions(ui_case) == []


def test_with_no_document_open_it_says_so(window, qtbot, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    window.workspace.active_viewer().close_document()
    assert redact_failed_redactions(window, reason="source") is None
    assert shown and "Open a document" in shown[0]
