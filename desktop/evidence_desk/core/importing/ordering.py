"""Letting parallel import threads pass a step in the order the files were given."""

from __future__ import annotations

import threading


class InOrder:
    """A gate that lets step `i` run only after steps 0…i-1 have passed it (`done` is
    idempotent, and waits for the earlier steps too, so skipping a step keeps the order)."""

    def __init__(self) -> None:
        self._next = 0
        self._passed: set[int] = set()
        self._changed = threading.Condition()

    def wait(self, index: int) -> None:
        with self._changed:
            while self._next < index:
                self._changed.wait(0.5)

    def done(self, index: int) -> None:
        with self._changed:
            if index in self._passed:
                return
            while self._next < index:
                self._changed.wait(0.5)
            self._passed.add(index)
            self._next = index + 1
            self._changed.notify_all()
