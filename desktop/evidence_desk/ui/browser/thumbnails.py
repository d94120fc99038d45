"""First-page thumbnails for the documents list, drawn by the window's render service.

The service renders in its sandbox workers and caches; this only asks for the
first page of each document and hands each picture to the model when it comes."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QImage

from evidence_desk.core.case import Case
from evidence_desk.core.queries.documents import document_files
from evidence_desk.ui.browser.model import THUMB_SIZE, DocumentsModel
from evidence_desk.ui.viewer.render_service import PageKey, RenderService

THUMB_SIDE = 2 * THUMB_SIZE.height()  # twice the cell: sharp on high-DPI screens
# Same key convention as the viewer's thumbnail strip (scale 0, rotation None = as the page is meant
# to be seen), so both share the render service's cache when the sizes agree.


class ThumbnailLoader(QObject):
    def __init__(self, case: Case, service: RenderService, model: DocumentsModel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.service = service
        self.model = model
        self._waiting: dict[PageKey, int] = {}
        service.rendered.connect(self._rendered)
        service.failed.connect(self._failed)  # (bound methods: disconnected when this object goes)

    def load(self, doc_ids: list[int]) -> None:
        for doc in document_files(self.case, doc_ids):
            key = PageKey(doc.sha256, 1, 0.0, None, THUMB_SIDE)
            image = self.service.request(key, str(doc.path), doc.media_type, priority=100.0,
                                         owner=self)  # after the pages in view
            if image is not None:
                self.model.set_thumbnail(doc.id, image)
            else:
                self._waiting[key] = doc.id

    def _rendered(self, key: PageKey, image: QImage) -> None:
        doc_id = self._waiting.pop(key, None)
        if doc_id is not None:
            self.model.set_thumbnail(doc_id, image)

    def _failed(self, key: PageKey, _message: str) -> None:
        self._waiting.pop(key, None)  # the list keeps its blank icon; the viewer shows the reason

    def pending(self) -> int:
        return len(self._waiting)
