"""Extension points: what the main window builds its panels from.

Add a tab to the annotation panel with one line in `ANNOTATION_TABS`; add a
dock (e.g. a timeline across the bottom) with one line in `DOCK_PANELS`; add a
menu command (e.g. a redaction preview dialog) with one line in `WINDOW_COMMANDS`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from evidence_desk.ui.panels.base import AnnotationTab
from evidence_desk.ui.panels.details_panel import DetailsTab
from evidence_desk.ui.panels.mentions_panel import MentionsTab
from evidence_desk.ui.panels.notes_panel import NotesTab
from evidence_desk.ui.panels.provenance_panel import ProvenanceTab
from evidence_desk.ui.panels.redactions_panel import RedactionsTab

ANNOTATION_TABS: list[type[AnnotationTab]] = [
    MentionsTab,
    NotesTab,
    RedactionsTab,
    DetailsTab,
    ProvenanceTab,
]

# Docks: AnnotationTab subclasses shown in their own dock at the given area
# ("left", "right", "bottom"); they get the same context and location updates.
DOCK_PANELS: list[tuple[type[AnnotationTab], str]] = []


@dataclass(frozen=True)
class WindowCommand:
    """A menu command: `run(window)` is called with the MainWindow."""

    menu: str  # "&Document", "&Tools", "&View", …
    text: str
    run: Callable[[Any], None]
    shortcut: str | None = None


WINDOW_COMMANDS: list[WindowCommand] = []
