"""“Redact every occurrence”: find every hit in a background job (progress, cancel),
preview each one, then mark the chosen ones as one undoable edit.

Finding is `core.redaction.entity_hits.find_occurrences`, the function the
command line's `redact --text/--entity` runs: a text that names an entity reaches
all of its aliases, in every script."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QInputDialog

from evidence_desk.core.redaction.entity_hits import find_occurrences
from evidence_desk.ui.jobs import Job
from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog


class OccurrenceSearch(QObject):
    """One "redact every occurrence" run: the job finding the hits, then the preview."""

    previewShown = Signal(object)  # the RedactionPreviewDialog

    def __init__(self, window: Any, text: str) -> None:
        super().__init__(window)
        self.window = window
        self.text = text
        self.dialog: RedactionPreviewDialog | None = None
        case = window.case
        self.job: Job = window.jobs.start(self.tr("Finding every occurrence of “{text}”").format(text=text),
                                          lambda progress: find_occurrences(case, text, progress=progress),
                                          dialog=False)
        # The preview is built on the next turn of the event loop, so whoever waits on the
        # job hears that it finished before a preview of many hits is built.
        self.job.succeeded.connect(lambda hits: QTimer.singleShot(0, lambda: self._preview(hits)))
        self.job.failed.connect(window.show_error)

    def _preview(self, hits: Any) -> None:
        window = self.window
        dialog = RedactionPreviewDialog(window.case, hits, title=self.tr("Redact every occurrence of “{text}”").format(text=self.text),
                                        render_service=window.render_service, parent=window)
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
