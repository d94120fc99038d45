"""What every tab of the annotation panel (and every extra dock) is given and must offer.

A tab is built with a `PanelContext` and told where the user is (`set_location`)
and when the case changed (`refresh`). To add a tab, subclass `AnnotationTab`
and add the class to `registry.ANNOTATION_TABS` — one line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtWidgets import QWidget

from evidence_desk.core.case import Case
from evidence_desk.ui.undo import UndoController


@dataclass
class PanelContext:
    case: Case
    undo: UndoController
    open_page: Callable[[int, int], None]  # (doc id, page): show it in the active viewer
    tools: Any = None  # ui.tools.controller.ToolController: start a tag/redact/note
    window: QWidget | None = None  # parent for dialogs


class AnnotationTab(QWidget):
    title: ClassVar[str] = "Panel"

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.doc_id: int | None = None
        self.page: int | None = None

    def set_location(self, doc_id: int | None, page: int | None) -> None:
        """The active viewer shows `doc_id` at `page` (None: no document open)."""
        changed = (doc_id, page) != (self.doc_id, self.page)
        self.doc_id, self.page = doc_id, page
        if changed:
            self.refresh()

    def refresh(self) -> None:
        """Re-read from the case (called after every edit, undo and redo)."""
