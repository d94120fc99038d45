"""Continuous-scroll page view of one document (QGraphicsView).

The scene is a column of `PageItem`s in PDF points (scene unit = 1 pt); zoom is
the view's scale, rotation is each item's transform. Only the pages in the
viewport (plus one on each side) are asked of the render service; pages further
than `KEEP_AROUND` drop their pixmaps and overlays, so memory is bounded however
far the user scrolls. After a zoom, the old pixmaps are shown scaled until the
zoom settles and sharp ones arrive.

Interaction modes ('select', 'rect', 'pan') and the input handling live in
`page_view_input.PageViewInput`; this module is layout, zoom and rendering."""

from __future__ import annotations

import bisect
from collections.abc import Hashable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.pages import DocumentLayout
from evidence_desk.ui.viewer import doc_model
from evidence_desk.ui.viewer.doc_model import Overlay
from evidence_desk.ui.viewer.page_item import PageItem
from evidence_desk.ui.viewer.page_view_input import PageViewInput
from evidence_desk.ui.viewer.render_service import PageKey, RenderService, round_scale

GAP = 10.0  # points between pages
MARGIN_PAGES = 1  # rendered beyond the viewport on each side
KEEP_AROUND = 3  # pages kept (pixmap, words, overlays) beyond the rendered ones
MIN_ZOOM, MAX_ZOOM = 0.05, 16.0
SETTLE_MS = 120


