"""Mentions: which entities are tagged on this page or in this document."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from evidence_desk.core.commands.tagging import Untag
from evidence_desk.core.queries.annotations import document_mentions
from evidence_desk.ui.panels.base import AnnotationTab, PanelContext
from evidence_desk.ui.panels.common import ROW_ID_ROLE, RecordTable, ScopeSwitch
from evidence_desk.ui.terms import term
from evidence_desk.ui.theme import ENTITY_COLOURS


class MentionsTab(AnnotationTab):
    title = QT_TRANSLATE_NOOP("Panels", "Mentions")
    refresh_on = ("mentions", "entities")

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scope = ScopeSwitch()
        self.scope.group.buttonToggled.connect(lambda *_a: self.refresh())
        # The type shows as the entity's colour (as in the viewers) and in its tooltip: the quote
        # needs the width of a narrow dock more than a column of types does.
        self.table = RecordTable((self.tr("Entity"), self.tr("Quote"), self.tr("Page")), stretch=1)
        self.table.itemDoubleClicked.connect(self.open_row_page)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self._entity_of: dict[int, int] = {}
        self.hint_tag = self.tr("Press T and drag a box (or select text) in a viewer to tag an entity.")

    def refresh(self) -> None:
        if self.doc_id is None:
            self.table.fill([])
            self.summary.setText(self.tr("No document open."))
            return
        page = None if self.scope.whole_document else self.page
        rows = sorted(document_mentions(self.ctx.case, self.doc_id, page), key=lambda m: (m.page, m.entity))
        self._entity_of = {m.id: m.entity_id for m in rows}
        self.table.fill([
            (m.id, m.page,
             (m.entity + ("" if m.status == "accepted" else f" ({term(m.status)})"), m.quote or self.tr("(region)"),
              str(m.page)),
             ENTITY_COLOURS.get(m.entity_type))
            for m in rows
        ])
        tips = {m.id: f"{m.entity} — {term(m.entity_type)}" for m in rows}
        for row in range(self.table.rowCount()):  # (rows may have been re-sorted by the table)
            item = self.table.item(row, 0)
            item.setToolTip(tips[int(item.data(ROW_ID_ROLE))])
        entities = len({m.entity_id for m in rows})
        self.summary.setText(self.tr("%n mention(s)", "", len(rows)) + " " + self.tr("of %n entity(s)", "", entities)
                             if rows else self.hint_tag)

    def _selected(self) -> None:
        """The entity of the selected mention becomes the case's selected entity (entity, timeline panels)."""
        ids = self.table.selected_ids()
        if len(ids) == 1:
            self.ctx.select_entity(self._entity_of.get(ids[0]))

    def _menu(self, pos: QPoint) -> None:
        ids = self.table.selected_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Remove %n tag(s)", "", len(ids)), lambda: self.remove(ids))
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def remove(self, mention_ids: list[int]) -> None:
        self.ctx.undo.push(Untag(list(mention_ids)))
