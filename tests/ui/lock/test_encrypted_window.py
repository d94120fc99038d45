"""The window on an encrypted case: the passphrase dialog asks again after a wrong one and
opens the case once it is right; the pages render from the sealed originals; after the idle
time the window hides the case behind a lock screen that lets no input through until the
passphrase is typed again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from evidence_desk.core import settings
from evidence_desk.core.case import Case
from evidence_desk.core.crypto.convert import convert
from evidence_desk.core.crypto.keys import KdfParams

PASSPHRASE = "the window's test passphrase"


@pytest.fixture
def encrypted_case_dir(template_case: Path, tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(template_case, target)
    convert(Case.open(target), PASSPHRASE, params=KdfParams.fresh(time_cost=1, memory_kib=8 * 1024,
                                                                   parallelism=1))
    return target


def _type_and_open(qtbot, dialog, text: str) -> None:  # type: ignore[no-untyped-def]
    dialog.field.setText(text)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def test_the_passphrase_dialog_asks_again_after_a_wrong_one_then_opens_the_case(
        qtbot, encrypted_case_dir, shared_render_service):
    from evidence_desk.ui.app import Session, application
    from evidence_desk.ui.lock.passphrase_dialog import PassphraseDialog

    app = application()
    session = Session(app, "tester")
    session.render_service.close()
    session.render_service = shared_render_service
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(50, answer)
            return
        with qtbot.waitSignal(dialog.trial.wrong, timeout=60_000):
            _type_and_open(qtbot, dialog, "not it at all")
        seen.append(dialog.message.text())
        assert dialog.isVisible() and dialog.field.isEnabled()
        _type_and_open(qtbot, dialog, PASSPHRASE)

    QTimer.singleShot(0, answer)
    assert session.open(encrypted_case_dir, create=False)
    window = session.window
    qtbot.addWidget(window)
    try:
        assert seen == ["Wrong passphrase. Try again."]
        assert window.case.encrypted
        # The browser's thumbnails come from the sealed originals, decrypted for the workers.
        qtbot.waitUntil(lambda: not window.thumbnails.pending(), timeout=60_000)
        assert not [e for e in shared_render_service.errors.values()], shared_render_service.errors
    finally:
        window.close()
        session.case.close()


def test_after_the_idle_time_the_window_locks_until_the_passphrase_is_typed_again(
        qtbot, encrypted_case_dir, shared_render_service):
    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow

    application()
    prefs = settings.load()
    prefs.set("idle_lock_minutes", 5)
    prefs.save()
    case = Case.open(encrypted_case_dir, passphrase=PASSPHRASE)
    window = MainWindow(case, shared_render_service)
    qtbot.addWidget(window)
    window.show()
    try:
        lock = window.idle_lock
        assert lock is not None and lock.timer.interval() == 5 * 60_000
        lock.timer.setInterval(50)  # the test does not wait five minutes
        with qtbot.waitSignal(lock.locked, timeout=10_000):
            lock.timer.start()
        screen = lock.screen
        assert screen is not None and screen.isVisible() and screen.geometry() == window.rect()
        assert not window.menuBar().isEnabled()
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier)
        assert lock.eventFilter(window.workspace, key)  # swallowed: the case is out of reach
        assert not lock.eventFilter(screen.field, key)  # the lock screen takes typing

        screen.field.setText("a wrong guess")
        with qtbot.waitSignal(lock.trial.wrong, timeout=60_000):
            qtbot.mouseClick(screen.unlock, Qt.MouseButton.LeftButton)
        assert lock.is_locked and "Wrong passphrase" in screen.message.text()

        screen.field.setText(PASSPHRASE)
        with qtbot.waitSignal(lock.unlocked, timeout=60_000):
            qtbot.keyClick(screen.field, Qt.Key.Key_Return)
        assert not lock.is_locked and window.menuBar().isEnabled() and lock.timer.isActive()
    finally:
        window.close()
        case.close()


def test_a_plain_case_gets_no_idle_lock(window):
    prefs = settings.load()
    assert window.idle_lock is None or prefs.idle_lock_minutes == 0
    assert not window.case.encrypted and window.idle_lock is None


def test_an_encrypted_case_open_in_another_window_asks_for_its_passphrase_once(
        qtbot, encrypted_case_dir, shared_render_service):
    """The lock is held elsewhere, so the case is opened a second time, read-only: with the
    passphrase already typed, not by asking again."""
    from evidence_desk.core.case_lock import CaseLock
    from evidence_desk.ui.app import Session, application
    from evidence_desk.ui.lock.passphrase_dialog import PassphraseDialog

    app = application()
    other = CaseLock.acquire(encrypted_case_dir)
    assert other is not None
    session = Session(app, "tester")
    session.render_service.close()
    session.render_service = shared_render_service
    asked: list[PassphraseDialog] = []
    opened = False

    def answer() -> None:  # every dialog that comes is answered, until the window is open
        if opened:
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, PassphraseDialog) and dialog not in asked:
            asked.append(dialog)
            _type_and_open(qtbot, dialog, PASSPHRASE)
        QTimer.singleShot(50, answer)

    QTimer.singleShot(0, answer)
    try:
        assert session.open(encrypted_case_dir, create=False)
        opened = True
        window = session.window
        qtbot.addWidget(window)
        assert len(asked) == 1
        assert session.case.read_only and session.lock is None
        assert "read-only" in window.read_only_banner.text()
        window.close()
    finally:
        opened = True
        if session.case is not None:
            session.case.close()
        other.release()
