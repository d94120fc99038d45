"""Case › New Case, Open Case and Open Recent replace the window and never end the application.

The folder dialog is Qt's own; the tests replace the two functions of
ui/dialogs/case_dialogs.py that show it with ones returning the chosen folder.
Each menu action runs inside the application's real event loop (`exec`), where Qt
quits by itself once the last visible window closes: that is the bug these guard."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.ui import settings
from evidence_desk.ui.app import Session
from evidence_desk.ui.dialogs import case_dialogs
from evidence_desk.ui.dialogs.case_dialogs import NewCase
from evidence_desk.ui.main_window import MainWindow

LOOP_TIMEOUT_MS = 30_000


@pytest.fixture
def session(ui_case, qapp) -> Iterator[Session]:
    ui_case.close()
    s = Session(qapp, "tester")
    assert s.open(ui_case.path)
    s.window.show()
    yield s
    s.window.close()
    s.close()


def run_in_event_loop(app: QApplication, action: Callable[[], None], done: Callable[[], bool]) -> bool:
    """Run `action` inside `app.exec()`; return True if the loop was still running when
    `done()` became true (we quit it), False if Qt quit it by itself first (or timed out)."""
    outcome: list[bool] = []

    def check() -> None:
        if not outcome and done():
            outcome.append(True)
            app.exit(0)  # not quit(): in Qt 6 that closes every window first

    poll = QTimer()
    poll.timeout.connect(check)
    poll.start(20)
    QTimer.singleShot(0, action)
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: app.exit(1))
    give_up.start(LOOP_TIMEOUT_MS)
    app.exec()
    poll.stop()
    give_up.stop()
    return bool(outcome)


def visible_main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def message_shown(window: MainWindow) -> str:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1].text() if boxes else ""


def test_new_case_shows_the_new_empty_case_and_the_application_keeps_running(
        session, tmp_path, qapp, monkeypatch):
    first = session.window
    target = tmp_path / "new-case"
    monkeypatch.setattr(case_dialogs, "choose_new_case", lambda parent, start=None: NewCase(target))

    still_running = run_in_event_loop(qapp, first.actions_.new_case.trigger,
                                      lambda: session.window is not first and session.window.isVisible())

    assert still_running, "the application quit when the old window closed"
    assert (target / DB_NAME).exists()
    assert session.case.path == target.resolve()
    assert visible_main_windows() == [session.window]
    assert session.window.case.path == target.resolve()
    assert session.window.browser.model.rowCount() == 0
    assert target.name in session.window.windowTitle()
    assert not shiboken6.isValid(first)  # the old window was closed and deleted
    assert settings.recent_cases()[0] == target.resolve()


def test_an_encrypted_new_case_is_made_encrypted_and_opens_without_asking_again(
        session, tmp_path, qapp, monkeypatch):
    from evidence_desk.core.crypto.header import is_encrypted

    first = session.window
    target = tmp_path / "sealed-case"
    monkeypatch.setattr(case_dialogs, "choose_new_case",
                        lambda parent, start=None: NewCase(target, "correct horse battery"))
    asked = []
    monkeypatch.setattr("evidence_desk.ui.lock.passphrase_dialog.PassphraseDialog.exec",
                        lambda self: asked.append(self) or 0)

    still_running = run_in_event_loop(qapp, first.actions_.new_case.trigger,
                                      lambda: session.window is not first and session.window.isVisible())

    assert still_running and asked == []  # the passphrase typed in New Case… opened it
    assert is_encrypted(target) and session.case.encrypted
    assert session.window.case.path == target.resolve()
    with pytest.raises(Exception, match="passphrase"):
        Case.open(target)  # nobody opens it without the passphrase


def test_open_case_shows_the_chosen_case(session, template_case, tmp_path, qapp, monkeypatch):
    import shutil

    other = tmp_path / "other-case"
    shutil.copytree(template_case, other)
    first = session.window
    monkeypatch.setattr(case_dialogs, "choose_case_to_open", lambda parent, start=None: other)

    still_running = run_in_event_loop(qapp, first.actions_.open_case.trigger,
                                      lambda: session.window is not first and session.window.isVisible())

    assert still_running, "the application quit when the old window closed"
    assert visible_main_windows() == [session.window]
    assert session.window.case.path == other.resolve()
    assert session.window.browser.model.rowCount() == 3


def test_open_recent_shows_the_recent_case(session, tmp_path, qapp):
    recent = tmp_path / "recent-case"
    Case.open(recent, create=True, author="tester").close()
    settings.add_recent_case(recent.resolve())
    first = session.window
    first.recent_menu.aboutToShow.emit()  # as opening the menu does
    entry = next(a for a in first.recent_menu.actions() if a.data() == str(recent.resolve()))

    still_running = run_in_event_loop(qapp, entry.trigger,
                                      lambda: session.window is not first and session.window.isVisible())

    assert still_running, "the application quit when the old window closed"
    assert visible_main_windows() == [session.window]
    assert session.window.case.path == recent.resolve()


def test_opening_a_folder_that_is_not_a_case_says_so_and_keeps_the_window(
        session, tmp_path, qapp, monkeypatch):
    plain = tmp_path / "holiday-photos"
    plain.mkdir()
    (plain / "beach.jpg").write_bytes(b"not a case")
    first, case = session.window, session.case
    monkeypatch.setattr(case_dialogs, "choose_case_to_open", lambda parent, start=None: plain)

    still_running = run_in_event_loop(qapp, first.actions_.open_case.trigger, lambda: bool(message_shown(first)))

    assert still_running
    assert "is not an Evidence Desk case" in message_shown(first)
    assert session.window is first and session.case is case and first.isVisible()
    assert first.browser.model.rowCount() == 3  # the current case is still open and readable
    assert not (plain / DB_NAME).exists()  # Open never turns a folder into a case


def test_opening_a_case_from_a_newer_version_says_so_and_keeps_the_window(
        session, tmp_path, qapp, monkeypatch):
    future = tmp_path / "future-case"
    Case.open(future, create=True).close()
    con = sqlite3.connect(future / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    first = session.window
    monkeypatch.setattr(case_dialogs, "choose_case_to_open", lambda parent, start=None: future)

    still_running = run_in_event_loop(qapp, first.actions_.open_case.trigger, lambda: bool(message_shown(first)))

    assert still_running
    assert "newer version of Evidence Desk" in message_shown(first)
    assert session.window is first and first.isVisible()


def test_new_case_in_a_folder_that_is_not_empty_says_so_and_keeps_the_window(
        session, tmp_path, qapp, monkeypatch):
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine")
    first = session.window
    monkeypatch.setattr(case_dialogs, "choose_new_case", lambda parent, start=None: NewCase(full))

    still_running = run_in_event_loop(qapp, first.actions_.new_case.trigger, lambda: bool(message_shown(first)))

    assert still_running
    assert "not empty" in message_shown(first)
    assert session.window is first and first.isVisible()
    assert sorted(p.name for p in full.iterdir()) == ["notes.txt"]
