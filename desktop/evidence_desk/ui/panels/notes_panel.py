"""Notes on this document and its pages, with buttons to add one."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.commands.notes import DeleteNote
from evidence_desk.core.queries.annotations import document_notes
from evidence_desk.ui.i18n import date_text
from evidence_desk.ui.panels.base import AnnotationTab, PanelContext
from evidence_desk.ui.panels.common import RecordTable, ScopeSwitch


class NotesTab(AnnotationTab):
    title = QT_TRANSLATE_NOOP("Panels", "Notes")
    refresh_on = ("notes",)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scope = ScopeSwitch()
        self.scope.doc_button.setChecked(True)
        self.scope.group.buttonToggled.connect(lambda *_a: self.refresh())
        self.table = RecordTable((self.tr("Where"), self.tr("Note"), self.tr("Author"), self.tr("When")), stretch=1)
        self.table.setWordWrap(True)
        self.table.itemDoubleClicked.connect(self.open_row_page)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.add_page = QPushButton(self.tr("Page note…"))
        self.add_doc = QPushButton(self.tr("Document note…"))
        self.add_page.setToolTip(self.tr("Add a note on the page shown"))
        self.add_doc.setToolTip(self.tr("Add a note on the whole document"))
        self.add_page.clicked.connect(lambda: self._add("page"))
        self.add_doc.clicked.connect(lambda: self._add("document"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_page)
        buttons.addWidget(self.add_doc)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        has_doc = self.doc_id is not None
        self.add_page.setEnabled(has_doc)
        self.add_doc.setEnabled(has_doc)
        if not has_doc:
            self.table.fill([])
            return
        page = None if self.scope.whole_document else self.page
        rows = []
        for n in document_notes(self.ctx.case, self.doc_id, page):
            where = (self.tr("document") if n.page is None
                     else self.tr("p. {page}").format(page=n.page) + (" " + self.tr("(region)") if n.rect else ""))
            rows.append((n.id, n.page, (where, n.text, n.author, date_text(n.created_at, with_time=True)),
                         None))
        self.table.fill(rows)
        self.table.resizeRowsToContents()

    def _add(self, scope: str) -> None:
        if self.ctx.tools is not None and self.doc_id is not None:
            self.ctx.tools.start_note(self.doc_id, self.page if scope == "page" else None)

    def _menu(self, pos: QPoint) -> None:
        ids = self.table.selected_ids()
        if len(ids) == 1:
            menu = QMenu(self)
            menu.addAction(self.tr("Delete note"), lambda: self.ctx.undo.push(DeleteNote(ids[0])))
            menu.exec(self.table.viewport().mapToGlobal(pos))
