"""The drag-and-drop format for documents dragged out of the case browser."""

from __future__ import annotations

from PySide6.QtCore import QMimeData

DOCUMENT_MIME = "application/x-evidence-desk-documents"


def document_mime(doc_ids: list[int]) -> QMimeData:
    data = QMimeData()
    data.setData(DOCUMENT_MIME, ",".join(str(i) for i in doc_ids).encode("ascii"))
    return data


def document_ids_from_mime(data: QMimeData) -> list[int]:
    if not data.hasFormat(DOCUMENT_MIME):
        return []
    raw = bytes(data.data(DOCUMENT_MIME).data()).decode("ascii", "replace")
    return [int(x) for x in raw.split(",") if x.strip().isdigit()]
