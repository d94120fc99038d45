"""A strip of page thumbnails for the open document, rendered only when seen.

The model has one row per page; a thumbnail is asked of the render service only
when its row is painted; rows scrolled away have their queued requests cancelled. Clicking a thumbnail
emits `pageActivated(page)`."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from evidence_desk.core.queries.pages import DocumentLayout
from evidence_desk.ui.viewer.render_service import PageKey, RenderService

THUMB_SIDE = 128
ModelIndex = QModelIndex | QPersistentModelIndex


class ThumbnailModel(QAbstractListModel):
    def __init__(self, service: RenderService, owner: Hashable, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = service
        self.owner = owner
        self.document: DocumentLayout | None = None
        self.side = THUMB_SIDE
        self.asked: set[PageKey] = set()  # requested since the last prune
        self._blank = QPixmap(self.side * 3 // 4, self.side)
        self._blank.fill(QColor("#ffffff"))
        service.rendered.connect(self._on_rendered)

    def set_document(self, document: DocumentLayout | None) -> None:
        self.beginResetModel()
        self.document = document
        self.asked.clear()
        self.endResetModel()

    def key(self, page: int) -> PageKey:
        assert self.document is not None
        # 0 scale: a thumbnail's key is its side; rotate None = as the page is meant to be seen.
        return PageKey(self.document.sha256, page, 0.0, None, self.side)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.document is None:
            return 0
        return len(self.document.pages)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.document is None:
            return None
        page = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return str(page)
        if role == Qt.ItemDataRole.DecorationRole:
            image = self.service.cache.get(self.key(page))
            return QIcon(QPixmap.fromImage(image)) if image is not None else QIcon(self._blank)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Page {page}").format(page=page)
        return None

    def want(self, page: int) -> None:
        """Ask for a page's thumbnail (called when its row is painted)."""
        if self.document is None:
            return
        key = self.key(page)
        if key not in self.service.cache and key not in self.asked:
            self.asked.add(key)
            self.service.request(key, str(self.document.path), self.document.media_type,
                                 priority=1000 + page, owner=self.owner)

    def _on_rendered(self, key: PageKey, image: QImage) -> None:
        doc = self.document
        if doc is None or key.sha256 != doc.sha256 or key.thumbnail_side != self.side:
            return
        if 1 <= key.page <= len(doc.pages):
            index = self.index(key.page - 1)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


class _PaintedRows(QStyledItemDelegate):
    """Requests a thumbnail when its row is painted: Qt may ask a model for data of
    rows it never shows (layout, size hints), but paints only what is on screen."""

    def __init__(self, model: ThumbnailModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        self._model.want(index.row() + 1)
        super().paint(painter, option, index)


class ThumbnailStrip(QListView):
    pageActivated = Signal(int)

    def __init__(self, service: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = ThumbnailModel(service, ("thumbnails", id(self)), self)
        self.setModel(self.model_)
        self.setItemDelegate(_PaintedRows(self.model_, self))
        # List mode with uniform sizes: Qt measures one row and asks only for rows it
        # paints (icon mode lays out, and so would render, all 2,000 at once).
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setUniformItemSizes(True)
        self.setMovement(QListView.Movement.Static)
        self.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.setSpacing(4)
        self.setFixedWidth(THUMB_SIDE + 60)
        self.clicked.connect(lambda index: self.pageActivated.emit(index.row() + 1))
        self._prune = QTimer(self, singleShot=True, interval=200)
        self._prune.timeout.connect(self._cancel_unseen)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._prune.start())

    def set_document(self, document: DocumentLayout | None) -> None:
        self.service_cancel(set())  # the previous document's queued thumbnails
        self.model_.set_document(document)

    def select_page(self, page: int) -> None:
        if 1 <= page <= self.model_.rowCount():
            index = self.model_.index(page - 1)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _cancel_unseen(self) -> None:
        """Drop queued thumbnails of rows no longer on screen (after a fast scroll)."""
        if self.model_.document is None:
            return
        top = self.indexAt(self.viewport().rect().topLeft())
        bottom = self.indexAt(self.viewport().rect().bottomLeft())
        first = top.row() + 1 if top.isValid() else 1
        last = bottom.row() + 1 if bottom.isValid() else first + 10
        keep = {self.model_.key(p) for p in range(max(1, first - 2), last + 3)}
        self.service_cancel(keep)

    def service_cancel(self, keep: set[PageKey]) -> None:
        self.model_.service.cancel_stale(self.model_.owner, keep)
        self.model_.asked &= keep
