"""The result of a verification, as a person reads it: what was checked, what failed.

Core's `VerifyReport` carries the facts (`checked`, `problems`, `warnings`); this
module only puts them in words — the same facts the command line prints after
`export-pdf` and `verify`, translated. `ReportDialog` shows one or more reports
(an export of several documents verifies each) under a one-line summary."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from evidence_desk.core.verify_case import VerifyReport


def export_lines(checked: dict[str, Any], hide_widths: bool = True) -> list[str]:
    """What an export's verification checked, one sentence each (as `export-pdf` prints it)."""
    lines = [
        QCoreApplication.translate("VerificationReport", "No removed text anywhere in the file: page text, objects, strings, names, fonts and streams, "
            "checked with PyMuPDF and {parser} ({secrets} strings, as ASCII, hex, UTF-16 and "
            "PDFDocEncoding, look-alike letters folded)").format(
            parser=checked.get("second_parser", "qpdf"), secrets=checked.get("secrets", 0)),
        QCoreApplication.translate("VerificationReport", "Every glyph outside the boxes is still on its line, in order") if hide_widths
        else QCoreApplication.translate("VerificationReport", "Every glyph outside the boxes is still on its line, in order, at its place"),
        QCoreApplication.translate("VerificationReport", "No font outline or Type3 procedure that no text uses; {boxes} boxes render solid; no metadata, "
            "annotations or attachments; {revisions} revision").format(
            boxes=checked.get("boxes", 0), revisions=checked.get("revisions", 1)),
    ]
    width = checked.get("width_hiding")
    if hide_widths and isinstance(width, dict):
        lines.append(QCoreApplication.translate("VerificationReport", "Width hiding: {bars} bar(s) of random width (3–12 em, whatever they replace), "
                         "{lines} line(s) laid out again; bar/text width {low}–{high}").format(
            bars=width.get("bars", 0), lines=width.get("lines_rebuilt", 0),
            low=width.get("bar_to_text_width_min"), high=width.get("bar_to_text_width_max")))
    elif hide_widths:
        lines.append(QCoreApplication.translate("VerificationReport", "Width hiding: on (no line lost text, so no bar was needed)"))
    else:
        lines.append(QCoreApplication.translate("VerificationReport", "Width hiding: off (the gaps and boxes show the removed text's width)"))
    return lines


def checked_lines(report: VerifyReport) -> list[str]:
    """What a case, bundle or PDF verification looked at, in words."""
    c = report.checked
    lines = []
    if "audit_entries" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "Audit chain: {n} entries, every hash linked to the one before").format(
            n=c["audit_entries"]))
    anchor = c.get("anchor", c.get("audit_anchor"))  # a case's check names it one way, a bundle's the other
    if isinstance(anchor, dict):
        line = QCoreApplication.translate("VerificationReport", "Audit anchor: {n} entries, matches the chain's head").format(
            n=anchor.get("entries"))
        if anchor.get("signed_by"):  # a bundle's anchor is signed with the bag
            line += "; " + QCoreApplication.translate("VerificationReport", "Signature: valid, key {fp}").format(
                fp=anchor["signed_by"])
        lines.append(line)
    if isinstance(c.get("replay"), dict):
        replay = c["replay"]
        lines.append(QCoreApplication.translate("VerificationReport", "Audit log replayed against the records: {entries} entries, {records} records, "
                         "{unexplained} the log does not explain").format(
            entries=replay.get("entries"), records=replay.get("records"), unexplained=replay.get("unexplained")))
    if "originals" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "Originals: {n} files, each matching its SHA-256").format(n=c["originals"]))
    if "documents" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "Documents: {n}").format(n=c["documents"]))
    if "members" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "Bundle: {members} members, {payload} payload files checked against the manifests "
                         "({profile} profile)").format(members=c["members"], payload=c.get("payload_files", 0),
                                                      profile=c.get("profile") or "?"))
    if "signature" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "Signature: valid, key {fp}").format(fp=c.get("signer_fingerprint"))
                     if c["signature"] == "valid" else QCoreApplication.translate("VerificationReport", "Signature: none (the bundle is not signed)"))
    if "pdfs_checked" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "Redacted PDFs: {n} checked for leaks").format(n=c["pdfs_checked"]))
    if "pages" in c or "revisions" in c:
        lines.append(QCoreApplication.translate("VerificationReport", "PDF: {pages} pages, {revisions} revision; no metadata, annotations, form fields, "
                         "attachments, scripts or black boxes over live text").format(
            pages=c.get("pages", "?"), revisions=c.get("revisions", "?")))
    if "width_hiding" in c:
        lines.extend(export_lines(c)[3:])
    known = {"audit_entries", "anchor", "audit_anchor", "originals", "members", "payload_files", "profile", "signature",
             "signer_fingerprint", "signer", "signer_known_as", "pdfs_checked", "pages", "revisions",
             "width_hiding", "audit_withheld", "replay", "unexplained", "documents"}
    for key, value in c.items():
        if key not in known:
            lines.append(f"{key.replace('_', ' ')}: {value}")
    return lines


def _heading(text: str, items: Sequence[str], style: str = "") -> str:
    return (f"<p><b>{escape(text)}</b></p><ul>"
            + "".join(f"<li{style}>{escape(item)}</li>" for item in items) + "</ul>")


def report_html(title: str, report: VerifyReport, lines: Sequence[str] | None = None) -> str:
    """One report as HTML: its target, OK/FAILED, the problems, the warnings, what was checked."""
    status = (QCoreApplication.translate("VerificationReport", "verified") if report.ok
              else QCoreApplication.translate("VerificationReport", "FAILED"))
    colour = "#1b7f3b" if report.ok else "#b00020"
    html = [f"<h3>{escape(title)} — <span style='color:{colour}'>{escape(status)}</span></h3>",
            f"<p><code>{escape(report.target)}</code></p>"]
    if report.problems:
        html.append(_heading(QCoreApplication.translate("VerificationReport", "What failed"), report.problems, f" style='color:{colour}'"))
    if report.warnings:
        html.append(_heading(QCoreApplication.translate("VerificationReport", "Warnings"), report.warnings))
    shown = list(lines) if lines is not None else checked_lines(report)
    if shown:
        html.append(_heading(QCoreApplication.translate("VerificationReport", "What was checked"), shown))
    return "".join(html)


class ReportDialog(QDialog):
    """A summary line over one section per report (scrollable)."""

    def __init__(self, title: str, summary: str, sections: Sequence[str], ok: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 520)
        self.ok = ok
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("ReportSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QTextBrowser()
        self.body.setOpenLinks(False)
        self.body.setHtml("<hr>".join(sections))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        """Everything the dialog says, as plain text (tests, copying)."""
        return self.summary.text() + "\n" + self.body.toPlainText()
