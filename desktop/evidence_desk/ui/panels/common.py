"""Small pieces the annotation tabs share: a scope switch and a read-only table."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_PAGE_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_COLUMN_WIDTH = 170


class ScopeSwitch(QWidget):
    """“This page” / “Whole document”."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page_button = QRadioButton(self.tr("This page"))
        self.doc_button = QRadioButton(self.tr("Whole document"))
        self.page_button.setChecked(True)
        self.group = QButtonGroup(self)
        self.group.addButton(self.page_button)
        self.group.addButton(self.doc_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_button)
        layout.addWidget(self.doc_button)
        layout.addStretch(1)

    @property
    def whole_document(self) -> bool:
        return self.doc_button.isChecked()


class RecordTable(QTableWidget):
    """Rows of (cells…) carrying a record id and a page; read-only, sortable."""

    def __init__(self, headers: Sequence[str], stretch: int, parent: QWidget | None = None) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for col in range(len(headers)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        # Qt's default indicator is descending: names would list Z to A until a header is clicked.
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        # A long entity name or file name must not push the stretching column out of a narrow dock.
        header.setMaximumSectionSize(MAX_COLUMN_WIDTH)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def fill(self, rows: Sequence[tuple[int, int | None, Sequence[str], str | None]]) -> None:
        """rows: (record id, page, cell texts, colour of the first cell or None)."""
        self.setSortingEnabled(False)
        self.setRowCount(len(rows))
        for r, (rid, page, cells, colour) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(ROW_ID_ROLE, rid)
                item.setData(ROW_PAGE_ROLE, page)
                if c == 0 and colour:
                    item.setForeground(QColor(colour))
                self.setItem(r, c, item)
        self.setSortingEnabled(True)

    def select_record(self, record_id: int) -> bool:
        """Select and show the row of `record_id`; False if it is not listed."""
        for row in range(self.rowCount()):
            if self.item(row, 0).data(ROW_ID_ROLE) == record_id:
                self.selectRow(row)
                self.scrollToItem(self.item(row, 0))
                return True
        return False

    def selected_ids(self) -> list[int]:
        return sorted({int(i.data(ROW_ID_ROLE)) for i in self.selectedItems()})


def empty_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setObjectName("EmptyHint")
    return label
