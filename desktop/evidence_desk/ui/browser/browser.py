"""The case browser: the documents list (filter, sort, thumbnails) above the search."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.queries.failed_redactions import open_counts
from evidence_desk.core.vocabulary import DOCUMENT_KINDS, REVIEW_STATUSES
from evidence_desk.ui.browser.model import (
    COL_DATE,
    COL_DOC,
    COL_KIND,
    COL_PAGES,
    COL_REF,
    COL_STATUS,
    COLUMNS,
    DOC_ID_ROLE,
    THUMB_SIZE,
    DocumentFilter,
    DocumentsModel,
    label,
)
from evidence_desk.ui.browser.search_panel import SearchPanel
from evidence_desk.ui.panels.common import empty_label

LEFT, RIGHT = 0, 1
HIDDEN_BY_DEFAULT = (COL_KIND, COL_DATE, COL_REF)


class CaseBrowser(QWidget):
    openRequested = Signal(int, int)  # doc id, side (0 left, 1 right)
    hitActivated = Signal(int, int, list)  # doc id, page, terms
    thumbnailsWanted = Signal(list)  # doc ids without a thumbnail yet

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.model = DocumentsModel(self)
        self.proxy = DocumentFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(self.tr("Filter by name, reference, sender…"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.kind_combo = _choice_combo(self.tr("All kinds"), DOCUMENT_KINDS)
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_combo.currentData()))
        self.status_combo = _choice_combo(self.tr("Any status"), REVIEW_STATUSES)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_combo.currentData()))

        self.table = _DocumentTable()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_DOC, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setIconSize(THUMB_SIZE)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMB_SIZE.height() + 8)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_DOC, QHeaderView.ResizeMode.Stretch)
        for col in range(1, self.model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        # Kind, reference and date are on the document's second line; their columns are there to sort by.
        for col in HIDDEN_BY_DEFAULT:
            self.table.setColumnHidden(col, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.enterPressed.connect(self._double_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.search = SearchPanel(case)
        self.search.hitActivated.connect(self.hitActivated)
        self.search.searchFinished.connect(self._make_room_for_hits)

        filters = QHBoxLayout()
        filters.addWidget(self.kind_combo)
        filters.addWidget(self.status_combo)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.filter_box)
        top_layout.addLayout(filters)
        self.empty_hint = empty_label("No documents yet.\n\nDrop PDFs, images or folders on the window, "
                                      "or use Case › Import Files… (Ctrl+I).")
        self.empty_hint.setMargin(16)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_hint)
        top_layout.addWidget(self.list_stack, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.search)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.reload()

    def reload(self) -> None:
        """Re-read the documents (after an import or a details edit); keeps the selection."""
        selected = self.selected_ids()
        rows = list_documents(self.case)
        self.model.set_rows(rows, open_counts(self.case, ((r.id, r.warnings) for r in rows if r.warnings)))
        self.list_stack.setCurrentWidget(self.table if self.model.rows else self.empty_hint)
        for doc_id in selected:
            self.select(doc_id)
        missing = [r.id for r in self.model.rows if not self.model.has_thumbnail(r.id)]
        if missing:
            self.thumbnailsWanted.emit(missing)
        self.table.resizeColumnToContents(COL_KIND)
        self.table.resizeColumnToContents(COL_PAGES)
        self.table.resizeColumnToContents(COL_STATUS)

    def _make_room_for_hits(self, hits: int) -> None:
        """The hits list starts folded to the search box; give it a fair share once it has hits."""
        top, bottom = self.splitter.sizes()
        if hits and bottom < 220 and top + bottom > 440:
            self.splitter.setSizes([(top + bottom) * 11 // 20, (top + bottom) * 9 // 20])

    def selected_ids(self) -> list[int]:
        rows = self.table.selectionModel().selectedRows(COL_DOC) if self.table.selectionModel() else []
        return [int(i.data(DOC_ID_ROLE)) for i in rows]

    def select(self, doc_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            idx = self.proxy.index(row, COL_DOC)
            if idx.data(DOC_ID_ROLE) == doc_id:
                self.table.selectRow(row)
                return

    def title_of(self, doc_id: int) -> str:
        row = self.model.row_for(doc_id)
        if row is None:
            return f"Document {doc_id}"
        return row.display_name

    def _double_clicked(self, index: QModelIndex) -> None:
        mods = self.table.last_modifiers
        side = RIGHT if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier) else LEFT
        self.openRequested.emit(int(index.data(DOC_ID_ROLE)), side)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for col in range(1, self.model.columnCount()):
            action = menu.addAction(COLUMNS[col])
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(col))
            action.toggled.connect(lambda on, c=col: self.table.setColumnHidden(c, not on))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        doc_id = int(index.data(DOC_ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Open on the &left"), lambda: self.openRequested.emit(doc_id, LEFT))
        menu.addAction(self.tr("Open on the &right"), lambda: self.openRequested.emit(doc_id, RIGHT))
        menu.exec(self.table.viewport().mapToGlobal(pos))


class _DocumentTable(QTableView):
    """Enter opens the current row as a double-click does; both remember their modifiers
    (Ctrl/Shift: open on the right)."""

    enterPressed = Signal(QModelIndex)
    last_modifiers = Qt.KeyboardModifier.NoModifier

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.last_modifiers = event.modifiers()
            self.enterPressed.emit(self.currentIndex())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.last_modifiers = event.modifiers()
        super().mouseDoubleClickEvent(event)


def _choice_combo(any_label: str, values: tuple[str, ...]) -> QComboBox:
    combo = QComboBox()
    # Shrinks with a narrow dock instead of widening the window past a laptop screen.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
    combo.addItem(any_label, None)
    for value in values:
        combo.addItem(label(value).capitalize(), value)
    return combo
