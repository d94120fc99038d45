"""Mouse, wheel, pinch and keyboard handling of the page view (a mixin of `PageView`).

Modes: 'select' drags over words (from `pages.words`) and selects them in reading
order; 'rect' drags a rubber band; 'pan' drags the pages. Whatever the zoom and
rotation, results are in PDF points of the unrotated page, because positions are
mapped into the page item's own coordinates. A click (press and release without
a drag) on a mention, redaction or note emits `overlayActivated(kind, id)`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QKeySequence, QMouseEvent, QNativeGestureEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsView, QPinchGesture

from evidence_desk.core.geometry import Rect
from evidence_desk.ui.viewer.overlays import ID_ROLE, KIND_ROLE, Z_SELECTION, make_box

if TYPE_CHECKING:
    from evidence_desk.ui.viewer.page_item import PageItem

MODES = ("select", "rect", "pan")
CLICK_SLOP_PX = 4
MIN_REGION_PT = 2.0
WHEEL_STEP = 1.15
RUBBER_BAND = QColor(40, 120, 255, 50)


class PageViewInput:
    """Needs the host to be a `PageView` (a QGraphicsView with pages and signals)."""

    def __init__(self) -> None:
        self._mode = "select"
        self._press: tuple[Any, QPointF, Any] | None = None  # (item, local point, view pos)
        self._dragged = False
        self._anchor_word: int | None = None
        self._band: QGraphicsItem | None = None
        self._selection_page = 0
        self.selected_quote = ""
        self.selected_rects: list[Rect] = []
        host: Any = self
        host.viewport().grabGesture(Qt.GestureType.PinchGesture)

    # -- modes -----------------------------------------------------------------------------

    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown tool {mode!r}; expected one of {', '.join(MODES)}")
        host: Any = self
        self._mode = mode
        host.setDragMode(QGraphicsView.DragMode.ScrollHandDrag if mode == "pan"
                         else QGraphicsView.DragMode.NoDrag)
        cursor = {"select": Qt.CursorShape.IBeamCursor, "rect": Qt.CursorShape.CrossCursor,
                  "pan": Qt.CursorShape.OpenHandCursor}[mode]
        host.viewport().setCursor(cursor)

    def clear_selection(self) -> None:
        host: Any = self
        if self._selection_page and self._selection_page <= host.page_count():
            host.item(self._selection_page).set_selection([])
        self._drop_band()
        self._selection_page = 0
        self.selected_quote = ""
        self.selected_rects = []

    @property
    def selection_page(self) -> int:
        return self._selection_page

    # -- mouse -----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        host: Any = self
        if event.button() != Qt.MouseButton.LeftButton or self._mode == "pan":
            QGraphicsView.mousePressEvent(host, event)
            return
        scene_pos = host.mapToScene(event.position().toPoint())
        item = host.page_item_at(scene_pos)
        self._dragged = False
        if item is None:
            self._press = None
            return
        local = item.mapFromScene(scene_pos)
        self._press = (item, local, event.position())
        self.clear_selection()
        if self._mode == "select" and item.text:
            self._anchor_word = item.text.anchor_at(local.x(), local.y())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        host: Any = self
        if self._press is None or self._mode == "pan":
            QGraphicsView.mouseMoveEvent(host, event)
            return
        item, start, view_start = self._press
        if (event.position() - view_start).manhattanLength() >= CLICK_SLOP_PX:
            self._dragged = True
        if not self._dragged:
            return
        local = item.mapFromScene(host.mapToScene(event.position().toPoint()))
        if self._mode == "rect":
            self._drag_band(item, start, local)
        else:
            self._drag_words(item, local)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        host: Any = self
        if self._press is None or self._mode == "pan":
            QGraphicsView.mouseReleaseEvent(host, event)
            return
        item, start, _ = self._press
        self._press = None
        if not self._dragged:
            self._activate_overlay_at(event)
            return
        local = item.mapFromScene(host.mapToScene(event.position().toPoint()))
        if self._mode == "rect":
            rect = self._band_rect(item, start, local)
            if rect.width >= MIN_REGION_PT and rect.height >= MIN_REGION_PT:
                self.selected_rects, self.selected_quote = [rect], ""
                host.regionSelected.emit(item.number, rect)
            else:
                self.clear_selection()
        else:
            rects = self._drag_words(item, local)
            if rects:
                host.textSelected.emit(item.number, rects, self.selected_quote)
        event.accept()

    def _band_rect(self, item: PageItem, start: QPointF, end: QPointF) -> Rect:
        x0, y0 = item.clamp(start.x(), start.y())
        x1, y1 = item.clamp(end.x(), end.y())
        return Rect.normalized(x0, y0, x1, y1)

    def _drag_band(self, item: PageItem, start: QPointF, end: QPointF) -> None:
        rect = self._band_rect(item, start, end)
        self._drop_band()
        self._band = make_box(rect, RUBBER_BAND, Z_SELECTION, item, "selection")
        self._selection_page = item.number

    def _drop_band(self) -> None:
        if self._band is not None and shiboken6.isValid(self._band):
            shiboken6.delete(self._band)  # see PageItem._remove
        self._band = None

    def _drag_words(self, item: PageItem, local: QPointF) -> list[Rect]:
        if not item.text or self._anchor_word is None:
            return []
        end = item.text.word_at(local.x(), local.y(), watermark=self._anchor_word in item.text.watermark)
        if end is None:
            return []
        words = item.text.span(self._anchor_word, end)
        rects = item.text.line_rects(words)
        item.set_selection(rects)
        self._selection_page = item.number
        self.selected_quote = item.text.quote(words)
        self.selected_rects = rects
        return rects

    def _activate_overlay_at(self, event: QMouseEvent) -> None:
        host: Any = self
        for graphics in host.items(event.position().toPoint()):
            kind = graphics.data(KIND_ROLE)
            if kind in ("mention", "redaction", "note"):
                host.overlayActivated.emit(str(kind), int(graphics.data(ID_ROLE)))
                return

    # -- keyboard, wheel, pinch ------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:
        host: Any = self
        if event.matches(QKeySequence.StandardKey.Copy) and self.selected_quote:
            QApplication.clipboard().setText(self.selected_quote)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear_selection()
        QGraphicsView.keyPressEvent(host, event)

    def wheelEvent(self, event: Any) -> None:
        host: Any = self
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                host.fit_mode = None
                host.set_zoom(host.zoom() * WHEEL_STEP ** steps, anchor_under_mouse=True)
            event.accept()
            return
        QGraphicsView.wheelEvent(host, event)

    def viewportEvent(self, event: QEvent) -> bool:
        host: Any = self
        if event.type() == QEvent.Type.NativeGesture:  # touchpad pinch on macOS/Wayland
            gesture: Any = event
            if isinstance(gesture, QNativeGestureEvent) and \
                    gesture.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                host.fit_mode = None
                host.set_zoom(host.zoom() * (1.0 + gesture.value()), anchor_under_mouse=True)
                return True
        if event.type() == QEvent.Type.Gesture:  # touchscreen pinch
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                host.fit_mode = None
                host.set_zoom(host.zoom() * pinch.scaleFactor())
                return True
        return QGraphicsView.viewportEvent(host, event)
