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


def test_failed_redactions_show_at_import_in_the_list_the_viewer_and_the_repair_preview(
        window, ui_case, qtbot, tmp_path: Path):
    from PySide6.QtWidgets import QGraphicsRectItem

    from evidence_desk.ui.browser.model import COL_DOC
    from evidence_desk.ui.viewer.overlays import KIND_ROLE
    from tests.ui.conftest import doc_id_by_name

    job = window.importer.start([_badly_redacted(tmp_path / "bad.pdf")])
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=60_000)
    assert job is not None
    summary = window.importer.summary
    assert "1 failed redaction(s) in 1 document(s)" in summary.summary_label.text()
    assert "⚠ 1 failed redaction(s)" in summary.table.item(0, 2).text()

    doc_id = doc_id_by_name(ui_case, "bad.pdf")
    model = window.browser.model
    row = model.rows.index(model.row_for(doc_id))
    assert "⚠ 1 failed redaction(s)" in model.data(model.index(row, COL_DOC))

    viewer = window.open_document(doc_id, 0)
    qtbot.waitUntil(lambda: viewer.page_view.item(1).materialized, timeout=20_000)
    boxes = [i for i in viewer.page_view.item(1).childItems()
             if isinstance(i, QGraphicsRectItem) and i.data(KIND_ROLE) == "failed_redaction"]
    assert len(boxes) == 1 and "Kirill Garbuz" in boxes[0].toolTip()
    assert viewer.failed_banner.isVisible() and "1 failed redaction" in viewer.failed_banner.text()

    command = next(a for a in window.findChildren(type(window.actions_.undo))
                   if a.text().replace("&", "").startswith("Redact Failed Redactions"))
    command.trigger()
    qtbot.waitUntil(lambda: getattr(window, "failed_preview", None) is not None, timeout=30_000)
    preview = window.failed_preview
    assert "1 failed redaction(s) on page(s) 1" in preview.count_label.text()
    assert preview.table.item(0, 2).text() == "Kirill Garbuz"
    assert preview.ok_button.text() == "&Redact 1"
    with qtbot.waitSignal(window.undo.changed, timeout=30_000):
        preview.accept()

    [redaction] = _redactions(ui_case)
    assert redaction.document_id == doc_id
    qtbot.waitUntil(lambda: not viewer.failed_banner.isVisible(), timeout=10_000)
    assert model.failed == {}
