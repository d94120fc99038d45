"""Progress and cancellation as plain data, so the CLI and the GUI can each show it.

A long job receives a `Progress`; it reports with `advance`/`update` and checks
`raise_if_cancelled()` at safe points. Listeners are plain callables: the CLI
draws a terminal bar, the GUI forwards to a Qt signal on its own thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from evidence_desk.core.errors import CancelledError


@dataclass(frozen=True)
class ProgressState:
    label: str
    done: int
    total: int | None
    detail: str = ""

    @property
    def fraction(self) -> float | None:
        if not self.total:
            return None
        return min(1.0, self.done / self.total)


Listener = Callable[[ProgressState], None]


@dataclass
class Progress:
    label: str = ""
    total: int | None = None
    done: int = 0
    detail: str = ""
    _listeners: list[Listener] = field(default_factory=list)
    _cancel: threading.Event = field(default_factory=threading.Event)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def raise_if_cancelled(self) -> None:
        if self._cancel.is_set():
            raise CancelledError("cancelled by the user")

    def update(
        self,
        *,
        label: str | None = None,
        total: int | None = None,
        done: int | None = None,
        detail: str | None = None,
    ) -> None:
        if label is not None:
            self.label = label
        if total is not None:
            self.total = total
        if done is not None:
            self.done = done
        if detail is not None:
            self.detail = detail
        self._emit()

    def advance(self, n: int = 1, detail: str | None = None) -> None:
        self.done += n
        if detail is not None:
            self.detail = detail
        self._emit()

    def state(self) -> ProgressState:
        return ProgressState(self.label, self.done, self.total, self.detail)

    def _emit(self) -> None:
        state = self.state()
        for listener in list(self._listeners):
            listener(state)
