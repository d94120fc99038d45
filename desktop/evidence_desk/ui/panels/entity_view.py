"""One entity: its names in every language and every mention, with page thumbnails.

Thumbnails come from the window's `RenderService` when one is given (drawn in its
sandbox workers, cached, delivered by signal); without one the list shows text
only. Activating a row emits `mention_activated(doc, page, rect)`."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.queries.entities import EntityDetails, MentionView, entity_details
from evidence_desk.core.queries.pages import page_sources
from evidence_desk.ui.terms import term
from evidence_desk.ui.viewer.overlays import marked_picture

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
THUMB_SIDE = 160


def _with_box(image: QImage, mention: MentionView, page_size: tuple[float, float] | None) -> QPixmap:
    """The thumbnail with the mention's region outlined (when the page size is known)."""
    if mention.rect is None or page_size is None or not page_size[0] or not page_size[1]:
        return QPixmap.fromImage(image)
    return marked_picture(image, [mention.rect], image.width() / page_size[0], image.height() / page_size[1])


class EntityView(QWidget):
    refresh_on = ("entities", "mentions", "documents")  # the kinds of changes it shows (core.commands.changes)
    mention_activated = Signal(int, int, object)  # document id, page, Rect | None

    def __init__(self, case: Case, parent: QWidget | None = None, render_service: object | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.entity_id: int | None = None
        self.details: EntityDetails | None = None
        self.service = render_service
        self._waiting: dict[object, list[int]] = {}  # PageKey → row indices
        self._page_sizes: dict[tuple[int, int], tuple[float, float]] = {}
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.aliases = QLabel()
        self.aliases.setWordWrap(True)
        self.show_suggested = QCheckBox(self.tr("Include suggested mentions"))
        self.show_suggested.setChecked(True)
        self.show_suggested.toggled.connect(lambda _on: self.refresh())
        self.list = QListWidget()
        self.list.setIconSize(QSize(THUMB_SIDE // 2, THUMB_SIDE // 2))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.aliases)
        layout.addWidget(self.show_suggested)
        layout.addWidget(self.list, 1)
        if self.service is not None:
            self.service.rendered.connect(self._rendered)  # type: ignore[attr-defined]
            # A page that cannot be drawn keeps its text-only row.
            self.service.failed.connect(lambda key, _message: self._waiting.pop(key, None))  # type: ignore[attr-defined]
        self.refresh()

    def set_entity(self, entity_id: int | None) -> None:
        self.entity_id = entity_id
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        self._waiting.clear()
        self.details = None
        if self.entity_id is None:
            self.title.setText(self.tr("No entity chosen."))
            self.aliases.setText("")
            return
        try:
            self.details = entity_details(self.case, self.entity_id, self.show_suggested.isChecked())
        except EvidenceDeskError as exc:
            self.title.setText(str(exc))
            return
        d = self.details
        accepted = sum(1 for m in d.mentions if m.kind == "mention")
        documents = len({m.doc_id for m in d.mentions if m.kind == "mention"})
        self.title.setText(self.tr("{name} — {type} · %n mention(s)", "", accepted).format(name=d.name, type=term(d.type))
                           + " " + self.tr("in %n document(s)", "", documents))
        self.aliases.setText(self.tr("Also: {names}").format(names=" · ".join(d.aliases)) if d.aliases
                             else self.tr("No other names."))
        self._load_page_sizes(d)
        for row, m in enumerate(d.mentions):
            label = self.tr("{file} — p. {page}").format(file=m.filename, page=m.page) + "\n" + (
                m.quote or self.tr("(region)"))
            if m.kind == "suggestion":
                label += "  " + self.tr("[suggested]")
            item = QListWidgetItem(label)
            item.setData(ROW_ROLE, row)
            item.setToolTip(label)
            self.list.addItem(item)
            self._request_thumbnail(row, m)

    def _load_page_sizes(self, d: EntityDetails) -> None:
        sources = page_sources(self.case, ((m.doc_id, m.page) for m in d.mentions))
        self._page_sizes = {key: (src.geometry.width, src.geometry.height) for key, src in sources.items()}

    def _request_thumbnail(self, row: int, m: MentionView) -> None:
        if self.service is None:
            return
        from evidence_desk.ui.viewer.render_service import PageKey

        key = PageKey(m.sha256, m.page, 0.0, 0, THUMB_SIDE)
        path = str(self.case.originals.path_for(m.sha256))
        image = self.service.request(key, path, m.media_type, priority=50.0, owner=self)  # type: ignore[attr-defined]
        if image is not None:
            self._set_icon(row, image)
        else:
            self._waiting.setdefault(key, []).append(row)

    def _rendered(self, key: object, image: QImage) -> None:
        for row in self._waiting.pop(key, []):
            self._set_icon(row, image)

    def _set_icon(self, row: int, image: QImage) -> None:
        if self.details is None or row >= self.list.count():
            return
        m = self.details.mentions[row]
        self.list.item(row).setIcon(QIcon(_with_box(image, m, self._page_sizes.get((m.doc_id, m.page)))))

    def thumbnails_pending(self) -> int:
        return sum(len(rows) for rows in self._waiting.values())

    def _activated(self, item: QListWidgetItem) -> None:
        if self.details is None:
            return
        m = self.details.mentions[int(item.data(ROW_ROLE))]
        self.mention_activated.emit(m.doc_id, m.page, m.rect)
