"""Redactions on this document: status, reason, and approve/reject."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.commands.redaction import SetRedactionStatus
from evidence_desk.core.queries.redactions import list_redactions
from evidence_desk.ui.panels.base import AnnotationTab, PanelContext
from evidence_desk.ui.panels.common import RecordTable, ScopeSwitch
from evidence_desk.ui.terms import term

# Approved is drawn in the theme's own text colour (a fixed near-black vanished in dark mode);
# the other two are mid tones that read on a light and on a dark background alike.
STATUS_COLOURS: dict[str, str | None] = {"proposed": "#c8961e", "approved": None, "rejected": "#8c959f"}


class RedactionsTab(AnnotationTab):
    title = QT_TRANSLATE_NOOP("Panels", "Redactions")
    refresh_on = ("redactions", "settings")

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.scope = ScopeSwitch()
        self.scope.doc_button.setChecked(True)
        self.scope.group.buttonToggled.connect(lambda *_a: self.refresh())
        self.table = RecordTable((self.tr("Status"), self.tr("Page"), self.tr("Reason"), self.tr("Text"), self.tr("Author")),
                                 stretch=3)
        self.table.itemDoubleClicked.connect(self.open_row_page)
        self.approve = QPushButton(self.tr("Approve"))
        self.reject = QPushButton(self.tr("Reject"))
        self.approve.clicked.connect(lambda: self._set("approved"))
        self.reject.clicked.connect(lambda: self._set("rejected"))
        self.summary = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve)
        buttons.addWidget(self.reject)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        if self.doc_id is None:
            self.table.fill([])
            self.summary.clear()
            return
        page = None if self.scope.whole_document else self.page
        reds = list_redactions(self.ctx.case, self.doc_id, page=page)
        self.table.fill([
            (r.id, r.page, (term(r.status), str(r.page), r.reason, r.text or self.tr("(region)"), r.author),
             STATUS_COLOURS.get(r.status))
            for r in reds
        ])
        proposed = sum(r.status == "proposed" for r in reds)
        self.summary.setText(self.tr("%n box(es)", "", len(reds)) + ", " + self.tr("%n proposed", "", proposed)
                             if reds else "")

    def _set(self, status: str) -> None:
        ids = self.table.selected_ids()
        if ids:
            self.ctx.undo.push(SetRedactionStatus(ids, status))
