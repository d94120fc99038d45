"""The centre of the window: two document viewers side by side in a splitter.

Each side is a `ViewerSlot` (a header with the document's name and a close
button, the viewer, and a hint while empty). The workspace opens documents left
or right, swaps the sides, closes one, links their scrolling on request and
switches to a single-viewer mode. It tracks which side the user works in (the
*active* viewer) because panels and tools follow that one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.ui.mime import DOCUMENT_MIME, document_ids_from_mime
from evidence_desk.ui.viewer.document_viewer import DocumentViewer
from evidence_desk.ui.viewer.render_service import RenderService

LEFT, RIGHT = 0, 1


class ElidedLabel(QLabel):
    """A label that shrinks with its side, eliding the middle of a long file name."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)
        self.setText(text)

    def setText(self, text: str) -> None:  # type: ignore[override]
        self._full = text
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(self.width(), 40))
        super().setText(shown)


class ViewerSlot(QFrame):
    """One side: header + viewer (or a hint while no document is open)."""

    activated = Signal(object)  # self, when the user interacts with this side
    closeRequested = Signal(object)
    documentDropped = Signal(object, int)  # self, document id

    def __init__(self, case: Case, render_service: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAcceptDrops(True)
        self.viewer = DocumentViewer(case, render_service, self)
        self.title = ElidedLabel(self.tr("No document"))
        self.title.setObjectName("SlotTitle")
        self.page_label = QLabel()
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setToolTip(self.tr("Close this document"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(lambda: self.closeRequested.emit(self))
        keep = self.close_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the header keeps its height while the side is empty
        self.close_button.setSizePolicy(keep)
        self.close_button.hide()  # until a document is open
        header = QHBoxLayout()
        header.setContentsMargins(8, 2, 2, 2)
        header.addWidget(self.title, 1)
        header.addWidget(self.page_label)
        header.addWidget(self.close_button)
        self.header = QFrame()
        self.header.setObjectName("SlotHeader")
        self.header.setLayout(header)
        self.hint = QLabel(self.tr("Double-click a document in the case browser,\n"
                                   "or drag it here, to open it on this side"))
        self.hint.setObjectName("EmptyHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.viewer)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        # The window's Zoom In/Out actions serve the active viewer wherever the focus is; the
        # viewer's own shortcuts for the same keys would make them ambiguous (neither fires).
        window_keys = {QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence(QKeySequence.StandardKey.ZoomOut)}
        for shortcut in self.viewer.findChildren(QShortcut):
            if shortcut.key() in window_keys:
                shortcut.setEnabled(False)
        self.viewer.pageChanged.connect(self._show_page)
        self.viewer.documentOpened.connect(lambda _d: self._show_page(self.viewer.current_page()))
        self._watch(self.viewer)

    def _watch(self, widget: QWidget) -> None:
        """Focus or a click anywhere in the viewer makes this side the active one."""
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress):
            self.activated.emit(self)
        elif event.type() == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                child.installEventFilter(self)
        return False

    @property
    def document_id(self) -> int | None:
        return self.viewer.document_id

    def open(self, doc_id: int, title: str, page: int = 1) -> None:
        shown = self.stack.currentWidget()
        self.stack.setCurrentWidget(self.viewer)  # visible first, so "fit width" measures the real view
        try:
            self.viewer.open_document(doc_id, page)
        except Exception:
            self.stack.setCurrentWidget(shown)  # e.g. the document is gone: leave this side as it was
            raise
        self.title.setText(title)
        self.title.setToolTip(title)
        self.close_button.show()
        self._watch(self.viewer)

    def close_document(self) -> None:
        self.viewer.close_document()
        self.title.setText(self.tr("No document"))
        self.title.setToolTip("")
        self.close_button.hide()
        self.page_label.clear()
        self.stack.setCurrentWidget(self.hint)

    def _show_page(self, page: int) -> None:
        doc_id = self.viewer.document_id
        if doc_id is None:
            return
        total = getattr(self.viewer, "page_count", None)
        count = total() if callable(total) else total
        self.page_label.setText(self.tr("page {page}").format(page=page) + (f" / {count}" if count else ""))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragEnterEvent) -> None:  # type: ignore[override]
        if event.mimeData().hasFormat(DOCUMENT_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = document_ids_from_mime(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.documentDropped.emit(self, ids[0])


class Workspace(QWidget):
    """Two slots in a splitter. Side 0 is whatever is currently on the left."""

    activeViewerChanged = Signal(object)  # the active DocumentViewer
    locationChanged = Signal(object, object)  # doc id or None, page or None (of the active viewer)
    documentRequested = Signal(int, int, int)  # doc id, side, page — for drops, resolved by the window

    def __init__(self, case: Case, render_service: RenderService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.slots: list[ViewerSlot] = []
        for _ in range(2):
            slot = ViewerSlot(case, render_service)
            slot.activated.connect(self.set_active)
            slot.closeRequested.connect(lambda s: self.close_side(self.slots.index(s)))
            slot.documentDropped.connect(lambda s, d: self.documentRequested.emit(d, self.slots.index(s), 1))
            slot.viewer.pageChanged.connect(lambda p, s=slot: self._page_changed(s, p))
            slot.viewer.documentOpened.connect(lambda _d, s=slot: self._page_changed(s, s.viewer.current_page()))
            self._connect_scroll(slot)
            self.splitter.addWidget(slot)
            self.slots.append(slot)
        self.splitter.setSizes([1, 1])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.active: ViewerSlot = self.slots[LEFT]
        self.linked = False
        self.single = False
        self._syncing = False
        self._mark_active()

    # -- opening and closing -------------------------------------------------------------

    def viewer(self, side: int) -> DocumentViewer:
        return self.slots[side].viewer

    def active_viewer(self) -> DocumentViewer:
        return self.active.viewer

    def viewers(self) -> list[DocumentViewer]:
        return [s.viewer for s in self.slots]

    def open(self, doc_id: int, title: str, side: int | None = None, page: int = 1) -> DocumentViewer:
        slot = self.active if side is None else self.slots[side]
        if self.single and slot is not self.active:
            slot = self.active  # one viewer on screen: the document replaces what is shown
        slot.open(doc_id, title, page)
        self.set_active(slot)
        return slot.viewer

    def close_side(self, side: int) -> None:
        self.slots[side].close_document()
        if self.slots[side] is self.active:
            self._emit_location()

    def close_active(self) -> None:
        self.close_side(self.slots.index(self.active))

    def swap(self) -> None:
        """Exchange the sides (the viewers keep their documents, pages and zoom)."""
        right = self.slots.pop()
        self.slots.insert(0, right)
        self.splitter.insertWidget(0, right)

    # -- active side, modes ----------------------------------------------------------------

    def set_active(self, slot: ViewerSlot) -> None:
        if slot is self.active:
            return
        self.active = slot
        self._mark_active()
        if self.single:
            self._apply_single()
        self.activeViewerChanged.emit(slot.viewer)
        self._emit_location()

    def set_active_side(self, side: int) -> None:
        self.set_active(self.slots[side])

    def _mark_active(self) -> None:
        for slot in self.slots:
            on = slot is self.active
            slot.header.setProperty("active", on)
            for w in (slot.header, *slot.header.findChildren(QWidget)):
                w.style().unpolish(w)
                w.style().polish(w)

    def set_single(self, on: bool) -> None:
        self.single = on
        self._apply_single()

    def _apply_single(self) -> None:
        for slot in self.slots:
            slot.setVisible(not self.single or slot is self.active)

    def set_linked(self, on: bool) -> None:
        """Linked scrolling: both viewers keep the same position (as a fraction of the document)."""
        self.linked = on
        if on:
            self._sync_from(self.active)

    def _connect_scroll(self, slot: ViewerSlot) -> None:
        view = slot.viewer.page_view
        for bar in (view.verticalScrollBar(), view.horizontalScrollBar()):
            bar.valueChanged.connect(lambda _v, s=slot: self._sync_from(s))

    def _sync_from(self, slot: ViewerSlot) -> None:
        if not self.linked or self._syncing or slot.document_id is None:
            return
        other = self.slots[1 - self.slots.index(slot)]
        if other.document_id is None:
            return
        self._syncing = True
        try:
            other.viewer.set_scroll_fraction(slot.viewer.scroll_fraction())
        finally:
            self._syncing = False

    def _page_changed(self, slot: ViewerSlot, _page: int) -> None:
        if slot is self.active:
            self._emit_location()

    def _emit_location(self) -> None:
        viewer = self.active.viewer
        doc = viewer.document_id
        self.locationChanged.emit(doc, viewer.current_page() if doc is not None else None)
