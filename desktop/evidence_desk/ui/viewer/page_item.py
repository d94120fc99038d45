"""One page in the scene: a cheap item until it is near the viewport.

Its local coordinates are PDF points of the unrotated page; the item's transform
turns it by the page's /Rotate plus the view rotation and places it in the
column. A page far from the viewport holds nothing but its size: `release()`
drops its pixmap, words and overlay items, so memory does not grow with the
number of pages scrolled past."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from evidence_desk.core.geometry import PageGeometry, Rect
from evidence_desk.ui.viewer.doc_model import Overlay
from evidence_desk.ui.viewer.overlays import (
    CURRENT_HIT,
    SEARCH_HIT,
    SELECTION,
    Z_SEARCH,
    Z_SELECTION,
    make_box,
    make_overlay_item,
)
from evidence_desk.ui.viewer.text_layer import TextLayer

PAPER = QColor("#ffffff")
EDGE = QColor("#9a9a9a")
ERROR_PAPER = QColor("#fff3f0")


class PageItem(QGraphicsItem):
    def __init__(self, geom: PageGeometry) -> None:
        super().__init__()
        self.geom = geom
        self.pixmap: QPixmap | None = None
        self.pixmap_scale = 0.0  # device pixels per point of the current pixmap
        self.error: str | None = None
        self.text: TextLayer | None = None  # loaded when the page comes near
        self.materialized = False
        self._overlay_items: list[QGraphicsItem] = []
        self._hit_items: list[QGraphicsItem] = []
        self._selection_items: list[QGraphicsItem] = []

    @property
    def number(self) -> int:
        return self.geom.number

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.geom.width, self.geom.height)

    def clamp(self, x: float, y: float) -> tuple[float, float]:
        return min(max(x, 0.0), self.geom.width), min(max(y, 0.0), self.geom.height)

    # -- picture ---------------------------------------------------------------------------

    def set_image(self, image: QImage, scale: float, device_ratio: float) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(device_ratio)
        self.pixmap, self.pixmap_scale, self.error = pixmap, scale, None
        self.update()

    def set_error(self, message: str) -> None:
        self.error = message
        self.pixmap = None
        self.update()

    def drop_pixmap(self) -> None:
        if self.pixmap is not None:
            self.pixmap, self.pixmap_scale = None, 0.0
            self.update()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        rect = self.boundingRect()
        if self.pixmap is not None:
            # Smooth only while an old pixmap stands in at another zoom.
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawPixmap(rect, self.pixmap, QRectF(self.pixmap.rect()))
        else:
            painter.fillRect(rect, ERROR_PAPER if self.error else PAPER)
        pen = QPen(EDGE, 0)
        painter.setPen(pen)
        painter.drawRect(rect)
        if self.error:
            painter.setPen(QColor("#a00000"))
            margin = self.geom.width * 0.08
            text_rect = rect.adjusted(margin, margin, -margin, -margin)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             QCoreApplication.translate("PageItem", "Page {page} cannot be shown").format(page=self.number)
                             + f"\n\n{self.error}")

    # -- overlays --------------------------------------------------------------------------

    def set_overlays(self, overlays: list[Overlay]) -> None:
        for item in self._overlay_items:
            self._remove(item)
        self._overlay_items = []
        for overlay in overlays:
            before = set(self.childItems())
            made = make_overlay_item(overlay, self.geom.width, self)
            if made is not None:
                self._overlay_items.extend(set(self.childItems()) - before)

    def overlay_items(self) -> list[QGraphicsItem]:
        return list(self._overlay_items)

    def set_search_hits(self, rects: list[Rect], current: Rect | None = None) -> None:
        for item in self._hit_items:
            self._remove(item)
        self._hit_items = [
            make_box(r, CURRENT_HIT if r == current else SEARCH_HIT, Z_SEARCH, self, "search_hit")
            for r in rects
        ]

    def search_hit_items(self) -> list[QGraphicsItem]:
        return list(self._hit_items)

    def set_selection(self, rects: list[Rect]) -> None:
        for item in self._selection_items:
            self._remove(item)
        self._selection_items = [make_box(r, SELECTION, Z_SELECTION, self, "selection") for r in rects]

    def selection_items(self) -> list[QGraphicsItem]:
        return list(self._selection_items)

    @staticmethod
    def _remove(item: QGraphicsItem) -> None:
        # Delete the C++ item outright: its destructor unhooks it from the scene's index,
        # hover and grabber lists, which removeItem + Python garbage collection may not.
        if shiboken6.isValid(item):
            shiboken6.delete(item)

    def release(self) -> None:
        """Forget everything but the page's size (it scrolled far away)."""
        self.drop_pixmap()
        self.set_overlays([])
        self.set_search_hits([])
        self.set_selection([])
        self.text = None
        self.materialized = False
        self.error = None
