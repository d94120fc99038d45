"""One background thread for every database write and slow read of the window
(Anki's `taskman`): the Qt main thread never waits on SQLite. Work is queued in
order; its result (or its exception) comes back on the main thread through a
queued signal, to the success or failure callback given with it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class DbExecutor(QObject):
    idle = Signal()  # the queue ran empty (tests wait on it)
    _finished = Signal(object, object, object)  # callback, result or exception, is_error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="evidence-desk-db")
        self._pending = 0
        self._closed = False
        self._finished.connect(self._deliver)  # emitted from the worker: queued to this object's thread

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def submit(self, work: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[BaseException], None] | None = None) -> Future[Any] | None:
        """Run `work()` on the database thread; then `on_success(result)` or `on_failure(exc)`
        on the main thread. After `shutdown` nothing more is queued (a late refresh of a
        closed window is dropped)."""
        if self._closed:
            log.debug("database work after shutdown dropped: %r", work)
            return None
        self._pending += 1

        def run() -> Any:
            try:
                result = work()
            except BaseException as exc:  # delivered to on_failure, never lost in the thread
                self._finished.emit(on_failure, exc, True)
                raise
            self._finished.emit(on_success, result, False)
            return result

        return self._pool.submit(run)

    def _deliver(self, callback: Callable[[Any], None] | None, value: Any, is_error: bool) -> None:
        self._pending -= 1
        try:
            if callback is not None:
                callback(value)
            elif is_error:
                log.error("database work failed", exc_info=value)
        finally:
            if self._pending == 0:
                self.idle.emit()

    def shutdown(self) -> None:
        """Finish what is queued (writes must not be lost), then stop the thread."""
        self._closed = True
        self._pool.shutdown(wait=True)
