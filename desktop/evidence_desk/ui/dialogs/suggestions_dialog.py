"""Tools › Review Suggestions…: what the reading found, accepted or rejected in bulk
(`suggest [--accept ID…|--reject ID…|--accept-all|--reject-all] [--doc DOC] [--kind K]`).

Every pending suggestion of this document or of the case, filtered by kind, with
the words it was read from and why. The chosen rows — or every row shown — are
decided as one `DecideSuggestions` step through the window's undo stack;
activating a row shows its page. Reads run on the window's database thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.commands.suggestions import DecideSuggestions
from evidence_desk.core.suggest.store import KINDS, list_suggestions
from evidence_desk.ui.terms import term

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SuggestionReview(QDialog):
    loaded = Signal()
    decided = Signal(object)  # the applied DecideSuggestions

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main = window
        self.case = window.case
        self.rows: list[dict[str, Any]] = []
        self.setWindowTitle(self.tr("Review Suggestions"))
        self.setModal(False)
        self.resize(1000, 560)
        self.doc_id: int | None = window.viewer().document_id
        self.this_doc = QRadioButton(self.tr("&This document"))
        self.whole_case = QRadioButton(self.tr("The whole &case"))
        self.this_doc.setEnabled(self.doc_id is not None)
        scope = QButtonGroup(self)
        scope.addButton(self.this_doc)
        scope.addButton(self.whole_case)
        (self.this_doc if self.doc_id is not None else self.whole_case).setChecked(True)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        self.kind_names = kind_names = {"entity": self.tr("known entities"), "name": self.tr("new names"), "date": self.tr("dates"),
                      "amount": self.tr("amounts"), "reference": self.tr("reference numbers"),
                      "field": self.tr("document details")}
        for kind in KINDS:
            self.kind.addItem(kind_names.get(kind, kind), kind)
        kind_label = QLabel(self.tr("&Kind"))
        kind_label.setBuddy(self.kind)
        self.count = QLabel()
        top = QHBoxLayout()
        for w in (self.this_doc, self.whole_case, kind_label, self.kind):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.count)

        headers = (self.tr("Kind"), self.tr("Document"), self.tr("Page"), self.tr("Value"),
                   self.tr("Entity or field"), self.tr("Words"), self.tr("Why"))
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(300)
        self.table.setAccessibleName(self.tr("Suggestions"))
        self.table.itemActivated.connect(lambda item: self.open_row(item.row()))
        self.table.itemDoubleClicked.connect(lambda item: self.open_row(item.row()))

        self.accept_button = QPushButton(self.tr("&Accept Selected"))
        self.reject_button = QPushButton(self.tr("&Reject Selected"))
        self.accept_all_button = QPushButton(self.tr("Accept A&ll Shown"))
        self.reject_all_button = QPushButton(self.tr("Reject All S&hown"))
        self.accept_button.clicked.connect(lambda: self.decide(self.selected_ids(), True))
        self.reject_button.clicked.connect(lambda: self.decide(self.selected_ids(), False))
        self.accept_all_button.clicked.connect(lambda: self.decide(self.shown_ids(), True))
        self.reject_all_button.clicked.connect(lambda: self.decide(self.shown_ids(), False))
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.reject_button, self.accept_all_button, self.reject_all_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        scope.buttonToggled.connect(lambda _b, on: on and self.reload())
        self.kind.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        window.undo.changed.connect(self._case_changed)
        window.team.changed.connect(self._case_changed)  # a colleague's changes too
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        case = self.case
        doc_id = self.doc_id if self.this_doc.isChecked() else None
        kind = self.kind.currentData()
        self.main.db.submit(lambda: list_suggestions(case, doc_id, kind, "pending"), self._loaded,
                            lambda exc: self.error.setText(str(exc)))

    def _case_changed(self, changes: Changes) -> None:
        if changes.touches("suggestions"):
            self.reload()

    def _loaded(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            value = row["normalized"] if row["kind"] not in ("entity", "name") and row["normalized"] else row["value"]
            target = row["entity"] or term(row["field"]) or ""
            cells = (self.kind_names.get(row["kind"], row["kind"]), self.main.browser.title_of(row["doc"]), str(row["page"] or ""), value, target,
                     row["quote"] or "", row["note"] or "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row["id"])
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.count.setText(self.tr("%n pending", "", len(rows)))
        self._update_buttons()
        self.loaded.emit()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [int(self.table.item(r, 0).data(ID_ROLE)) for r in rows]

    def shown_ids(self) -> list[int]:
        return [int(row["id"]) for row in self.rows]

    def _update_buttons(self) -> None:
        chosen, shown = bool(self.selected_ids()), bool(self.rows)
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)
        self.accept_all_button.setEnabled(shown)
        self.reject_all_button.setEnabled(shown)

    # -- acting ----------------------------------------------------------------------------

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            found = next(r for r in self.rows if r["id"] == self.table.item(row, 0).data(ID_ROLE))
            self.main.open_page(int(found["doc"]), int(found["page"] or 1))
            if found["quote"]:
                self.main.viewer().highlight_terms([found["quote"]])

    def decide(self, ids: list[int], accept: bool) -> Command | None:
        if not ids:
            return None
        self.error.clear()
        return self.main.undo.push(DecideSuggestions(ids, accept), on_done=self.decided.emit,
                                   on_failed=self.error.setText)
