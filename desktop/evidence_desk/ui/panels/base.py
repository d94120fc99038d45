"""What every panel around the viewers is given, and how the window talks to it.

Two ways to add a panel, one line each in `registry.py`:

- subclass `AnnotationTab` (built with a `PanelContext`, told where the user is
  with `set_location` and that the case changed with `refresh`), or
- list a `PanelSpec(title, build)` whose `build(ctx)` returns any QWidget. The
  window then talks to it by convention, whichever of these it has:
  `set_location(doc, page)` or `set_document(doc)`; `set_entity(entity_id)` (the
  entity selected in the Mentions tab); `refresh()` after an edit touching its
  `refresh_on` kinds of rows (every edit, without that attribute); and the
  signals `mention_activated(doc, page, rect)` / `event_activated(doc, page)`
  (open that page), `open_pair_requested(pair)` (a `LinkedPair`: the two
  documents side by side) and `links_changed()` (redraw)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from PySide6.QtWidgets import QTableWidgetItem, QWidget

from evidence_desk.core.case import Case
from evidence_desk.core.commands.changes import Changes
from evidence_desk.ui.panels.common import ROW_PAGE_ROLE
from evidence_desk.ui.undo import UndoController


def _nothing(*_args: object) -> None:
    return None


@dataclass
class PanelContext:
    case: Case
    undo: UndoController
    open_page: Callable[[int, int], None]  # (doc id, page): show it in the active viewer
    tools: Any = None  # ui.tools.controller.ToolController: start a tag/redact/note
    window: QWidget | None = None  # parent for dialogs
    render_service: Any = None  # the window's shared ui.viewer.render_service.RenderService
    open_pair: Callable[[Any], None] = field(default=_nothing)  # a LinkedPair: both sides at once
    select_entity: Callable[[int | None], None] = field(default=_nothing)  # tell every panel
    case_changed: Callable[[], None] = field(default=_nothing)  # something changed outside the undo stack


class AnnotationTab(QWidget):
    title: ClassVar[str] = "Panel"
    # The kinds of rows (see core.commands.changes.KINDS) whose changes this tab shows; None: all.
    refresh_on: ClassVar[tuple[str, ...] | None] = None

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
        """Re-read from the case (called after an edit, undo or redo touching `refresh_on`)."""

    def open_row_page(self, item: QTableWidgetItem) -> None:
        """Show the page a table row is about (rows carry it in ROW_PAGE_ROLE)."""
        page = item.data(ROW_PAGE_ROLE)
        if self.doc_id is not None and page:
            self.ctx.open_page(self.doc_id, int(page))


@dataclass(frozen=True)
class PanelSpec:
    title: str
    build: Callable[[PanelContext], QWidget]
    area: str = "tab"  # "tab": a tab of the annotation panel; or a dock: "left", "right", "bottom"
    visible: bool = True  # docks only: shown at first start (the Panels menu shows it later)
    tab_with: str | None = None  # docks only: share the place of the dock with this title


def build_panel(entry: type[AnnotationTab] | PanelSpec, ctx: PanelContext) -> tuple[str, QWidget]:
    """Build one registry entry and connect its conventional signals."""
    if isinstance(entry, PanelSpec):
        widget, title = entry.build(ctx), entry.title
    else:
        widget, title = entry(ctx), entry.title
    signal = getattr(widget, "mention_activated", None)
    if signal is not None:
        signal.connect(lambda doc, page, _rect=None: ctx.open_page(int(doc), int(page)))
    signal = getattr(widget, "event_activated", None)
    if signal is not None:
        signal.connect(lambda doc, page: ctx.open_page(int(doc), int(page)))
    signal = getattr(widget, "open_pair_requested", None)
    if signal is not None:
        signal.connect(ctx.open_pair)
    signal = getattr(widget, "links_changed", None)
    if signal is not None:
        signal.connect(ctx.case_changed)
    return title, widget


def tell_location(widget: QWidget, doc_id: int | None, page: int | None) -> None:
    if hasattr(widget, "set_location"):
        widget.set_location(doc_id, page)
    elif hasattr(widget, "set_document") and getattr(widget, "doc_id", object()) != doc_id:
        widget.set_document(doc_id)


def tell_entity(widget: QWidget, entity_id: int | None) -> None:
    if hasattr(widget, "set_entity"):
        widget.set_entity(entity_id)


def tell_refresh(widget: QWidget, changes: Changes | None = None) -> None:
    """Refresh `widget` if `changes` (None: anything) touch what it shows: the kinds of rows in
    its `refresh_on` (no attribute: every kind), for the document it shows (`doc_id`, if any)."""
    if not hasattr(widget, "refresh"):
        return
    if changes is not None:
        kinds = getattr(widget, "refresh_on", None)
        if kinds is not None and not changes.touches_document(getattr(widget, "doc_id", None), *kinds):
            return
    widget.refresh()
