"""Provenance summary: source code name, receipt, verification, chain of custody (read-only here)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.provenance import describe
from evidence_desk.ui.panels.base import AnnotationTab, PanelContext


class ProvenanceTab(AnnotationTab):
    title = QT_TRANSLATE_NOOP("Panels", "Provenance")
    refresh_on = ("provenance",)

    def __init__(self, ctx: PanelContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.label)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)

    def refresh(self) -> None:
        if self.doc_id is None:
            self.label.setText("No document open.")
            return
        try:
            p = describe(self.ctx.case, self.doc_id)
        except EvidenceDeskError as exc:
            self.label.setText(escape(str(exc)))
            return
        rows = [
            ("Source", p["source"] or "— not recorded"),
            ("Received", p["received"] or "—"),
            ("Method", p["method"] or "—"),
            ("Verification", (p["verification"] or "unverified").replace("_", " ")),
            ("Confidence", p["confidence"] or "—"),
            ("Imported", f"{p['imported_at'][:16].replace('T', ' ')} by {p['imported_by'] or '—'}"),
            ("SHA-256", f"<code>{p['sha256']}</code>"),
        ]
        html = "<table cellspacing=4>" + "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>{v if k == 'SHA-256' else escape(v)}</td></tr>"
            for k, v in rows) + "</table>"
        if p.get("notes"):
            html += f"<p>{escape(p['notes'])}</p>"
        html += "<p><b>Chain of custody</b></p>"
        if p["custody"]:
            html += "<ul>" + "".join(
                f"<li>{escape(e['at'][:16].replace('T', ' '))} — {escape(e['actor'])}: {escape(e['action'])}</li>"
                for e in p["custody"]) + "</ul>"
        else:
            html += "<p>No custody events recorded (use <code>evidence-desk provenance</code>).</p>"
        self.label.setText(html)
