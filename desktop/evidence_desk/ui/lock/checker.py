"""Key derivation (Argon2id, about a second) off the GUI thread: a passphrase is tried in a
Python thread and its outcome comes back as a queued Qt signal."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from evidence_desk.core.errors import EvidenceDeskError, WrongPassphraseError


class PassphraseTrial(QObject):
    """Run `attempt(passphrase)` in the background; `succeeded(result)`, `wrong()` or
    `failed(message)` follows on the GUI thread."""

    succeeded = Signal(object)
    wrong = Signal()
    failed = Signal(str)
    _done = Signal(str, object)

    def __init__(self, attempt: Callable[[str], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._attempt = attempt
        self.running = False
        self._done.connect(self._finish, Qt.ConnectionType.QueuedConnection)

    def start(self, passphrase: str) -> None:
        self.running = True
        threading.Thread(target=self._run, args=(passphrase,), name="passphrase", daemon=True).start()

    def _run(self, passphrase: str) -> None:
        try:
            result = self._attempt(passphrase)
        except WrongPassphraseError:
            self._done.emit("wrong", None)
        except EvidenceDeskError as exc:
            self._done.emit("failed", str(exc))
        else:
            self._done.emit("ok", result)

    def _finish(self, outcome: str, result: object) -> None:
        self.running = False
        if outcome == "ok":
            self.succeeded.emit(result)
        elif outcome == "wrong":
            self.wrong.emit()
        else:
            self.failed.emit(str(result))
