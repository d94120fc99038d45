"""Provenance summary: source code name, receipt, verification, chain of custody; and the
buttons that edit them (`provenance_edit.ProvenanceDialog`, one undoable command each)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.provenance import describe
from evidence_desk.ui.panels.base import AnnotationTab, PanelContext
from evidence_desk.ui.panels.provenance_edit import ProvenanceDialog
from evidence_desk.ui.terms import term


class ProvenanceTab(AnnotationTab):
    title = QT_TRANSLATE_NOOP("Panels", "Provenance")
    refresh_on = ("provenance",)

    dialogOpened = Signal(object)  # the ProvenanceDialog

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.info: dict | None = None  # type: ignore[type-arg]
        self.edit_button = QPushButton(self.tr("&Edit Provenance…"))
        self.custody_button = QPushButton(self.tr("Add Custody &Event…"))
        self.edit_button.clicked.connect(lambda: self.open_editor())
        self.custody_button.clicked.connect(lambda: self.open_editor(custody_only=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.custody_button)
        buttons.addStretch(1)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.label)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def open_editor(self, custody_only: bool = False) -> ProvenanceDialog | None:
        """The editing dialog for the shown document (None when no document is open)."""
        if self.doc_id is None or self.info is None:
            return None
        dialog = ProvenanceDialog(self.ctx.undo, self.doc_id, self.info, self.ctx.window or self,
                                  custody_only=custody_only)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    def refresh(self) -> None:
        self.info = None
        for button in (self.edit_button, self.custody_button):
            button.setEnabled(False)
        if self.doc_id is None:
            self.label.setText(self.tr("No document open."))
            return
        try:
            p = describe(self.ctx.case, self.doc_id)
        except EvidenceDeskError as exc:
            self.label.setText(escape(str(exc)))
            return
        self.info = p
        for button in (self.edit_button, self.custody_button):
            button.setEnabled(True)
        none = self.tr("—")
        rows = [
            (self.tr("Source"), p["source"] or self.tr("— not recorded")),
            (self.tr("Received"), p["received"] or none),
            (self.tr("Received by"), p.get("received_by") or none),
            (self.tr("Method"), p["method"] or none),
            (self.tr("Verification"), term(p["verification"] or "unverified")),
            (self.tr("Confidence"), p["confidence"] or none),
            (self.tr("Reasoning"), p.get("reasoning") or none),
            (self.tr("Imported"), self.tr("{at} by {who}").format(at=p["imported_at"][:16].replace("T", " "),
                                                                   who=p["imported_by"] or none)),
        ]
        html = "<table cellspacing=4>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{escape(v)}</td></tr>" for k, v in rows)
        html += f"<tr><td><b>SHA-256</b></td><td><code>{p['sha256']}</code></td></tr></table>"
        if p.get("notes"):
            html += f"<p>{escape(p['notes'])}</p>"
        html += f"<p><b>{escape(self.tr('Chain of custody'))}</b></p>"
        if p["custody"]:
            items = []
            for e in p["custody"]:
                who = f" ({e['counterpart']})" if e.get("counterpart") else ""
                items.append(f"<li>{escape(e['at'][:16].replace('T', ' '))} — {escape(term(e['kind']))}{escape(who)} "
                             f"{escape(self.tr('by'))} {escape(e['actor'])}: {escape(e['action'])}</li>")
            html += "<ul>" + "".join(items) + "</ul>"
        else:
            html += f"<p>{escape(self.tr('No custody events recorded.'))}</p>"
        self.label.setText(html)
