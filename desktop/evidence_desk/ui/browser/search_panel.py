"""Full-text search over the case (`core.search.search`), hits grouped by document.

The query runs in a background thread (a large case's FTS query must not
freeze the window); a newer query supersedes an older one still running.
Activating a hit asks the window to open that page with the terms highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.search import SearchHit, parse_query, search
from evidence_desk.ui.browser.snippet_delegate import (
    SNIPPET_HTML_ROLE,
    SnippetDelegate,
    plain_snippet,
    snippet_html,
)
from evidence_desk.ui.jobs import Job, run_in_thread

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchPanel(QWidget):
    hitActivated = Signal(int, int, list)  # doc id, page, terms to highlight
    searchFinished = Signal(int)  # number of hits

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.box = QLineEdit()
        self.box.setPlaceholderText(self.tr('Search text in all documents (words, "phrases", prefix*, -not)'))
        self.box.setClearButtonEnabled(True)
        self.box.returnPressed.connect(self.run)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.results = QTreeWidget()
        self.results.setHeaderHidden(True)
        self.results.setUniformRowHeights(True)
        self.results.setItemDelegate(SnippetDelegate(self.results))
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.terms: list[str] = []
        self._generation = 0
        self._job: Job | None = None
        self.status.hide()
        self.results.hide()

    def run(self, query: str | None = None) -> None:
        if query is not None:
            self.box.setText(query)
        text = self.box.text().strip()
        self._generation += 1
        if not text:
            self.results.clear()
            self.results.hide()
            self.status.hide()
            return
        try:
            terms = list(parse_query(text).terms)
        except EvidenceDeskError as exc:
            self._show_status(str(exc))
            return
        generation = self._generation
        self._show_status(self.tr("Searching…"))
        case = self.case
        self._job = run_in_thread(
            lambda: search(case, text, limit=500),
            lambda hits: self._show(generation, terms, hits),
            lambda msg: self._show_status(msg) if generation == self._generation else None,
            self,
        )

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _show(self, generation: int, terms: list[str], hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return  # a newer query was typed meanwhile
        self.terms = terms
        self.results.clear()
        by_doc: dict[int, QTreeWidgetItem] = {}
        for hit in hits:
            parent = by_doc.get(hit.doc)
            if parent is None:
                parent = QTreeWidgetItem([hit.filename])
                parent.setData(0, HIT_ROLE, (hit.doc, hit.page))
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                by_doc[hit.doc] = parent
                self.results.addTopLevelItem(parent)
            snippet = plain_snippet(hit.snippet)
            item = QTreeWidgetItem([self.tr("p. {page}: {snippet}").format(page=hit.page, snippet=snippet)])
            item.setData(0, SNIPPET_HTML_ROLE, self.tr("p. {page}: {snippet}").format(
                page=hit.page, snippet=snippet_html(hit.snippet)))
            item.setToolTip(0, snippet)
            item.setData(0, HIT_ROLE, (hit.doc, hit.page))
            parent.addChild(item)
        for parent in by_doc.values():
            parent.setText(0, f"{parent.text(0)}  ({parent.childCount()})")
            parent.setExpanded(True)
        n = len(hits)
        self._show_status(self.tr("%n page(s)", "", n) + " " + self.tr("in %n document(s)", "", len(by_doc))
                          if n else self.tr("No matches"))
        self.results.setVisible(bool(n))
        self.searchFinished.emit(n)

    def _activate(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        doc, page = item.data(0, HIT_ROLE)
        self.hitActivated.emit(doc, page, list(self.terms))
