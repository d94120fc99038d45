"""The document viewer: a toolbar, the page view and an optional thumbnail strip.

Public API (what the main window uses):

    viewer = DocumentViewer(case, render_service, parent=None)
    viewer.open_document(doc_id: int, page: int = 1)   # raises NotFoundError
    viewer.close_document()
    viewer.document_id -> int | None
    viewer.current_page() -> int          viewer.go_to_page(n)
    viewer.set_zoom_mode('fit_width' | 'fit_page' | 'actual')
    viewer.zoom_in()   viewer.zoom_out()   viewer.set_zoom(factor)   viewer.zoom() -> float
    viewer.rotate_view()                  # +90° clockwise; overlays stay in unrotated points
    viewer.set_tool('select' | 'rect' | 'pan')
    viewer.highlight_terms(list[str])     # yellow boxes on every page's matching words
    viewer.show_search_hits(page, terms)  # highlight and jump to the first hit on `page`
    viewer.find(query) -> int             # find in document (core.search); then find_next/find_previous
    viewer.refresh_overlays(page=None)    # re-read mentions/redactions/notes after an edit
    viewer.scroll_fraction() -> float     viewer.set_scroll_fraction(f)   # linked scrolling
    viewer.set_thumbnails_visible(bool)
    viewer.page_view                      # the PageView, for tests and advanced wiring

Signals: regionSelected(int page, object Rect), textSelected(int page, object
list[Rect], str quote), pageChanged(int), zoomChanged(float),
overlayActivated(str kind, int id), documentOpened(int doc_id).
Every rectangle is in PDF points of the unrotated page (`core.geometry.Rect`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.search import parse_query, search
from evidence_desk.ui.banner import Banner
from evidence_desk.ui.viewer import doc_model
from evidence_desk.ui.viewer.page_view import PageView
from evidence_desk.ui.viewer.render_service import RenderService
from evidence_desk.ui.viewer.thumbnail_strip import ThumbnailStrip

QUOTE_TRIM = " \t\n,.;:!?()[]{}«»\"'“”„‘’"  # stripped from a find hit's words for its quote
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)  # of actual size
ZOOM_MODES = ("fit_width", "fit_page", "actual")


class DocumentViewer(QWidget):
    regionSelected = Signal(int, object)
    textSelected = Signal(int, object, str)
    pageChanged = Signal(int)
    zoomChanged = Signal(float)
    overlayActivated = Signal(str, int)
    documentOpened = Signal(int)

    def __init__(self, case: Case, render_service: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.page_view = PageView(case, render_service, self)
        self.thumbnails = ThumbnailStrip(render_service, self)
        self._doc_id: int | None = None
        self._hits: list[tuple[int, Rect]] = []
        self._hit_index = -1
        self._build()
        pv = self.page_view
        pv.regionSelected.connect(self.regionSelected)
        pv.textSelected.connect(self.textSelected)
        pv.overlayActivated.connect(self.overlayActivated)
        pv.pageChanged.connect(self._on_page_changed)
        pv.zoomChanged.connect(self._on_zoom_changed)
        self.thumbnails.pageActivated.connect(self.go_to_page)

    def _build(self) -> None:
        # A tool bar, not a row of widgets: at 1,280 px with two documents side by side what does
        # not fit goes behind its » button instead of widening the window (or being cut off).
        bar = QToolBar(self)
        bar.setObjectName("ViewerBar")
        bar.setIconSize(QSize(16, 16))
        self.bar = bar
        self.page_box = QLineEdit(self, maximumWidth=60, toolTip=self.tr("Go to page"))
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setValidator(QIntValidator(1, 1_000_000, self))
        self.page_box.returnPressed.connect(lambda: self.go_to_page(int(self.page_box.text() or 1)))
        self.page_total = QLabel("/ 0", self)
        self.zoom_box = QComboBox(self, editable=False, toolTip=self.tr("Zoom"))
        self.zoom_box.setAccessibleName(self.tr("Zoom"))
        self.zoom_box.addItem(self.tr("Fit width"), "fit_width")
        self.zoom_box.addItem(self.tr("Fit page"), "fit_page")
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{step:.0%}", step)
        self.zoom_box.activated.connect(self._on_zoom_box)
        buttons = [
            ("−", self.tr("Zoom out (Ctrl+-)"), self.zoom_out),
            ("+", self.tr("Zoom in (Ctrl++)"), self.zoom_in),
            ("↔", self.tr("Fit width"), lambda: self.set_zoom_mode("fit_width")),
            ("▭", self.tr("Fit page"), lambda: self.set_zoom_mode("fit_page")),
            ("1:1", self.tr("Actual size"), lambda: self.set_zoom_mode("actual")),
            ("⟳", self.tr("Rotate view 90° clockwise"), self.rotate_view),
        ]
        self.find_box = QLineEdit(self, placeholderText=self.tr("Find in document"), clearButtonEnabled=True)
        self.find_box.setAccessibleName(self.tr("Find in document"))
        self.find_box.setMinimumWidth(90)
        self.find_box.returnPressed.connect(self._on_find_entered)
        self.find_box.installEventFilter(self)
        self.find_status = QLabel("", self)
        # The find box first: it is what the keyboard needs most, and the zoom buttons have menus
        # and shortcuts of their own when the bar overflows.
        bar.addWidget(self.find_box)
        bar.addWidget(self.find_status)
        for text, tip, slot in (("▲", self.tr("Previous match (Shift+F3)"), self.find_previous),
                                ("▼", self.tr("Next match (F3)"), self.find_next)):
            bar.addAction(text, slot).setToolTip(tip)
        bar.addSeparator()
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_total)
        bar.addWidget(self.zoom_box)
        for text, tip, slot in buttons:
            bar.addAction(text, slot).setToolTip(tip)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.thumbnails)
        body.addWidget(self.page_view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(bar)
        self.failed_banner = Banner("FailedRedactionBanner")
        self.failed_banner.hide()
        layout.addWidget(self.failed_banner)
        layout.addLayout(body, 1)
        shortcuts = [(QKeySequence.StandardKey.ZoomIn, self.zoom_in),
                     (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                     (QKeySequence.StandardKey.FindNext, self.find_next),
                     (QKeySequence.StandardKey.FindPrevious, self.find_previous)]
        for sequence, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- document --------------------------------------------------------------------------

    @property
    def document_id(self) -> int | None:
        return self._doc_id

    def open_document(self, doc_id: int, page: int = 1) -> None:
        document = doc_model.load_document(self.case, doc_id)
        self._doc_id = doc_id
        self._hits, self._hit_index = [], -1
        self.find_status.setText("")
        self.page_view.set_document(document)
        self.thumbnails.set_document(document)
        self.page_total.setText(f"/ {len(document.pages)}")
        self.go_to_page(page)
        self._show_failed_banner()
        self.documentOpened.emit(doc_id)

    def close_document(self) -> None:
        self._doc_id = None
        self.page_view.set_document(None)
        self.thumbnails.set_document(None)
        self.page_total.setText("/ 0")
        self.page_box.clear()
        self.failed_banner.hide()

    def current_page(self) -> int:
        return self.page_view.current_page()

    def go_to_page(self, page: int) -> None:
        self.page_view.go_to_page(page)

    # -- zoom, rotation, tools -------------------------------------------------------------

    def zoom(self) -> float:
        return self.page_view.zoom()

    def set_zoom(self, zoom: float) -> None:
        self.page_view.fit_mode = None
        self.page_view.set_zoom(zoom)

    def set_zoom_mode(self, mode: str) -> None:
        if mode not in ZOOM_MODES:
            raise ValueError(f"unknown zoom mode {mode!r}; expected one of {', '.join(ZOOM_MODES)}")
        self.page_view.set_zoom_mode(mode)

    def zoom_in(self) -> None:
        self._step_zoom(+1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    def _step_zoom(self, direction: int) -> None:
        actual = self.page_view.actual_zoom()
        relative = self.page_view.zoom() / actual
        if direction > 0:
            bigger = [s for s in ZOOM_STEPS if s > relative * 1.01]
            target = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [s for s in ZOOM_STEPS if s < relative * 0.99]
            target = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.set_zoom(target * actual)

    def rotate_view(self) -> None:
        self.page_view.rotate_view(90)

    def set_tool(self, tool: str) -> None:
        self.page_view.set_mode(tool)

    def set_thumbnails_visible(self, visible: bool) -> None:
        self.thumbnails.setVisible(visible)

    # -- overlays, search, linked scrolling ------------------------------------------------

    def refresh_overlays(self, page: int | None = None) -> None:
        self.page_view.refresh_overlays(page)
        self._show_failed_banner()

    def _show_failed_banner(self) -> None:
        """Says that this page has failed redactions (boxes over text that can still be extracted)."""
        count = doc_model.failed_on_page(self.page_view.overlays_on(self.current_page())) if self._doc_id else 0
        if count:
            self.failed_banner.setText(self.tr(
                "This page has {n} failed redaction(s): a box drawn over text that can still be extracted "
                "(outlined in magenta). Tools › Redact Failed Redactions covers them for real.").format(n=count))
        self.failed_banner.setVisible(bool(count))

    def highlight_terms(self, terms: list[str]) -> None:
        self.page_view.highlight_terms(list(terms))

    def show_search_hits(self, page: int, terms: list[str]) -> None:
        """Highlight `terms` and bring the first match on `page` into view."""
        self.highlight_terms(terms)
        layer = doc_model.load_words(self.case, self._doc_id, [page]).get(page) if self._doc_id else None
        boxes = layer.find(terms) if layer else []
        if boxes:
            self.page_view.go_to_page(page, QPointF(boxes[0].x0, boxes[0].y0))
        else:
            self.go_to_page(page)

    def find(self, query: str) -> int:
        """Find in this document; returns the number of matching word boxes (0: none)."""
        self._hits, self._hit_index = [], -1
        if self._doc_id is None or not query.strip():
            self.highlight_terms([])
            self.find_status.setText("")
            return 0
        try:
            terms = list(parse_query(query).terms)
            pages = sorted({hit.page for hit in search(self.case, query, limit=10_000,
                                                         document_id=self._doc_id)})
        except EvidenceDeskError as exc:
            self.find_status.setText(str(exc))
            return 0
        layers = doc_model.load_words(self.case, self._doc_id, pages)
        self._hits = [(page, box) for page in pages if page in layers for box in layers[page].find(terms)]
        self.highlight_terms(terms)
        self.find_status.setText(self.tr("{n} found").format(n=len(self._hits)) if self._hits
                                 else self.tr("not found"))
        if self._hits:
            self.find_next()
        return len(self._hits)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in the find box goes back to the page. Esc is also the window's Select tool
        shortcut, which would take the key first: accepting the override keeps it here."""
        if (watched is self.find_box and event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                and event.key() == Qt.Key.Key_Escape):  # type: ignore[attr-defined]
            if event.type() == QEvent.Type.KeyPress:
                self.page_view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            event.accept()
            return True
        return super().eventFilter(watched, event)

    def find_next(self) -> None:
        self._step_hit(+1)

    def find_previous(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, direction: int) -> None:
        if not self._hits:
            return
        self._hit_index = (self._hit_index + direction) % len(self._hits)
        page, box = self._hits[self._hit_index]
        self.find_status.setText(self.tr("{i} of {n}").format(i=self._hit_index + 1, n=len(self._hits)))
        self.page_view.highlight_terms(self.page_view._terms, current=(page, box))
        self.page_view.go_to_page(page, QPointF((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2))

    def current_hit(self) -> tuple[int, Rect] | None:
        return self._hits[self._hit_index] if 0 <= self._hit_index < len(self._hits) else None

    def current_selection(self) -> tuple[int, list[Rect], str] | None:
        """What Tag/Redact Selection (keyboard) act on: the words selected on the page, else the
        find box's current hit (Ctrl+F, a name, Enter: then Ctrl+T tags it)."""
        view = self.page_view
        if view.selected_rects and view.selection_page:
            return view.selection_page, list(view.selected_rects), view.selected_quote
        hit = self.current_hit()
        if hit is not None:
            page, box = hit
            layer = doc_model.load_words(self.case, self._doc_id, [page]).get(page) if self._doc_id else None
            words = [w for w in layer.words if w.rect.intersects(box)] if layer else []
            # The words under the hit, without the punctuation they carry ("Velgrad," → "Velgrad").
            quote = layer.quote(words).strip(QUOTE_TRIM) if words else ""
            return page, [box], quote or self.find_box.text()
        return None

    def zoom_percent(self) -> float:
        """The zoom as the zoom box and the status bar show it: 100 % is the page's actual size."""
        return self.page_view.zoom() / self.page_view.actual_zoom() * 100

    def _on_find_entered(self) -> None:
        self.find(self.find_box.text())

    def scroll_fraction(self) -> float:
        return self.page_view.scroll_fraction()

    def set_scroll_fraction(self, fraction: float) -> None:
        self.page_view.set_scroll_fraction(fraction)

    # -- feedback to the controls ----------------------------------------------------------

    def _on_page_changed(self, page: int) -> None:
        self.page_box.setText(str(page))
        self._show_failed_banner()
        self.thumbnails.select_page(page)
        self.pageChanged.emit(page)

    def _on_zoom_changed(self, zoom: float) -> None:
        relative = zoom / self.page_view.actual_zoom()
        self.zoom_box.setEditText(f"{relative:.0%}")
        mode = self.page_view.fit_mode
        index = self.zoom_box.findData(mode) if mode else self.zoom_box.findData(round(relative, 2))
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)
        self.zoomChanged.emit(zoom)

    def _on_zoom_box(self, index: int) -> None:
        data = self.zoom_box.itemData(index)
        if isinstance(data, str):
            self.set_zoom_mode(data)
        elif isinstance(data, float):
            self.set_zoom(data * self.page_view.actual_zoom())
