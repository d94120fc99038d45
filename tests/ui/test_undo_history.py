"""The window's undo mirrors the case's history, which the command line shares: an undo
after a change made by another process applies exactly, or is refused with a clear
message and the window's stack stays consistent with the case."""

from __future__ import annotations

import subprocess
import sys
import threading

from sqlalchemy import select

from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import Entity, Mention, Note
from evidence_desk.core.geometry import Rect
from evidence_desk.ui.db_executor import DbExecutor
from tests.ui.conftest import doc_id_by_name

REGION = Rect(70.0, 100.0, 260.0, 130.0)


def _cli(case, *argv: str) -> None:
    """The command line, as another process with another author."""
    done = subprocess.run([sys.executable, "-m", "evidence_desk", "--case", str(case.path), "--author", "bob",
                           *argv], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def _undo_text(window) -> str:
    return window.actions_.undo.text().replace("&", "")


def test_a_window_undo_refused_because_the_command_line_changed_the_rows(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(Tag(doc, 1, "Anton Petrov", "person", rect=REGION))
    assert _undo_text(window) == f"Undo Tag “Anton Petrov” on document {doc}, page 1"
    _cli(ui_case, "entity", "rename", "Anton Petrov", "A. Petrov")

    with qtbot.waitSignal(window.undo.failed, timeout=10_000) as failed:
        window.actions_.undo.trigger()
    message = failed.args[0]
    assert message.startswith(f"cannot undo “Tag “Anton Petrov” on document {doc}, page 1”: ")
    assert "entity “Anton Petrov” was changed since (by bob, “Rename “Anton Petrov” to “A. Petrov”" in message
    assert message.endswith("undo refused")
    qtbot.waitUntil(lambda: "undo refused" in window.statusBar().currentMessage())
    with ui_case.read() as s:  # nothing was undone, not even the mention
        assert len(s.execute(select(Mention)).scalars().all()) == 1
        assert s.execute(select(Entity.name)).scalars().all() == ["A. Petrov"]
    # The stack now mirrors the case: the command line's rename is the step to undo, and it undoes.
    qtbot.waitUntil(lambda: _undo_text(window) == "Undo Rename “Anton Petrov” to “A. Petrov”")
    assert window.undo.stack.count() == 2 and window.undo.stack.index() == 2
    with qtbot.waitSignal(window.undo.changed):
        window.actions_.undo.trigger()
    with qtbot.waitSignal(window.undo.changed):
        window.actions_.undo.trigger()
    with ui_case.read() as s:
        assert s.execute(select(Mention)).scalars().all() == []
        assert s.execute(select(Entity)).scalars().all() == []


def test_a_window_undo_after_an_unrelated_command_line_edit_applies_exactly(window, ui_case, qtbot):
    letter, invoice = doc_id_by_name(ui_case, "a_letter.pdf"), doc_id_by_name(ui_case, "b_invoice.pdf")
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(AddNote(letter, "from the window", page=1))
    _cli(ui_case, "note", str(invoice), "from the command line")
    assert _undo_text(window) == f"Undo Note “from the window” on document {letter}, page 1"  # not synced yet

    with qtbot.waitSignal(window.undo.changed) as changed:
        window.actions_.undo.trigger()
    assert changed.args[0].kinds == {"notes"} and changed.args[0].documents == {letter}
    with ui_case.read() as s:
        assert s.execute(select(Note.text)).scalars().all() == ["from the command line"]
    # The mirror shows the command line's note as the next undo and the window's as the redo.
    assert _undo_text(window) == f"Undo Note “from the command line” on document {invoice}"
    assert window.actions_.redo.text().replace("&", "") == f"Redo Note “from the window” on document {letter}, page 1"
    with qtbot.waitSignal(window.undo.changed):
        window.actions_.redo.trigger()
    with ui_case.read() as s:
        assert sorted(s.execute(select(Note.text)).scalars()) == ["from the command line", "from the window"]


def test_the_window_opens_with_the_history_the_command_line_left(ui_case, qtbot, shared_render_service):
    from evidence_desk.ui.main_window import MainWindow

    _cli(ui_case, "note", "1", "left by the command line")
    win = MainWindow(ui_case, shared_render_service)
    qtbot.addWidget(win)
    try:
        qtbot.waitUntil(lambda: _undo_text(win) == "Undo Note “left by the command line” on document 1")
    finally:
        win.close()


def test_the_database_executor_runs_work_on_one_other_thread_in_order(qtbot):
    executor = DbExecutor()
    seen: list[tuple[str, int]] = []
    errors: list[BaseException] = []
    try:
        for i in range(5):
            executor.submit(lambda i=i: (threading.current_thread().name, i), seen.append)
        with qtbot.waitSignal(executor.idle):
            executor.submit(lambda: 1 / 0, None, errors.append)
    finally:
        executor.shutdown()
    assert [i for _name, i in seen] == [0, 1, 2, 3, 4]
    assert {name for name, _i in seen} != {threading.current_thread().name}
    assert len({name for name, _i in seen}) == 1
    assert isinstance(errors[0], ZeroDivisionError)
    assert executor.submit(lambda: 1) is None  # after shutdown nothing more is queued


def test_a_change_refreshes_only_the_panels_that_show_what_it_touched(window, ui_case, qtbot, monkeypatch):
    from evidence_desk.ui.panels.mentions_panel import MentionsTab
    from evidence_desk.ui.panels.notes_panel import NotesTab

    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(letter, 0)
    refreshed: list[str] = []
    for cls in (MentionsTab, NotesTab):
        tab = window.annotations.tab(cls)
        monkeypatch.setattr(tab, "refresh", lambda name=cls.title, orig=tab.refresh: (refreshed.append(name),
                                                                                      orig()))
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(AddNote(letter, "only the notes tab redraws", page=1))
    assert refreshed == ["Notes"]
    assert window.annotations.tab(NotesTab).table.rowCount() == 1
