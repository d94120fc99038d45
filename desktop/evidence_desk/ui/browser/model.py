"""The documents table of the case browser, and its filter/sort proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap

from evidence_desk.core.queries.documents import DocumentSummary
from evidence_desk.ui.mime import DOCUMENT_MIME, document_mime
from evidence_desk.ui.terms import term

COLUMNS = (QT_TRANSLATE_NOOP("CaseBrowser", "Document"), QT_TRANSLATE_NOOP("CaseBrowser", "Kind"),
           QT_TRANSLATE_NOOP("CaseBrowser", "Date"), QT_TRANSLATE_NOOP("CaseBrowser", "Reference"),
           QT_TRANSLATE_NOOP("CaseBrowser", "Pages"), QT_TRANSLATE_NOOP("CaseBrowser", "Status"))
COL_DOC, COL_KIND, COL_DATE, COL_REF, COL_PAGES, COL_STATUS = range(6)
DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3
THUMB_SIZE = QSize(36, 48)

STATUS_COLOURS = {"new": "#6c757d", "in_review": "#b8860b", "reviewed": "#28a745", "flagged": "#d9534f"}
Index = QModelIndex | QPersistentModelIndex


FAILED_COLOUR = "#c0105f"



def failed_badge(count: int) -> str:
    return QCoreApplication.translate("CaseBrowser", "{n} failed redaction(s)").format(n=count)


def label(value: str | None) -> str:
    """A vocabulary code's name in the interface language (ui/terms.py)."""
    return term(value)


class DocumentsModel(QAbstractTableModel):
    """Rows are `core.queries.documents.list_documents`; thumbnails are set as they arrive."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[DocumentSummary] = []
        self._thumbs: dict[int, QIcon] = {}
        self._row_of: dict[int, int] = {}
        self.failed: dict[int, int] = {}  # failed redactions not yet redacted, by document id

    def set_rows(self, rows: list[DocumentSummary], failed: dict[int, int] | None = None) -> None:
        self.beginResetModel()
        self.rows = rows
        self.failed = dict(failed or {})
        self._row_of = {r.id: i for i, r in enumerate(rows)}
        self.endResetModel()

    def row_for(self, doc_id: int) -> DocumentSummary | None:
        i = self._row_of.get(doc_id)
        return None if i is None else self.rows[i]

    def set_thumbnail(self, doc_id: int, image: QImage | QPixmap) -> None:
        pixmap = image if isinstance(image, QPixmap) else QPixmap.fromImage(image)
        self._thumbs[doc_id] = QIcon(pixmap)
        row = self._row_of.get(doc_id)
        if row is not None:
            idx = self.index(row, COL_DOC)
            self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])

    def has_thumbnail(self, doc_id: int) -> bool:
        return doc_id in self._thumbs

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("CaseBrowser", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == DOC_ID_ROLE:
            return row.id
        if role == SORT_ROLE:
            if col == COL_PAGES:
                return row.pages
            if col == COL_DOC:
                return row.display_name.casefold()
            return (self._display(row, col) or "\uffff").casefold()  # blanks sort last
        if role == SEARCH_TEXT_ROLE:
            return " ".join(str(getattr(row, k) or "") for k in
                            ("filename", "title", "reference", "sender", "recipient", "date", "kind")).casefold()
        if role == Qt.ItemDataRole.DecorationRole and col == COL_DOC:
            return self._thumbs.get(row.id)
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATUS:
            return QColor(STATUS_COLOURS.get(row.review_status, "#6c757d"))
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_DOC and row.id in self.failed:
            return QColor(FAILED_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_DOC:
            parts = [row.filename, f"SHA-256 {row.sha256[:16]}…"]
            if row.id in self.failed:
                parts.append(failed_badge(self.failed[row.id]) + ": " + QCoreApplication.translate("CaseBrowser",
                    "boxes drawn over text that can still be extracted"))
            for key in ("sender", "recipient"):
                if getattr(row, key):
                    parts.append(f"{key}: {getattr(row, key)}")
            return "\n".join(parts)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: DocumentSummary, col: int) -> str:
        if col == COL_DOC:
            facts = [label(row.kind).capitalize(), row.reference or "", row.date or ""]
            facts = [f for f in facts if f]
            pages = f"{row.pages} page" + ("s" if row.pages != 1 else "")
            badge = f"⚠ {failed_badge(self.failed[row.id])} · " if row.id in self.failed else ""
            return row.display_name + "\n" + badge + " · ".join(facts or [pages])
        if col == COL_KIND:
            return label(row.kind)
        if col == COL_DATE:
            return row.date or ""
        if col == COL_REF:
            return row.reference or ""
        if col == COL_PAGES:
            return str(row.pages)
        return label(row.review_status)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        ids = list(dict.fromkeys(self.rows[i.row()].id for i in indexes if i.isValid()))
        return document_mime(ids)


class DocumentFilter(QSortFilterProxyModel):
    """Free text over name, reference, sender, recipient; plus kind and review status."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.kind: str | None = None
        self.status: str | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        self._refilter("text", text.strip().casefold())

    def set_kind(self, kind: str | None) -> None:
        self._refilter("kind", kind or None)

    def set_status(self, status: str | None) -> None:
        self._refilter("status", status or None)

    def _refilter(self, attr: str, value: str | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            setattr(self, attr, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            setattr(self, attr, value)
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, DocumentsModel)
        row = model.rows[source_row]
        if self.kind and row.kind != self.kind:
            return False
        if self.status and row.review_status != self.status:
            return False
        if self.text:
            hay = model.data(model.index(source_row, 0), SEARCH_TEXT_ROLE)
            return all(word in hay for word in self.text.split())
        return True
