"""Undo and redo over core edits.

Every change the GUI makes is a core `Edit` applied with `case.apply`, which
audits it and returns the exact inverse. An `EditCommand` keeps that inverse:
undo applies it (audited like any change) and keeps *its* inverse for redo, so
redo re-applies exactly what was undone rather than building a new record."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from evidence_desk.core.case import Case
from evidence_desk.core.edits import Edit
from evidence_desk.core.errors import EvidenceDeskError


class EditCommand(QUndoCommand):
    """A core edit that has already been applied once (see `UndoController.push`)."""

    def __init__(self, controller: UndoController, edit: Edit, inverse: Edit, text: str) -> None:
        super().__init__(text)
        self._controller = controller
        self.edit = edit
        self._inverse: Edit | None = inverse
        self._forward: Edit | None = None
        self._applied = True  # QUndoStack.push calls redo(); the first one is a no-op

    def redo(self) -> None:
        if self._applied:
            return
        assert self._forward is not None
        inverse = self._controller.apply_quietly(self._forward)
        if inverse is not None:
            self._inverse, self._applied = inverse, True

    def undo(self) -> None:
        if not self._applied:
            return
        assert self._inverse is not None
        forward = self._controller.apply_quietly(self._inverse)
        if forward is not None:
            self._forward, self._applied = forward, False


class UndoController(QObject):
    """The window's one undo stack; emits `changed` after every edit, undo and redo."""

    changed = Signal(object)  # the Edit that was applied (or undone)
    failed = Signal(str)  # a user-readable message (e.g. undoing something already removed)

    def __init__(self, case: Case, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.stack = QUndoStack(self)
        self.stack.setUndoLimit(500)

    def push(self, edit: Edit, text: str | None = None) -> Edit:
        """Apply `edit` now (errors propagate to the caller) and make it undoable.
        Returns the edit, whose `created_id` (if any) is now set."""
        inverse = self.case.apply(edit)
        self.stack.push(EditCommand(self, edit, inverse, text or _describe(edit)))
        self.changed.emit(edit)
        return edit

    def apply_quietly(self, edit: Edit) -> Edit | None:
        try:
            inverse = self.case.apply(edit)
        except EvidenceDeskError as exc:
            self.failed.emit(str(exc))
            return None
        self.changed.emit(edit)
        return inverse

    def undo(self) -> None:
        self.stack.undo()

    def redo(self) -> None:
        self.stack.redo()

    def undo_action(self, parent: QObject) -> QAction:
        return self.stack.createUndoAction(parent, "&Undo")

    def redo_action(self, parent: QObject) -> QAction:
        return self.stack.createRedoAction(parent, "&Redo")


_TEXTS = {
    "mention.add": "Tag",
    "note.add": "Note",
    "redaction.add": "Redaction",
    "document.update": "Edit details",
    "reason_code.add": "Add reason code",
    "entity.add": "New entity",
}


def _describe(edit: Edit) -> str:
    return _TEXTS.get(edit.label, edit.label.replace(".", " ").replace("_", " ").capitalize())
