"""The idle lock of an encrypted case's window: after `idle_lock_minutes` (Settings) with no
key press, click or scroll, the window covers everything it shows with a lock screen and
asks for the passphrase again. While locked, no input reaches the rest of the window (menus,
shortcuts, docks), floating docks are hidden, and the rendered pages and decrypted files
kept in memory are dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.crypto.convert import check_passphrase
from evidence_desk.core.errors import WrongPassphraseError
from evidence_desk.ui.lock.checker import PassphraseTrial

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel,
             QEvent.Type.MouseMove, QEvent.Type.TouchBegin}
_INPUT = _ACTIVITY | {QEvent.Type.KeyRelease, QEvent.Type.MouseButtonRelease,
                      QEvent.Type.MouseButtonDblClick, QEvent.Type.Shortcut, QEvent.Type.ShortcutOverride,
                      QEvent.Type.ContextMenu}


def _attempt(folder: Path, passphrase: str) -> bool:
    if not check_passphrase(folder, passphrase):
        raise WrongPassphraseError("wrong passphrase")
    return True


class LockScreen(QWidget):
    """What the locked window shows instead of the case: a passphrase field, nothing else."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("LockScreen")
        self.setAutoFillBackground(True)
        self.title = QLabel(self.tr("This case is locked"))
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setPlaceholderText(self.tr("Passphrase"))
        self.field.setAccessibleName(self.tr("Passphrase"))
        self.unlock = QPushButton(self.tr("Unlock"))
        self.message = QLabel()
        box = QVBoxLayout(self)
        box.addStretch(1)
        for widget in (self.title, self.field, self.unlock, self.message):
            box.addWidget(widget)
        box.addStretch(1)
        self.field.setMaximumWidth(360)
        self.unlock.setMaximumWidth(360)


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow, folder: Path, minutes: int, render_service: object = None) -> None:
        super().__init__(window)
        self.window, self.folder, self.render_service = window, folder, render_service
        self.timer = QTimer(self, singleShot=True, interval=max(1, minutes) * 60_000)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self.trial = PassphraseTrial(lambda p: _attempt(folder, p), self)
        self.trial.succeeded.connect(lambda _ok: self._unlock())
        self.trial.wrong.connect(self._wrong)
        self.trial.failed.connect(self._failed)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize:
            self.resize_screen()
        if self.screen is None:
            if kind in _ACTIVITY:
                self.timer.start()  # any activity in the application starts the count again
            return False
        # Locked: no input reaches the case's widgets, menus or shortcuts, only the lock screen.
        return kind in _INPUT and not (isinstance(watched, QWidget) and self.screen.isAncestorOf(watched))

    def lock(self) -> None:
        if self.screen is not None:
            return
        self.timer.stop()
        self._hidden = [w for w in self.window.findChildren(QDockWidget) if w.isFloating() and w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self.window.menuBar().setEnabled(False)
        self.screen = LockScreen(self.window)
        self.screen.setGeometry(self.window.rect())
        self.screen.unlock.clicked.connect(self._try)
        self.screen.field.returnPressed.connect(self._try)
        self.screen.show()
        self.screen.raise_()
        self.screen.field.setFocus()
        forget = getattr(self.render_service, "forget_pictures", None)
        if forget is not None:
            forget()
        self.locked.emit()

    def resize_screen(self) -> None:
        if self.screen is not None:
            self.screen.setGeometry(self.window.rect())

    def _try(self) -> None:
        if self.screen is None or self.trial.running or not self.screen.field.text():
            return
        self.screen.field.setEnabled(False)
        self.screen.message.setText(self.tr("Checking the passphrase…"))
        self.trial.start(self.screen.field.text())

    def _wrong(self) -> None:
        if self.screen is not None:
            self.screen.field.setEnabled(True)
            self.screen.field.selectAll()
            self.screen.field.setFocus()
            self.screen.message.setText(self.tr("Wrong passphrase. Try again."))

    def _failed(self, message: str) -> None:
        if self.screen is not None:
            self.screen.field.setEnabled(True)
            self.screen.message.setText(message)

    def _unlock(self) -> None:
        if self.screen is None:
            return
        self.screen.hide()
        self.screen.deleteLater()
        self.screen = None
        self.window.menuBar().setEnabled(True)
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.timer.start()
        self.unlocked.emit()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def attach_idle_lock(window: QMainWindow, case: object) -> IdleLock | None:
    """The window's idle lock when its case is encrypted and Settings set a time (0: never)."""
    from evidence_desk.core import settings

    minutes = settings.load().idle_lock_minutes
    if not getattr(case, "encrypted", False) or minutes <= 0:
        return None
    return IdleLock(window, case.path, minutes, getattr(window, "render_service", None))  # type: ignore[attr-defined]
