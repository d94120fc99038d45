"""The window on a case it may not change: a banner that says why, and every edit switched off.

A case opens read-only when another window holds its lock (core/case_lock.py), when it
lies on read-only media, or when asked to. Core refuses its writes in any case; the
window says so up front instead of letting the user start an edit that cannot be saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction

from evidence_desk.ui.banner import Banner

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow

# Actions (by their name in ui/actions.py) that change the case.
EDIT_ACTIONS = ("import_files", "import_folder", "undo", "redo", "tool_tag", "tool_redact", "tool_note",
                "note_page", "note_document", "tag_selection", "redact_selection")



class _KeepOff(QObject):
    """Keeps an action disabled; the stack may still signal while the window is torn down."""

    def __init__(self, action: QAction) -> None:
        super().__init__(action)
        self._action = action

    @Slot(bool)
    def keep_off(self, _on: bool) -> None:
        if shiboken6.isValid(self._action):
            self._action.setEnabled(False)


def read_only_text(case_reason: str | None, notice: str | None) -> str:
    why = notice or (f"the case is read-only ({case_reason})" if case_reason else "the case is read-only")
    return QCoreApplication.translate("ReadOnly", "Read-only: {why}. Tagging, redaction, notes, import and undo are switched off.").format(
        why=why[:1].upper() + why[1:])


def apply_read_only(window: MainWindow, notice: str | None) -> Banner:
    """Switch off every edit of `window`; return the banner that says why."""
    banner = Banner("ReadOnlyBanner", read_only_text(window.case.read_only_reason, notice))
    banner.setAccessibleName(QCoreApplication.translate("ReadOnly", "Read-only case"))
    for name in EDIT_ACTIONS:
        action = window.actions_.all.get(name)
        if action is not None:
            action.setEnabled(False)
            action.setToolTip(QCoreApplication.translate("ReadOnly", "Not available: the case is open read-only"))
    for action in window.edit_commands:
        action.setEnabled(False)
    # The undo stack re-enables its actions whenever its state changes (it mirrors the
    # case's history, which another window may be adding to): keep them off.
    stack = window.undo.stack
    stack.canUndoChanged.connect(_KeepOff(window.actions_.undo).keep_off)
    stack.canRedoChanged.connect(_KeepOff(window.actions_.redo).keep_off)
    window.tools.read_only = True
    return banner
