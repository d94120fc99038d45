"""Links of the open document: what it cites, what cites it, and its other links.

Double-clicking a link asks (signal `open_pair_requested`) for the other document
to be opened in the second viewer with the shared reference highlighted in both;
the payload names both documents, pages and regions (see
`core.links.registry.shared_reference`). The main window decides how to show it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.commands.links import LinkReferences
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.links.registry import (
    build_reference_links,
    plan_reference_links,
    shared_reference,
)
from evidence_desk.core.queries.links import LinkView, document_links
from evidence_desk.ui.terms import term
from evidence_desk.ui.undo import UndoController

LINK_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPS = (("cites", QT_TRANSLATE_NOOP("LinksPanel", "Cites")), ("cited_by", QT_TRANSLATE_NOOP("LinksPanel", "Cited by")),
          ("other", QT_TRANSLATE_NOOP("LinksPanel", "Other links")))


@dataclass(frozen=True)
class LinkedPair:
    """One link's two ends: this document's page and region, and the other's."""

    link_id: int
    kind: str
    this_doc: int
    this_page: int
    this_rect: Rect | None
    other_doc: int
    other_page: int
    other_rect: Rect | None
    reference: str | None


class LinksPanel(QWidget):
    refresh_on = ("links", "documents")  # the kinds of changes it shows (core.commands.changes)
    open_pair_requested = Signal(object)  # LinkedPair: open `other_doc` beside this one, both highlighted
    links_changed = Signal()  # after "Find citations" added links

    def __init__(self, case: Case, parent: QWidget | None = None, undo: UndoController | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.undo = undo
        self.doc_id: int | None = None
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Page"), self.tr("Evidence")])
        self.tree.setRootIsDecorated(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.find_button = QPushButton(self.tr("Find citations by reference number"))
        self.find_button.setToolTip(self.tr("Link documents whose pages cite another document's reference number"))
        self.find_button.clicked.connect(self.find_citations)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.find_button)
        self.refresh()

    def set_document(self, doc_id: int | None) -> None:
        self.doc_id = doc_id
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        if self.doc_id is None:
            self.summary.setText(self.tr("No document open."))
            return
        try:
            data = document_links(self.case, self.doc_id)
        except EvidenceDeskError as exc:
            self.summary.setText(str(exc))
            return
        for key, title in GROUPS:
            items: tuple[LinkView, ...] = getattr(data, key)
            group = QTreeWidgetItem([f"{self.tr(title)} ({len(items)})"])
            group.setFlags(group.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for link in items:
                label = f"{link.other}: {link.other_reference or link.other_filename}"
                if key == "other":
                    arrow = "→" if link.direction == "out" else "←"
                    label = f"{term(link.kind)} {arrow} {label}"
                child = QTreeWidgetItem([label, str(link.page or ""), link.quote or link.note or ""])
                child.setToolTip(0, link.other_filename)
                child.setData(0, LINK_ID_ROLE, link.id)
                group.addChild(child)
            self.tree.addTopLevelItem(group)
            group.setExpanded(True)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        ref, total = data.reference, data.count
        self.summary.setText((self.tr("Reference {ref}.").format(ref=ref) if ref else self.tr("No reference number set."))
                             + " " + (self.tr("%n link(s); double-click one to open both side by side.", "", total)
                                      if total else self.tr("No links yet.")))

    def pair_for(self, link_id: int) -> LinkedPair:
        """Both ends of a link, seen from the open document."""
        info = shared_reference(self.case, link_id)
        src = (info["source"], info["source_page"], info["source_rect"])
        dst = (info["target"], info["target_page"], info["target_rect"])
        this, other = (src, dst) if info["source"] == self.doc_id else (dst, src)
        return LinkedPair(link_id, info["kind"], *this, *other, info["reference"])

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        link_id = item.data(0, LINK_ID_ROLE)
        if link_id is not None and self.doc_id is not None:
            self.open_pair_requested.emit(self.pair_for(int(link_id)))

    def find_citations(self) -> None:
        if self.undo is not None:  # in the window: found on the database thread, stored as one step
            self.undo.run(lambda: plan_reference_links(self.case), self._store_citations)
            return
        try:
            added = build_reference_links(self.case)
        except EvidenceDeskError as exc:
            self.summary.setText(str(exc))
            return
        self.refresh()
        if added:
            self.links_changed.emit()

    def _store_citations(self, plan: tuple[list[dict[str, Any]], list[int]]) -> None:
        found, stale = plan
        if not found and not stale:
            self.refresh()
            return
        assert self.undo is not None
        self.undo.push(LinkReferences(found, stale), on_done=lambda _command: self.links_changed.emit(),
                       on_failed=self.summary.setText)