class PageView(PageViewInput, QGraphicsView):
    pageChanged = Signal(int)
    zoomChanged = Signal(float)
    regionSelected = Signal(int, object)
    textSelected = Signal(int, object, str)
    overlayActivated = Signal(str, int)

    def __init__(self, case: Case, render_service: RenderService, parent: QWidget | None = None) -> None:
        QGraphicsView.__init__(self, parent)
        PageViewInput.__init__(self)
        self.case = case
        self.service = render_service
        self.document: DocumentLayout | None = None
        self.page_items: list[PageItem] = []
        self._tops: list[float] = []
        self._zoom = 1.0
        self.fit_mode: str | None = 'fit_width'  # kept on resize; None after a manual zoom
        self._view_rotation = 0
        self._current_page = 0
        self._overlays: dict[int, list[Overlay]] = {}
        self._terms: list[str] = []
        self._current_hit: tuple[int, Rect] | None = None
        self._near: set[int] = set()  # 1-based pages currently kept materialized
        self._owner: Hashable = ("page_view", id(self))
        self.setScene(QGraphicsScene(self))
        self.setBackgroundBrush(QColor("#5c6066"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Always shown: a scroll bar appearing would change the width and re-fit, in a loop.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._scroll_timer = QTimer(self, singleShot=True, interval=0)
        self._scroll_timer.timeout.connect(self._update_visible)
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self._update_visible)
        self.verticalScrollBar().valueChanged.connect(self._schedule)
        self.horizontalScrollBar().valueChanged.connect(self._schedule)
        render_service.rendered.connect(self._on_rendered)
        render_service.failed.connect(self._on_failed)

    # -- document --------------------------------------------------------------------------

    def set_document(self, document: DocumentLayout | None) -> None:
        self.clear_selection()
        self.service.cancel_stale(self._owner, set())
        self.scene().clear()
        self.page_items, self._tops, self._near = [], [], set()
        self.document = document
        self._terms, self._current_hit = [], None
        self._current_page = 0
        if document is None:
            return
        self.service.forget_errors(document.sha256)  # reopening a document tries its pages again
        self._overlays = doc_model.load_overlays(self.case, document.id)
        self.page_items = [PageItem(geom) for geom in document.pages]
        for item in self.page_items:
            self.scene().addItem(item)
        self._layout()
        self.apply_fit()
        self._schedule()

    def _layout(self) -> None:
        """Stack the pages top to bottom, each turned by its own plus the view rotation."""
        sizes = []
        for item in self.page_items:
            turn = (item.geom.rotation + self._view_rotation) % 360
            w, h = item.geom.width, item.geom.height
            sizes.append((turn, (h, w) if turn in (90, 270) else (w, h)))
        widest = max((s[1][0] for s in sizes), default=0.0)
        y = 0.0
        self._tops = []
        for item, (turn, (w, h)) in zip(self.page_items, sizes, strict=True):
            transform = QTransform().rotate(turn)
            box = transform.mapRect(QRectF(0, 0, item.geom.width, item.geom.height))
            item.setTransform(transform)
            item.setPos((widest - w) / 2 - box.left(), y - box.top())
            self._tops.append(y)
            y += h + GAP
        self.scene().setSceneRect(QRectF(-GAP, -GAP, widest + 2 * GAP, max(y, GAP) + GAP))

    # -- geometry helpers ------------------------------------------------------------------

    def page_count(self) -> int:
        return len(self.page_items)

    def item(self, page: int) -> PageItem:
        return self.page_items[page - 1]

    def page_at_scene_y(self, y: float) -> int:
        """1-based page whose slot (page plus the gap below it) holds scene y."""
        if not self._tops:
            return 0
        return max(1, bisect.bisect_right(self._tops, y))

    def page_item_at(self, scene_pos: QPointF) -> PageItem | None:
        page = self.page_at_scene_y(scene_pos.y())
        if not page:
            return None
        item = self.item(page)
        return item if item.sceneBoundingRect().contains(scene_pos) else None

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def visible_pages(self) -> list[int]:
        if not self.page_items:
            return []
        rect = self.visible_scene_rect()
        first, last = self.page_at_scene_y(rect.top()), self.page_at_scene_y(rect.bottom())
        return list(range(first, last + 1))

    # -- zoom and rotation -----------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float, anchor_under_mouse: bool = False) -> None:
        zoom = min(max(zoom, MIN_ZOOM), MAX_ZOOM)
        if abs(zoom - self._zoom) < 1e-6:
            return
        self.setTransformationAnchor(
            QGraphicsView.ViewportAnchor.AnchorUnderMouse if anchor_under_mouse
            else QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self._zoom = zoom
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.zoomChanged.emit(zoom)
        self._scroll_timer.start()  # re-materialize what came into view, at the old pictures
        self._settle_timer.start()  # then sharp pictures once the zoom stops changing

    def rotate_view(self, degrees: int = 90) -> None:
        page = self.current_page()
        self._view_rotation = (self._view_rotation + degrees) % 360
        self._layout()
        self.apply_fit()
        if page:
            self.go_to_page(page)
        self._schedule()

    def set_zoom_mode(self, mode: str | None) -> None:
        """'fit_width' or 'fit_page' (kept as the view is resized), 'actual', or None (manual)."""
        if mode == "actual":
            self.fit_mode = None
            self.set_zoom(self.actual_zoom())
        else:
            self.fit_mode = mode
            self.apply_fit()

    def apply_fit(self) -> None:
        if self.fit_mode and self.page_items:
            self.set_zoom(self.fit_zoom(self.fit_mode))

    def fit_zoom(self, mode: str) -> float:
        """The zoom at which the current page fits the viewport ('fit_width' or 'fit_page')."""
        if not self.page_items:
            return self._zoom
        item = self.item(self.current_page() or 1)
        box = item.sceneBoundingRect()
        view = self.viewport().rect()
        width = max(view.width() - 2 * GAP - 4, 50) / max(box.width(), 1.0)
        height = max(view.height() - 2 * GAP, 50) / max(box.height(), 1.0)
        return width if mode == "fit_width" else min(width, height)

    def actual_zoom(self) -> float:
        """100 %: a point on screen is a point on paper."""
        return self.logicalDpiX() / 72.0

    def device_ratio(self) -> float:
        return float(self.devicePixelRatioF()) or 1.0

    def render_scale(self) -> float:
        return round_scale(self._zoom * self.device_ratio())

    # -- navigation ------------------------------------------------------------------------

    def current_page(self) -> int:
        return self._current_page or (1 if self.page_items else 0)

    def go_to_page(self, page: int, point: QPointF | None = None) -> None:
        """Scroll so `page` is at the top (or `point`, unrotated PDF points on it, at the centre)."""
        if not self.page_items:
            return
        page = min(max(page, 1), len(self.page_items))
        item = self.item(page)
        if point is not None:
            self.centerOn(item.mapToScene(point))
        else:
            # The page's top at the top of the view, centred across (pages of mixed
            # widths share the column, so the view's own centre may be off this page).
            visible = self.visible_scene_rect()
            box = item.sceneBoundingRect()
            x = box.center().x() if box.width() <= visible.width() else box.left() + visible.width() / 2
            self.centerOn(QPointF(x, self._tops[page - 1] - GAP / 2 + visible.height() / 2))
        self._set_current(page)
        self._update_visible()

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        span = bar.maximum() - bar.minimum()
        return (bar.value() - bar.minimum()) / span if span > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(bar.minimum() + min(max(fraction, 0.0), 1.0) * (bar.maximum() - bar.minimum())))
        self._update_visible()  # the current page follows at once (the partner view reads it)

    def _set_current(self, page: int) -> None:
        if page and page != self._current_page:
            self._current_page = page
            self.pageChanged.emit(page)

    # -- rendering -------------------------------------------------------------------------

    def _schedule(self) -> None:
        self._scroll_timer.start()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.apply_fit()
        self._schedule()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        self._schedule()

    def _update_visible(self) -> None:
        if self.document is None or not self.page_items:
            return
        visible = self.visible_pages()
        if not visible:
            return
        centre = self.visible_scene_rect().center().y()
        self._set_current(self.page_at_scene_y(centre) if len(visible) > 1 else visible[0])
        count = len(self.page_items)
        wanted = range(max(1, visible[0] - MARGIN_PAGES), min(count, visible[-1] + MARGIN_PAGES) + 1)
        keep = set(range(max(1, visible[0] - MARGIN_PAGES - KEEP_AROUND),
                         min(count, visible[-1] + MARGIN_PAGES + KEEP_AROUND) + 1))
        far = self._near - keep
        for page in far:
            self.item(page).release()
        if far:
            self.service.memory_released()
        self._near = (self._near & keep) | set(wanted)
        self._materialize([p for p in wanted if not self.item(p).materialized])
        settled = not self._settle_timer.isActive()
        scale = self.render_scale()
        keys: set[PageKey] = set()
        for page in wanted:
            item = self.item(page)
            if not settled and item.pixmap is not None:
                continue  # mid-zoom: the old picture stands in
            if item.pixmap is not None and abs(item.pixmap_scale - scale) < 1e-9:
                continue
            key = PageKey(self.document.sha256, page, scale, 0, 0)
            keys.add(key)
            image = self.service.request(key, str(self.document.path), self.document.media_type,
                                         priority=abs(page - self.current_page()), owner=self._owner)
            if image is not None:
                item.set_image(image, scale, self.device_ratio())
            elif key in self.service.errors:
                item.set_error(self.service.errors[key])
        self.service.cancel_stale(self._owner, keys)

    def _materialize(self, pages: list[int]) -> None:
        if not pages or self.document is None:
            return
        layers = doc_model.load_words(self.case, self.document.id, pages)
        for page in pages:
            item = self.item(page)
            item.text = layers.get(page)
            item.set_overlays(self._overlays.get(page, []))
            self._apply_hits(item)
            item.materialized = True

    def _on_rendered(self, key: PageKey, image: QImage) -> None:
        doc = self.document
        if doc is None or key.sha256 != doc.sha256 or key.thumbnail_side or key.rotate != 0:
            return
        if key.page not in self._near or key.page > len(self.page_items):
            return  # scrolled away meanwhile; the cache keeps it
        item = self.item(key.page)
        # Take the picture if it is for the current zoom, or if there is none at all.
        if key.scale == self.render_scale() or item.pixmap is None:
            item.set_image(image, key.scale, self.device_ratio())

    def _on_failed(self, key: PageKey, message: str) -> None:
        doc = self.document
        if doc is None or key.sha256 != doc.sha256 or key.thumbnail_side or key.page > len(self.page_items):
            return
        self.item(key.page).set_error(message)

    # -- overlays and search hits ----------------------------------------------------------

    def overlays_on(self, page: int) -> list[Overlay]:
        return list(self._overlays.get(page, []))

    def refresh_overlays(self, page: int | None = None) -> None:
        """Re-read mentions, redactions and notes from the case and redraw them."""
        if self.document is None:
            return
        self._overlays = doc_model.load_overlays(self.case, self.document.id)
        pages = [page] if page else sorted(self._near)
        for number in pages:
            if 1 <= number <= len(self.page_items) and self.item(number).materialized:
                self.item(number).set_overlays(self._overlays.get(number, []))

    def highlight_terms(self, terms: list[str], current: tuple[int, Rect] | None = None) -> None:
        self._terms = [t for t in terms if t.strip()]
        self._current_hit = current
        for page in self._near:
            if self.item(page).materialized:
                self._apply_hits(self.item(page))

    def _apply_hits(self, item: PageItem) -> None:
        rects = item.text.find(self._terms) if (self._terms and item.text) else []
        current = self._current_hit[1] if self._current_hit and self._current_hit[0] == item.number else None
        item.set_search_hits(rects, current)
