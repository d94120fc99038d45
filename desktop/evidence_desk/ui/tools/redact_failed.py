"""“Redact failed redactions”: the boxes a document arrived with that still have live text
under them become real redactions, as one undoable edit.

Finding them re-reads the original in a sandbox worker, so it runs off the main thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog

from evidence_desk.core.redaction.failed import redact_failed_edit
from evidence_desk.core.redaction.marking import reason_codes
from evidence_desk.core.redaction.review import initial_status
from evidence_desk.ui.jobs import Job, run_in_thread


def redact_failed_redactions(window: Any, reason: str | None = None) -> Job | None:
    """Start the job for the active viewer's document; None when there is nothing to do."""
    doc_id = window.workspace.active_viewer().document_id
    if doc_id is None:
        window.show_error("Open a document first: failed redactions are fixed one document at a time.")
        return None
    if reason is None:
        codes = [r.code for r in reason_codes(window.case)]
        reason, ok = QInputDialog.getItem(window, "Redact failed redactions",
                                          "Reason for the redactions:", codes, 0, False)
        if not ok:
            return None
    case = window.case
    status = initial_status(case, "approved")

    def done(edit: Any) -> None:
        window.undo.push(edit, "Redact failed redactions")

    return run_in_thread(lambda: redact_failed_edit(case, doc_id, reason, status=status),
                         done, window.show_error, window)
