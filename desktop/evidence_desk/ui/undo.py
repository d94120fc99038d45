"""The window's undo and redo: a mirror of the case's history, which lives in core.

Every change the window makes is a core command applied on the database thread
(`DbExecutor`); the case records it as a step of `case.history`, shared with
the command line. The `QUndoStack` here only mirrors that history (its labels are
the steps' names): undoing asks core to undo the very step the menu showed, and
core refuses with a clear message if the step's rows changed since (say, from the
command line). After every change, undo or redo the mirror is rebuilt from core,
so it stays consistent whichever process changed the case."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.commands.history import Step
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.ui.db_executor import DbExecutor

log = logging.getLogger(__name__)
UNDO_LIMIT = 500


class StepMirror(QUndoCommand):
    """One step of the case's history in the window's stack."""

    def __init__(self, controller: UndoController, step: Step) -> None:
        super().__init__(step.name)
        self._controller = controller
        self.step = step

    def redo(self) -> None:
        if not self._controller.syncing:
            self._controller.flip(self.step.id, undo=False)

    def undo(self) -> None:
        if not self._controller.syncing:
            self._controller.flip(self.step.id, undo=True)


class UndoController(QObject):
    """Applies the window's commands and mirrors the case's history."""

    changed = Signal(object)  # the Changes of a command, an undo or a redo (after it is committed)
    failed = Signal(str)  # a user-readable message (e.g. an undo refused because the rows changed)
    synced = Signal()  # the mirror was rebuilt from the case's history

    def __init__(self, case: Case, executor: DbExecutor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.executor = executor or DbExecutor(self)
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self.syncing = False
        self.sync()

    # -- applying --------------------------------------------------------------------------

    def push(self, command: Command, text: str | None = None,
             on_done: Callable[[Command], None] | None = None,
             on_failed: Callable[[str], None] | None = None) -> Command:
        """Apply `command` on the database thread; `changed` follows, then `on_done(command)`.
        A refusal goes to `on_failed(message)` when given, else to `failed`. `text` is
        ignored: the step's name comes from the command itself."""
        del text
        case = self.case

        def refused(exc: BaseException) -> None:
            if on_failed is not None and isinstance(exc, EvidenceDeskError):
                on_failed(str(exc))
            else:
                self._failed(exc)

        def done(result: tuple[Changes, list[Step]]) -> None:
            changes, steps = result
            self._rebuild(steps)  # before anyone hears of it, so an Undo right after undoes this step
            self.changed.emit(changes)
            if on_done is not None:
                on_done(command)

        self.executor.submit(lambda: (case.apply(command), case.history.steps(UNDO_LIMIT)), done, refused)
        return command

    def run(self, work: Callable[[], Any], on_success: Callable[[Any], None] | None = None) -> None:
        """Other database work of the window (a slow read, a write that is not a command)."""
        self.executor.submit(work, on_success, self._failed)

    # -- undo and redo ---------------------------------------------------------------------

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def flip(self, step_id: int, *, undo: bool) -> None:
        history = self.case.history

        def work() -> tuple[Changes, list[Step]]:
            changes = history.undo(step_id) if undo else history.redo(step_id)
            return changes, history.steps(UNDO_LIMIT)

        def done(result: tuple[Changes, list[Step]]) -> None:
            changes, steps = result
            self._rebuild(steps)
            self.changed.emit(changes)

        def refused(exc: BaseException) -> None:
            self._failed(exc)
            self.sync()  # put the mirror back where the case's history is

        self.executor.submit(work, done, refused)

    def undo_action(self, parent: QObject) -> QAction:
        return self.stack.createUndoAction(parent, self.tr("&Undo"))

    def redo_action(self, parent: QObject) -> QAction:
        return self.stack.createRedoAction(parent, self.tr("&Redo"))

    # -- the mirror ------------------------------------------------------------------------

    def sync(self) -> None:
        """Rebuild the stack from the case's history (read on the database thread)."""
        history = self.case.history
        self.executor.submit(lambda: history.steps(UNDO_LIMIT), self._rebuild, self._failed)

    def _rebuild(self, steps: list[Step]) -> None:
        done = [s for s in steps if s.state == "done"]
        # The stack redoes from its index upwards; core redoes the step undone last first.
        undone = sorted((s for s in steps if s.state == "undone"), key=lambda s: (-(s.undone_order or 0), -s.id))
        self.syncing = True
        try:
            self.stack.clear()
            for step in done + undone:
                self.stack.push(StepMirror(self, step))
            self.stack.setIndex(len(done))
        finally:
            self.syncing = False
        self.synced.emit()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, EvidenceDeskError):
            self.failed.emit(str(exc))
        else:
            log.error("database work failed", exc_info=exc)
            self.failed.emit(self.tr("internal error ({kind}: {exc})").format(kind=type(exc).__name__, exc=exc))
