"""The hits of a "redact every occurrence" preview as a lazy list model.

Thousands of hits ("radar" on 8,000 pages) must not be turned into thousands of
widgets on the main thread: the model holds the hits and one tick per hit,
exposes them to the view a chunk at a time (`fetchMore`, as the reviewer
scrolls), describes a row only when the view paints it, and asks for a row's
thumbnail only then (`thumbnailWanted`, answered with `set_icon`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from evidence_desk.core.redaction.matching import Hit

CHUNK = 500  # rows shown to the view per fetch
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class HitText(QObject):
    """The plural forms of a hit's description (pyside6-lupdate marks plurals only in tr())."""

    def lines(self, count: int) -> str:
        return self.tr(", %n line(s)", "", count)


def describe(hit: Hit) -> str:
    where = QCoreApplication.translate("RedactionPreviewDialog", "{file} — page {page}").format(
        file=hit.filename, page=hit.page)
    count = len(hit.rects)
    lines = HitText().lines(count) if count > 1 else ""
    return f"{where}{lines}\n{hit.context}"


class HitListModel(QAbstractListModel):
    thumbnailWanted = Signal(int)  # a row the view is about to show has no picture yet

    def __init__(self, hits: Sequence[Hit], parent: Any = None) -> None:
        super().__init__(parent)
        self.hits = list(hits)
        self.checked = [True] * len(self.hits)
        self._icons: dict[int, QIcon] = {}
        self._asked: set[int] = set()
        self._shown = min(CHUNK, len(self.hits))

    # -- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self.hits)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(CHUNK, len(self.hits) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.ItemDataRole.DisplayRole:
            return describe(self.hits[row])
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if self.checked[row] else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DecorationRole:
            icon = self._icons.get(row)
            if icon is None and row not in self._asked:
                self._asked.add(row)
                self.thumbnailWanted.emit(row)
            return icon
        if role == HIT_ROLE:
            return row
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.set_checked(index.row(), Qt.CheckState(value) == Qt.CheckState.Checked)
        return True

    # -- the dialog's side -------------------------------------------------------------------

    def set_checked(self, row: int, checked: bool) -> None:
        self.checked[row] = checked
        if row < self._shown:
            at = self.index(row)
            self.dataChanged.emit(at, at, [Qt.ItemDataRole.CheckStateRole])

    def set_all_checked(self, checked: bool) -> None:
        self.checked = [checked] * len(self.hits)
        if self._shown:
            self.dataChanged.emit(self.index(0), self.index(self._shown - 1), [Qt.ItemDataRole.CheckStateRole])

    def chosen(self) -> list[Hit]:
        return [hit for hit, checked in zip(self.hits, self.checked, strict=True) if checked]

    def set_icon(self, row: int, icon: QIcon) -> None:
        self._icons[row] = icon
        if row < self._shown:
            at = self.index(row)
            self.dataChanged.emit(at, at, [Qt.ItemDataRole.DecorationRole])

    def has_icon(self, row: int) -> bool:
        return row in self._icons

    def text(self, row: int) -> str:
        return describe(self.hits[row])
