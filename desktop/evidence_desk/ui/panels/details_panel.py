"""Document details (kind, date, reference, sender, …), editable as one undoable step.

Applies the same command as `core.documents.update_details` (`SetDetails`, audited
as `set_details`) with only the fields that changed."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.commands.details import SetDetails, check_details
from evidence_desk.core.documents import EDITABLE_FIELDS
from evidence_desk.core.errors import EvidenceDeskError, NotFoundError
from evidence_desk.core.queries.documents import document_summary
from evidence_desk.core.vocabulary import DOCUMENT_KINDS, REVIEW_STATUSES
from evidence_desk.ui.i18n import number_text
from evidence_desk.ui.panels.base import AnnotationTab, PanelContext
from evidence_desk.ui.terms import term_title

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
TEXT_FIELDS = (("title", QT_TRANSLATE_NOOP("DetailsTab", "Title")), ("doc_date", QT_TRANSLATE_NOOP("DetailsTab", "Date")),
               ("reference", QT_TRANSLATE_NOOP("DetailsTab", "Reference")),
               ("sender", QT_TRANSLATE_NOOP("DetailsTab", "Sender")),
               ("recipient", QT_TRANSLATE_NOOP("DetailsTab", "Recipient")),
               ("languages", QT_TRANSLATE_NOOP("DetailsTab", "Languages")))


def details_edit(doc_id: int, before: dict[str, Any], after: dict[str, Any]) -> SetDetails | None:
    """The command that turns `before` into `after` (only changed fields), or None if nothing changed."""
    changes = {k: v for k, v in after.items() if k in EDITABLE_FIELDS and before.get(k) != v}
    if not changes:
        return None
    check_details(changes)
    return SetDetails(doc_id, changes)


class DetailsTab(AnnotationTab):
    title = QT_TRANSLATE_NOOP("Panels", "Details")
    refresh_on = ("documents",)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.addItem("—", None)
        for k in DOCUMENT_KINDS:
            self.kind.addItem(term_title(k), k)
        self.status = QComboBox()
        for st in REVIEW_STATUSES:
            self.status.addItem(term_title(st), st)
        form.addRow(self.tr("Kind"), self.kind)
        for key, text in TEXT_FIELDS:
            edit = QLineEdit()
            edit.returnPressed.connect(self.apply)
            self.fields[key] = edit
            form.addRow(self.tr(text), edit)
        self.fields["doc_date"].setPlaceholderText(self.tr("YYYY-MM-DD"))  # type: ignore[union-attr]
        self.fields["languages"].setPlaceholderText(self.tr("e.g. rus+eng"))  # type: ignore[union-attr]
        form.addRow(self.tr("Review status"), self.status)
        self.fields["kind"] = self.kind
        self.fields["review_status"] = self.status
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(self.apply)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.info)
        inner.addStretch(1)
        scroll = QScrollArea()  # a short screen scrolls the form instead of growing the window
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self._loaded: dict[str, Any] = {}
        self.refresh()

    def refresh(self) -> None:
        enabled = self.doc_id is not None
        for w in (*self.fields.values(), self.apply_button, self.revert_button):
            w.setEnabled(enabled)
        if not enabled:
            self._loaded = {}
            self.info.setText(self.tr("No document open."))
            return
        try:
            doc = document_summary(self.ctx.case, self.doc_id)
        except NotFoundError:
            return
        self._loaded = doc.editable_values()
        sha = " ".join(doc.sha256[i:i + 16] for i in range(0, 64, 16))  # wraps in a narrow panel
        info = self.tr("{file}\n%n page(s), {media}, {size} bytes\nSHA-256 {sha}", "", doc.pages).format(
            file=doc.filename, media=doc.media_type, size=number_text(doc.size_bytes), sha=sha)
        for key, widget in self.fields.items():
            value = self._loaded.get(key)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            else:
                widget.setText(value or "")
        self.info.setText(info)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.fields.items():
            if isinstance(widget, QComboBox):
                out[key] = widget.currentData()
            else:
                out[key] = widget.text().strip() or None
        return out

    def apply(self) -> None:
        if self.doc_id is None:
            return
        try:
            edit = details_edit(self.doc_id, self._loaded, self.values())
            if edit is not None:
                self.ctx.undo.push(edit)
        except EvidenceDeskError as exc:
            QMessageBox.warning(self, self.tr("Document details"), str(exc))
