"""“Redact every occurrence”: find every hit in a background job (progress, cancel),
preview each one, then mark the chosen ones as one undoable edit.

Finding is `core.redaction.entity_hits.find_occurrences`, the function the
command line's `redact --text/--entity` runs: a text that names an entity reaches
all of its aliases, in every script. The job also reads what the preview needs
(each hit's page file and geometry, the reason codes), so the main thread only
opens the dialog, whose list is lazy (`ui.redaction.hit_model`)."""

from __future__ import annotations

import gc
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog

from evidence_desk.core.case import Case
from evidence_desk.core.progress import Progress
from evidence_desk.core.queries.pages import PageSource, page_sources
from evidence_desk.core.redaction.entity_hits import find_occurrences
from evidence_desk.core.redaction.marking import Reason, reason_codes
from evidence_desk.core.redaction.matching import Hit
from evidence_desk.ui.jobs import Job
from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog


@dataclass(frozen=True)
class Found:
    hits: list[Hit]
    sources: dict[tuple[int, int], PageSource]
    reasons: list[Reason]


def find_for_preview(case: Case, text: str, progress: Progress) -> Found:
    """Runs in the job's thread: the hits, and what the preview shows with them."""
    hits = find_occurrences(case, text, progress=progress)
    progress.raise_if_cancelled()
    return Found(hits, page_sources(case, ((h.document_id, h.page) for h in hits)), reason_codes(case))


class OccurrenceSearch(QObject):
    """One "redact every occurrence" run: the job finding the hits, then the preview."""

    previewShown = Signal(object)  # the RedactionPreviewDialog

    def __init__(self, window: Any, text: str) -> None:
        super().__init__(window)
        self.window = window
        self.text = text
        self.dialog: RedactionPreviewDialog | None = None
        case = window.case
        # While the search runs, full garbage collections (set off by its allocations, run on
        # whichever thread holds the GIL) skip the objects that existed before it — the
        # window's own: traversing them all stalled the main thread by hundreds of ms.
        gc.freeze()
        self.job: Job = window.jobs.start(self.tr("Finding every occurrence of “{text}”").format(text=text),
                                          lambda progress: find_for_preview(case, text, progress),
                                          dialog=False)
        # The preview is built on the next turn of the event loop, so whoever waits on the
        # job hears that it finished before a preview of many hits is built.
        self.job.succeeded.connect(lambda found: QTimer.singleShot(0, lambda: self._preview(found)))
        self.job.failed.connect(window.show_error)
        self.job.finished.connect(gc.unfreeze)

    def _preview(self, found: Found) -> None:
        window = self.window
        dialog = RedactionPreviewDialog(window.case, found.hits,
                                        title=self.tr("Redact every occurrence of “{text}”").format(text=self.text),
                                        render_service=window.render_service, parent=window,
                                        sources=found.sources, reasons=found.reasons)
        dialog.redactionRequested.connect(lambda edit: window.undo.push(edit))
        self.dialog = dialog
        dialog.open()
        self.previewShown.emit(dialog)


def redact_every_occurrence(window: Any, text: str | None = None) -> OccurrenceSearch | None:
    """Start the search for `text` (default: what the case search box holds, else ask)."""
    if text is None:
        text = window.browser.search.box.text().strip()
        text, ok = QInputDialog.getText(window, QCoreApplication.translate("OccurrenceSearch", "Redact every occurrence"),
                                        QCoreApplication.translate("OccurrenceSearch", "Text to redact everywhere:"),
                                        text=text)
        if not ok:
            return None
    if not text.strip():
        return None
    return OccurrenceSearch(window, text.strip())
