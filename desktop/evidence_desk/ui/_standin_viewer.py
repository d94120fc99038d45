"""TEMPORARY stand-in for ui/viewer (being written in parallel); deleted once it lands."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class DocumentViewer(QWidget):
    regionSelected = Signal(int, object)
    textSelected = Signal(int, object, str)
    pageChanged = Signal(int)
    zoomChanged = Signal(float)
    overlayActivated = Signal(str, int)
    documentOpened = Signal(int)
    pageRendered = Signal(int)

    def __init__(self, case, render_service, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.case = case
        self.document_id: int | None = None
        self._page = 1
        self._label = QLabel("")
        QVBoxLayout(self).addWidget(self._label)
        self.terms: list[str] = []
        self.tool = "select"
        self._frac = 0.0

    def open_document(self, doc_id: int, page: int = 1) -> None:
        self.document_id = doc_id
        self._page = page
        self._label.setText(f"doc {doc_id} page {page}")
        QTimer.singleShot(0, lambda: (self.documentOpened.emit(doc_id), self.pageRendered.emit(page)))

    def close_document(self) -> None:
        self.document_id = None

    def current_page(self) -> int:
        return self._page

    def go_to_page(self, n: int) -> None:
        self._page = n
        self.pageChanged.emit(n)

    def set_zoom_mode(self, mode: str) -> None: ...
    def zoom_in(self) -> None: ...
    def zoom_out(self) -> None: ...
    def rotate_view(self) -> None: ...

    def set_tool(self, tool: str) -> None:
        self.tool = tool

    def highlight_terms(self, terms: list[str]) -> None:
        self.terms = list(terms)

    def show_search_hits(self, page: int, terms: list[str]) -> None:
        self.terms = list(terms)
        self.go_to_page(page)

    def refresh_overlays(self) -> None: ...

    def scroll_fraction(self) -> float:
        return self._frac

    def set_scroll_fraction(self, f: float) -> None:
        self._frac = f
