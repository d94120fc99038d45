"""A second window on the same case opens it read-only and says so; a lock left by a killed
window is recovered; a case on read-only media opens the same way; Close Case keeps a window.

Each case opens through `ui/app.py`'s Session, as `evidence-desk gui` and Case › Open do."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from evidence_desk.core.case_lock import CaseLock
from evidence_desk.ui.app import Session
from evidence_desk.ui.case_menu import NoCaseWindow
from evidence_desk.ui.main_window import MainWindow
from evidence_desk.ui.read_only import EDIT_ACTIONS
from tests.ui.test_case_lifecycle import run_in_event_loop

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def sessions(qapp) -> Iterator[list[Session]]:
    opened: list[Session] = []
    yield opened
    for s in reversed(opened):
        if s.window is not None:
            s.window.close()
        s.close()


def open_session(qapp, path: Path, opened: list[Session]) -> Session:
    s = Session(qapp, "tester")
    opened.append(s)
    assert s.open(path, create=False)
    s.window.show()
    return s


def edits_enabled(window: MainWindow) -> dict[str, bool]:
    return {name: window.actions_.all[name].isEnabled() for name in EDIT_ACTIONS if name in window.actions_.all}


def test_a_second_window_on_the_same_case_is_read_only_and_says_who_has_it(ui_case, qapp, sessions):
    ui_case.close()
    first = open_session(qapp, ui_case.path, sessions)
    second = open_session(qapp, ui_case.path, sessions)

    assert not first.case.read_only and first.window.read_only_banner is None
    assert all(on for name, on in edits_enabled(first.window).items() if name not in ("undo", "redo"))
    assert second.case.read_only
    banner = second.window.read_only_banner
    assert banner is not None and banner.isVisible()
    assert f"pid {os.getpid()}" in banner.text() and "Read-only" in banner.text()
    second.window.resize(1280, 720)
    QApplication.processEvents()
    assert banner.height() < second.window.height() / 6  # a strip, not half the window
    assert "[read-only]" in second.window.windowTitle()
    assert not any(edits_enabled(second.window).values()), edits_enabled(second.window)
    assert not second.window.acceptDrops()
    second.window.actions_.tool_tag.trigger()  # the shortcut still reaches the action: refused
    assert second.window.tools.mode == "select"


def test_the_read_only_window_keeps_undo_off_when_the_other_window_edits(ui_case, qapp, qtbot, sessions):
    from evidence_desk.core.commands.notes import AddNote

    ui_case.close()
    first = open_session(qapp, ui_case.path, sessions)
    second = open_session(qapp, ui_case.path, sessions)
    first.case.apply(AddNote(1, "seen by the first window"))
    second.window.undo.sync()
    # Waited on the outcome, not on the next `synced`: a sync the window started when it opened
    # may still be in flight, read before the note, and arrive first (seen with a busy CPU).
    qtbot.waitUntil(second.window.undo.stack.canUndo, timeout=10_000)  # the history has a step …
    assert not second.window.actions_.undo.isEnabled()  # … this window may not undo it


def test_a_lock_left_by_a_killed_window_is_recovered(ui_case, qapp, sessions):
    ui_case.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom evidence_desk.core.case_lock import CaseLock\n"
         "lock = CaseLock.acquire(sys.argv[1])\nprint('held' if lock else 'busy', flush=True)\ntime.sleep(600)",
         str(ui_case.path)], stdout=subprocess.PIPE, text=True, cwd=REPO)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    blocked = open_session(qapp, ui_case.path, sessions)
    assert blocked.case.read_only and f"pid {holder.pid}" in blocked.window.read_only_banner.text()
    blocked.window.close()
    blocked.close()
    sessions.remove(blocked)

    holder.send_signal(signal.SIGKILL)  # a crash: the lock file stays behind
    holder.wait(10)
    assert (ui_case.path / "case.lock").exists()
    recovered = open_session(qapp, ui_case.path, sessions)

    assert not recovered.case.read_only and recovered.window.read_only_banner is None
    assert recovered.lock is not None


def test_close_case_releases_the_lock_and_leaves_a_window_to_open_another(ui_case, qapp, sessions):
    ui_case.close()
    s = open_session(qapp, ui_case.path, sessions)
    first = s.window

    still_running = run_in_event_loop(qapp, first.actions_.close_case.trigger,
                                      lambda: isinstance(s.window, NoCaseWindow) and s.window.isVisible())

    assert still_running, "the application quit when the case closed"
    assert s.case is None and s.lock is None
    lock = CaseLock.acquire(ui_case.path)  # nobody holds it any more
    assert lock is not None
    lock.release()
    assert [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()] == []

    reopened = run_in_event_loop(qapp, lambda: s.window.caseSwitchRequested.emit(ui_case.path),
                                 lambda: isinstance(s.window, MainWindow) and s.window.isVisible())
    assert reopened and s.window.browser.model.rowCount() == 3


READ_ONLY_MEDIA_SCRIPT = r"""
import sys
from evidence_desk.ui.app import Session, application
from evidence_desk.ui.read_only import EDIT_ACTIONS

app = application()
s = Session(app, "tester")
s.open(sys.argv[1], create=False)
w = s.window
print("banner:", w.read_only_banner.text() if w.read_only_banner else "none")
print("enabled:", [n for n in EDIT_ACTIONS if n in w.actions_.all and w.actions_.all[n].isEnabled()])
print("documents:", w.browser.model.rowCount())
w.close()
s.close()
"""


def test_a_case_on_read_only_media_opens_in_the_same_read_only_window(ui_case, tmp_path):
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        if os.environ.get("CI"):
            pytest.fail("bubblewrap is not installed (Debian package: bubblewrap)")
        pytest.skip("bubblewrap is not installed (Debian package: bubblewrap)")
    ui_case.close()
    script = tmp_path / "ro_window.py"
    script.write_text(READ_ONLY_MEDIA_SCRIPT)
    done = subprocess.run(
        [bwrap, "--bind", "/", "/", "--dev", "/dev", "--ro-bind", str(ui_case.path), str(ui_case.path),
         "--", sys.executable, str(script), str(ui_case.path)],
        capture_output=True, text=True, timeout=120, cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVIDENCE_DESK_HOME": str(tmp_path / "home")},
        check=False)

    assert done.returncode == 0, done.stderr[-2000:]
    assert "banner: Read-only: The case is read-only (it is on a read-only volume)" in done.stdout, done.stdout
    assert "enabled: []" in done.stdout
    assert "documents: 3" in done.stdout
