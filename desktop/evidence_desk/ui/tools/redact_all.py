"""“Redact every occurrence”: search, preview every hit, then mark them as one undoable edit."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog

from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog


def redact_every_occurrence(window: Any, text: str | None = None) -> RedactionPreviewDialog | None:
    """Open the preview for `text` (default: what the case search box holds, else ask)."""
    if text is None:
        text = window.browser.search.box.text().strip()
        text, ok = QInputDialog.getText(window, "Redact every occurrence", "Text to redact everywhere:",
                                        text=text)
        if not ok:
            return None
    if not text.strip():
        return None
    try:
        dialog = RedactionPreviewDialog.for_query(window.case, text.strip(), render_service=window.render_service,
                                                  parent=window)
    except EvidenceDeskError as exc:
        window.show_error(str(exc))
        return None
    dialog.redactionRequested.connect(lambda edit: window.undo.push(edit, "Redact every occurrence"))
    dialog.open()
    return dialog
