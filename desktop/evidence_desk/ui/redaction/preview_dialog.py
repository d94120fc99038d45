"""Preview every hit of a text, pattern or entity redaction before anything is marked.

The dialog lists each hit (document, page, the words around it) with a page
thumbnail on which the rectangles to be blacked out are drawn; the reviewer
unticks what should stay, picks a reason code, and confirms. Nothing touches
the case until then: the dialog only builds the edit (`build_edit`) and emits
`redactionRequested(edit)`; the caller applies it through its undo stack (or
passes `apply=True` to have the dialog call `case.apply` itself).

Thumbnails come from the shared `RenderService` when the window passes one; the
dialog otherwise starts a small one of its own and stops it when it closes."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Command
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.queries.pages import PageSource, page_sources
from evidence_desk.core.redaction.entity_hits import find_occurrences
from evidence_desk.core.redaction.marking import Reason, reason_codes
from evidence_desk.core.redaction.matching import Hit, redact_hits_edit
from evidence_desk.core.redaction.review import initial_status
from evidence_desk.ui.dialogs.buttons import ok_cancel
from evidence_desk.ui.redaction.hit_model import HitListModel
from evidence_desk.ui.viewer.overlays import marked_picture

THUMB_SIDE = 180


class RedactionPreviewDialog(QDialog):
    redactionRequested = Signal(object)  # the command marking the chosen hits
    thumbnailShown = Signal(int)  # row whose thumbnail arrived (tests, diagnostics)

    def __init__(self, case: Case, hits: Sequence[Hit], *, title: str | None = None,
                 render_service: Any = None, apply: bool = False, parent: QWidget | None = None,
                 sources: dict[tuple[int, int], PageSource] | None = None,
                 reasons: Sequence[Reason] | None = None) -> None:
        """`sources` (each hit's page file and geometry) and `reasons` are read here when
        not given; "redact every occurrence" reads them in its background job instead,
        so that opening the dialog reads nothing on the main thread."""
        super().__init__(parent)
        self.case = case
        self.model = HitListModel(hits, self)
        self.hits = self.model.hits
        self.apply_on_accept = apply
        self.edit: Command | None = None
        self.setWindowTitle(title or self.tr("Redact every occurrence"))
        self.resize(760, 560)
        self._pages = sources if sources is not None else self._page_info()
        self._own_service = False
        self._service = render_service if render_service is not None else self._start_service()
        self._waiting: dict[Any, list[int]] = {}
        if self._service is not None:
            # Before the view has the model: under the application's style sheet the view
            # measures rows (asking for their pictures) as soon as it is set up, and a row's
            # picture is asked for once only.
            self._service.rendered.connect(self._on_rendered)
            self.model.thumbnailWanted.connect(self._request_thumbnail)

        docs = len({h.document_id for h in self.hits})
        self.summary = QLabel(self.tr("%n match(es)", "", len(self.hits)) + " " + self.tr("in %n document(s).", "", docs)
                              + " " + self.tr("Untick what must stay visible; nothing is marked until you confirm."))
        self.summary.setWordWrap(True)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)  # one row measured, not thousands
        self.list.setIconSize(QSize(THUMB_SIDE, THUMB_SIDE))
        self.list.setSpacing(4)
        self.list.setWordWrap(True)
        self.list.setGridSize(QSize(THUMB_SIDE + 400, THUMB_SIDE + 12))
        self.reason = QComboBox()
        for code in reasons if reasons is not None else reason_codes(case):
            self.reason.addItem(f"{code.label} ({code.code})", code.code)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("optional note kept with each redaction"))
        self.approve = QCheckBox(self.tr("Record as approved (otherwise proposed for review)"))
        self.buttons = ok_cancel(self, self.tr("Redact selected"), self._confirm)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.hits))
        self.error = QLabel("")
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.approve)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # -- building from a query --------------------------------------------------------------

    @classmethod
    def for_query(cls, case: Case, query: str, *, regex: bool = False, entity: bool = False,
                  doc: str | int | None = None, **kwargs: Any) -> RedactionPreviewDialog:
        """Search first (raises EvidenceDeskError for a bad pattern or unknown entity)."""
        hits = find_occurrences(case, query, doc, regex=regex, entity=entity)
        if entity:
            title = QCoreApplication.translate("RedactionPreviewDialog", "Redact every occurrence of the entity “{query}”")
        elif regex:
            title = QCoreApplication.translate("RedactionPreviewDialog", "Redact every occurrence of the pattern “{query}”")
        else:
            title = QCoreApplication.translate("RedactionPreviewDialog", "Redact every occurrence of the text “{query}”")
        return cls(case, hits, title=title.format(query=query), **kwargs)

    # -- choices ----------------------------------------------------------------------------

    def chosen_hits(self) -> list[Hit]:
        return self.model.chosen()

    def set_all_checked(self, checked: bool) -> None:
        self.model.set_all_checked(checked)

    def build_edit(self) -> Command:
        status = initial_status(self.case, "approved" if self.approve.isChecked() else "proposed")
        return redact_hits_edit(self.case, self.chosen_hits(), str(self.reason.currentData()),
                                note=self.note.text().strip() or None, status=status)

    def _confirm(self) -> None:
        try:
            self.edit = self.build_edit()
            if self.apply_on_accept:
                self.case.apply(self.edit)
        except EvidenceDeskError as exc:
            self.error.setText(str(exc))
            return
        self.redactionRequested.emit(self.edit)
        self.accept()

    # -- thumbnails -------------------------------------------------------------------------

    def _page_info(self) -> dict[tuple[int, int], PageSource]:
        return page_sources(self.case, ((h.document_id, h.page) for h in self.hits))

    def _start_service(self) -> Any:
        try:
            from evidence_desk.ui.viewer.render_service import RenderService
        except ImportError:  # the viewer is not built into this copy: text only
            return None
        self._own_service = True
        return RenderService(workers=1)

    def _key(self, hit: Hit) -> tuple[Any, str, str] | None:
        from evidence_desk.ui.viewer.render_service import PageKey, round_scale

        source = self._pages.get((hit.document_id, hit.page))
        if source is None:
            return None
        scale = round_scale(THUMB_SIDE / max(source.geometry.width, source.geometry.height, 1.0))
        return PageKey(source.sha256, hit.page, scale, 0, 0), str(source.path), source.media_type

    def _request_thumbnail(self, row: int) -> None:
        """A row the view is about to paint: its page picture, from the cache or rendered."""
        if self._service is None:
            return
        made = self._key(self.hits[row])
        if made is None:
            return
        key, path, media_type = made
        self._waiting.setdefault(key, []).append(row)
        image = self._service.request(key, path, media_type, priority=-row, owner=self)
        if image is not None:  # cached: shown on the next turn, not inside the view's paint
            QTimer.singleShot(0, lambda: self._on_rendered(key, image))

    def _on_rendered(self, key: Any, image: QImage) -> None:
        for row in self._waiting.pop(key, []):
            self.model.set_icon(row, QIcon(self._marked(image, self.hits[row], key.scale)))
            self.thumbnailShown.emit(row)

    @staticmethod
    def _marked(image: QImage, hit: Hit, scale: float) -> QPixmap:
        """The page picture with the hit's rectangles drawn as they will be blacked out."""
        return marked_picture(image, hit.rects, scale, scale, fill=QColor(0, 0, 0, 170))

    def done(self, result: int) -> None:
        if self._service is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._service.rendered.disconnect(self._on_rendered)
            if self._own_service:
                self._service.close()
            self._service = None
        super().done(result)
