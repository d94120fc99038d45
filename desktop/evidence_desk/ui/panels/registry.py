"""Extension points: what the main window builds its panels and extra commands from.

One line adds a tab to the annotation panel (`ANNOTATION_TABS`), a dock
(`DOCK_PANELS`, a `PanelSpec` with `area="left"|"right"|"bottom"`) or a menu
command (`WINDOW_COMMANDS`). See `panels/base.py` for what a panel is told."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from evidence_desk.ui.panels.base import AnnotationTab, PanelSpec
from evidence_desk.ui.panels.details_panel import DetailsTab
from evidence_desk.ui.panels.entity_view import EntityView
from evidence_desk.ui.panels.links_panel import LinksPanel
from evidence_desk.ui.panels.mentions_panel import MentionsTab
from evidence_desk.ui.panels.notes_panel import NotesTab
from evidence_desk.ui.panels.provenance_panel import ProvenanceTab
from evidence_desk.ui.panels.redactions_panel import RedactionsTab
from evidence_desk.ui.timeline.timeline_view import TimelineView

ANNOTATION_TABS: list[type[AnnotationTab] | PanelSpec] = [
    MentionsTab,
    NotesTab,
    RedactionsTab,
    DetailsTab,
    ProvenanceTab,
]

# Case-wide views get docks of their own (below the annotation panel, or across the bottom).
DOCK_PANELS: list[PanelSpec] = [
    PanelSpec(QT_TRANSLATE_NOOP("Panels", "Links"), lambda ctx: LinksPanel(ctx.case, undo=ctx.undo), area="right"),
    PanelSpec(QT_TRANSLATE_NOOP("Panels", "Entity"), lambda ctx: EntityView(ctx.case, render_service=ctx.render_service), area="right",
              tab_with="Links"),
    PanelSpec(QT_TRANSLATE_NOOP("Panels", "Timeline"), lambda ctx: TimelineView(ctx.case), area="bottom", visible=False),
]


@dataclass(frozen=True)
class WindowCommand:
    """A menu command: `run(window)` is called with the MainWindow."""

    menu: str  # "&Case", "&Edit", "&View", "&Tools", or a new menu's title
    text: str
    run: Callable[[Any], None]
    shortcut: str | None = None
    edits: bool = False  # changes the case: switched off in a read-only window (ui/read_only.py)


def _redact_every_occurrence(window: Any) -> None:
    from evidence_desk.ui.tools.redact_all import redact_every_occurrence

    redact_every_occurrence(window)


def _redact_failed(window: Any) -> None:
    from evidence_desk.ui.tools.redact_failed import redact_failed_redactions

    redact_failed_redactions(window)


WINDOW_COMMANDS: list[WindowCommand] = [
    WindowCommand("&Tools", QT_TRANSLATE_NOOP("WindowCommands", "Redact Every &Occurrence…"), _redact_every_occurrence,
                  "Ctrl+Shift+R", edits=True),
    WindowCommand("&Tools", QT_TRANSLATE_NOOP("WindowCommands", "Redact &Failed Redactions in This Document…"),
                  _redact_failed, edits=True),
]
