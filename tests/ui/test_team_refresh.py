"""The window sees others' changes: what a colleague (here the command line, as another
process with another author) writes to the case shows in the open window without a
reload — the annotation panel, the document list — and the status bar says who did
what. The window's own changes are not echoed back, and an own undo step a colleague's
change made stale is refused with the core's message. On SQLite and on PostgreSQL alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.copy_case import copy_case
from evidence_desk.core.geometry import Rect
from evidence_desk.ui.panels.mentions_panel import MentionsTab
from evidence_desk.ui.panels.notes_panel import NotesTab
from tests import pg
from tests.ui.conftest import doc_id_by_name

REPO = Path(__file__).resolve().parents[2]
REGION = Rect(70.0, 100.0, 260.0, 130.0)
WAIT_MS = 60_000  # a second Python process on a busy two-core machine


def _colleague(case: Case, *runs: list[str]) -> None:
    """Another process running the command line once per `runs` entry (`--author` included)."""
    script = ("import sys, json\nfrom evidence_desk.cli.main import main\n"
              "for argv in json.loads(sys.argv[2]):\n"
              "    code = main(['--case', sys.argv[1], *argv])\n"
              "    if code: sys.exit(f'{argv} exited with {code}')\n")
    env = {**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'desktop'}"}
    done = subprocess.run([sys.executable, "-c", script, str(case.path), json.dumps(list(runs))],
                          capture_output=True, text=True, timeout=240, env=env)
    assert done.returncode == 0, done.stderr[-3000:]


def _has(action: str):  # a waitSignal check
    return lambda news: any(e.action == action for e in news.entries)


def _started(window, qtbot) -> None:
    if window.team.feed is None:
        with qtbot.waitSignal(window.team.started, timeout=WAIT_MS):
            pass


def _texts(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


@pytest.mark.slow  # a real second process: Python's start-up and the CLI's imports take seconds
def test_a_colleague_s_note_and_tag_on_the_open_document_show_in_the_window(window, ui_case, qtbot):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(letter, 0)
    _started(window, qtbot)
    notes, mentions = window.annotations.tab(NotesTab), window.annotations.tab(MentionsTab)
    assert notes.table.rowCount() == 0 and mentions.table.rowCount() == 0

    with qtbot.waitSignal(window.team.arrived, timeout=WAIT_MS, check_params_cb=_has("add_note")):
        _colleague(ui_case,
                   ["--author", "alice", "tag", str(letter), "--page", "1", "--rect", "70", "100", "260", "130",
                    "--entity", "Anton Petrov", "--type", "person"],
                   ["--author", "alice", "note", str(letter), "--page", "1", "compare with the invoice"])
    [note] = _texts(notes.table)
    assert "compare with the invoice" in note and "alice" in note
    assert any("Anton Petrov" in cell for cell in _texts(mentions.table)[0])
    assert window.statusBar().currentMessage() in ("alice tagged 1 page, added 1 note", "alice added 1 note")


def test_the_window_s_own_change_is_not_echoed_back(window, ui_case, qtbot):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    _started(window, qtbot)
    arrived: list[object] = []
    window.team.arrived.connect(arrived.append)
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(AddNote(letter, "mine", page=1))
    with qtbot.waitSignal(window.db.idle, timeout=WAIT_MS):
        window.team.poll()
    assert arrived == []
    assert window.team.feed is not None and window.team.feed.position > 0


@pytest.mark.slow  # a real second process: Python's start-up and the CLI's imports take seconds
def test_an_own_undo_a_colleague_made_stale_is_refused_with_the_reason(window, ui_case, qtbot):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(letter, 0)
    _started(window, qtbot)
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(Tag(letter, 1, "Anton Petrov", "person", rect=REGION))
    with qtbot.waitSignal(window.team.arrived, timeout=WAIT_MS, check_params_cb=_has("rename_entity")):
        _colleague(ui_case, ["--author", "bob", "entity", "rename", "Anton Petrov", "A. Petrov"])
    assert window.statusBar().currentMessage() == "bob edited 1 entity"
    assert any("A. Petrov" in cell for cell in _texts(window.annotations.tab(MentionsTab).table)[0])

    # The window's Undo still names its own step; core refuses it, naming bob's rename.
    assert window.actions_.undo.text().replace("&", "") == f"Undo Tag “Anton Petrov” on document {letter}, page 1"
    with qtbot.waitSignal(window.undo.failed, timeout=WAIT_MS) as failed:
        window.actions_.undo.trigger()
    assert "was changed since (by bob" in failed.args[0] and failed.args[0].endswith("undo refused")
    qtbot.waitUntil(lambda: "undo refused" in window.statusBar().currentMessage())


@pytest.fixture
def pg_window(template_case: Path, tmp_path: Path, qtbot, shared_render_service) -> Iterator[object]:
    """The real window on a PostgreSQL copy of the GUI template case."""
    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow

    with Case.open(template_case) as lite:
        report = copy_case(lite, pg.empty_database(), folder=tmp_path / "shared")
    assert report.ok, report.problems
    case = Case.open(report.folder, author="tester")
    application()
    win = MainWindow(case, shared_render_service)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    case.close()


@pytest.mark.slow  # a real second process: Python's start-up and the CLI's imports take seconds
def test_on_postgresql_a_colleague_s_note_shows_in_the_open_window(pg_window, qtbot):
    window = pg_window
    case = window.case
    assert case.on_server
    letter = doc_id_by_name(case, "a_letter.pdf")
    window.open_document(letter, 0)
    _started(window, qtbot)
    with qtbot.waitSignal(window.team.arrived, timeout=WAIT_MS, check_params_cb=_has("add_note")):
        _colleague(case, ["--author", "alice", "note", str(letter), "--page", "1", "seen on the server"])
    [note] = _texts(window.annotations.tab(NotesTab).table)
    assert "seen on the server" in note and "alice" in note
    assert window.statusBar().currentMessage() == "alice added 1 note"
