"""Case › Export…: sanitised PDFs of one document, the selection or every document, or a
bundle (`export OUT.zip --profile … [--doc …] [--sign]`).

The dialog only gathers choices; the export runs as a background job with progress
and cancel (`export_work`), and its result dialog lists what the verification
checked for each file — the same facts `export-pdf` and `verify` print."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core import settings as core_settings
from evidence_desk.core.bundle.export import BundleOptions
from evidence_desk.core.redaction.export import ExportOptions
from evidence_desk.core.vocabulary import EXPORT_PROFILES
from evidence_desk.ui.dialogs.document_scope import DocumentScope
from evidence_desk.ui.dialogs.export_work import (
    BundleExport,
    PdfExports,
    export_pdfs,
    export_verified_bundle,
    pdf_targets,
)
from evidence_desk.ui.dialogs.report_view import (
    ReportDialog,
    checked_lines,
    export_lines,
    report_html,
)
from evidence_desk.ui.jobs import Job


class ExportDialog(QDialog):
    """`window`: the MainWindow (its case, job manager, selection and active viewer)."""

    resultShown = Signal(object)  # the ReportDialog with the outcome
    started = Signal(object)  # the Job

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main = window
        self.case = window.case
        self.job: Job | None = None
        self.result_dialog: ReportDialog | None = None
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)

        scope_box = DocumentScope(window)
        self.documents = scope_box
        self.this_doc, self.selection, self.everything = scope_box.this_doc, scope_box.selection, scope_box.everything
        self.scope = scope_box.group

        self.as_pdf = QRadioButton(self.tr("Sanitised &PDF (redactions applied, verified before writing)"))
        self.as_bundle = QRadioButton(self.tr("&Bundle: a verifiable, optionally signed .zip"))
        self.as_bundle.setToolTip(self.tr("Sanitised PDFs (and, internal profile, the originals), annotations, "
                                          "entities, provenance, the audit log and an offline report"))
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.as_pdf)
        self.kind.addButton(self.as_bundle)
        self.as_pdf.setChecked(True)
        kind_box = QGroupBox(self.tr("Export as"))
        kind_layout = QVBoxLayout(kind_box)
        kind_layout.addWidget(self.as_pdf)
        kind_layout.addWidget(self.as_bundle)

        self.hide_widths = QCheckBox(self.tr("&Hide widths (bars of random width; lines laid out again)"))
        self.hide_widths.setChecked(True)
        self.flatten = QCheckBox(self.tr("&Flatten: pages as pictures, text layer only outside redactions"))
        self.label = QCheckBox(self.tr("Print the &reason code on each box"))
        self.tracking_dots = QCheckBox(self.tr("Whiten printer &tracking dots on colour scans"))
        pdf_page = QWidget()
        pdf_layout = QVBoxLayout(pdf_page)
        pdf_layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.hide_widths, self.flatten, self.label, self.tracking_dots):
            pdf_layout.addWidget(box)

        self.profile = QComboBox()
        labels = {"publication": self.tr("Publication: redacted files only, no source identity"),
                  "internal": self.tr("Internal: everything, the originals included")}
        for profile in EXPORT_PROFILES:
            self.profile.addItem(labels.get(profile, profile), profile)
        self.profile.setCurrentIndex(max(0, self.profile.findData(core_settings.load().export_profile)))
        self.sign = QCheckBox(self.tr("Si&gn with my key"))
        self.key_name = QLineEdit("default")
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("the key's passphrase (used once, not stored)"))
        for w in (self.key_name, self.passphrase):
            w.setEnabled(False)
            self.sign.toggled.connect(w.setEnabled)
        bundle_page = QWidget()
        bundle_form = QFormLayout(bundle_page)
        bundle_form.setContentsMargins(0, 0, 0, 0)
        bundle_form.addRow(self.tr("Pro&file"), self.profile)
        bundle_form.addRow(self.sign)
        bundle_form.addRow(self.tr("&Key"), self.key_name)
        bundle_form.addRow(self.tr("Pass&phrase"), self.passphrase)
        self.options = QStackedWidget()
        self.options.addWidget(pdf_page)
        self.options.addWidget(bundle_page)
        options_box = QGroupBox(self.tr("Options"))
        QVBoxLayout(options_box).addWidget(self.options)

        self.destination = QLineEdit()
        browse = QPushButton(self.tr("B&rowse…"))
        browse.clicked.connect(self.browse)
        dest_row = QHBoxLayout()
        dest_row.addWidget(self.destination, 1)
        dest_row.addWidget(browse)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(scope_box)
        layout.addWidget(kind_box)
        layout.addWidget(options_box)
        dest_label = QLabel(self.tr("&Save to"))
        dest_label.setBuddy(self.destination)
        layout.addWidget(dest_label)
        layout.addLayout(dest_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.as_bundle.toggled.connect(self._kind_changed)
        self.scope.buttonToggled.connect(lambda *_: self._suggest_destination())
        self._suggest_destination()

    # -- choices ---------------------------------------------------------------------------

    def doc_ids(self) -> list[int]:
        """The chosen documents; empty means every document of the case."""
        return self.documents.doc_ids() or []

    def _kind_changed(self, bundle: bool) -> None:
        self.options.setCurrentIndex(1 if bundle else 0)
        self._suggest_destination()

    def _suggest_destination(self) -> None:
        base = Path.home()
        ids = self.doc_ids()
        if self.as_bundle.isChecked():
            suggestion = base / f"{self.case.path.name}-bundle.zip"
        elif len(ids) == 1:
            name = Path(self.main.browser.title_of(ids[0]) or "document").stem
            suggestion = base / f"{name}-redacted.pdf"
        else:
            suggestion = base / f"{self.case.path.name}-redacted"
        self.destination.setText(str(suggestion))

    def browse(self) -> None:
        current = self.destination.text()
        if self.as_bundle.isChecked():
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the bundle as"), current,
                                                  self.tr("Bundles (*.zip)"))
        elif len(self.doc_ids()) == 1:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the PDF as"), current, self.tr("PDF (*.pdf)"))
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the PDFs"), current)
        if path:
            self.destination.setText(path)

    def pdf_options(self) -> ExportOptions:
        return ExportOptions(flatten=self.flatten.isChecked(), label=self.label.isChecked(),
                             tracking_dots=self.tracking_dots.isChecked(), hide_widths=self.hide_widths.isChecked())

    # -- running ---------------------------------------------------------------------------

    def start(self) -> Job | None:
        """Check the choices and start the export job (None, with a message shown, if they are wrong)."""
        text = self.destination.text().strip()
        if not text:
            self.error.setText(self.tr("Choose where to save the export."))
            return None
        destination = Path(text).expanduser()
        case = self.case
        if self.as_bundle.isChecked():
            if destination.suffix.lower() != ".zip":
                destination = destination.with_suffix(".zip")
            if self.sign.isChecked() and not self.passphrase.text():
                self.error.setText(self.tr("Give the passphrase of the key to sign with."))
                return None
            refs = tuple(str(i) for i in self.doc_ids())
            key = (self.key_name.text().strip() or "default") if self.sign.isChecked() else None
            options = BundleOptions(profile=str(self.profile.currentData()), documents=refs, sign_key=key,
                                    passphrase=self.passphrase.text() or None if key else None)
            label = self.tr("Verifying the bundle")
            job = self.main.jobs.start(self.tr("Exporting a bundle"),
                                       lambda p: export_verified_bundle(case, destination, options, p, label))
            job.succeeded.connect(self._bundle_done)
        else:
            ids = self.doc_ids() or [row.id for row in self.main.browser.model.rows]
            if not ids:
                self.error.setText(self.tr("The case holds no documents to export."))
                return None
            if not (len(ids) == 1 and destination.suffix.lower() == ".pdf"):
                try:
                    destination.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    self.error.setText(self.tr("Cannot create the folder {path} ({why}).").format(
                        path=destination, why=exc.strerror))
                    return None
            options = self.pdf_options()
            label = self.tr("Exporting {n} of {total}")
            job = self.main.jobs.start(self.tr("Exporting sanitised PDFs"),  # file names read in the job too
                                       lambda p: export_pdfs(case, pdf_targets(case, ids, destination), options, p,
                                                             label))
            job.succeeded.connect(self._pdfs_done)
        self.passphrase.clear()  # used once, never kept
        self.job = job
        self.started.emit(job)
        self.accept()
        return job

    def _pdfs_done(self, outcome: PdfExports) -> None:
        hide = outcome.options.hide_widths
        sections = []
        for r in outcome.results:
            title = self.tr("{name}: {pages} pages, {n} redactions applied").format(
                name=r.output.name, pages=r.pages, n=r.redactions)
            lines = export_lines(r.verification.checked, hide)
            if r.proposed:
                lines.append(self.tr("{n} of the applied redactions are still only proposed").format(n=r.proposed))
            sections.append(report_html(title, r.verification, lines))
        for f in outcome.failures:
            if f.report is not None:
                sections.append(report_html(f.filename, f.report, []))
            else:
                sections.append(f"<h3>{escape(f.filename)}</h3><p style='color:#b00020'>{escape(f.message)}</p>")
        ok = not outcome.failures
        summary = (self.tr("{n} sanitised PDF(s) written and verified.").format(n=len(outcome.results)) if ok else
                   self.tr("{n} written and verified; {m} not written: {first}").format(
                       n=len(outcome.results), m=len(outcome.failures), first=outcome.failures[0].message))
        self._show(self.tr("Export finished") if ok else self.tr("Export incomplete"), summary, sections, ok)

    def _bundle_done(self, outcome: BundleExport) -> None:
        r, report = outcome.result, outcome.verification
        summary = self.tr("{path}: {profile} profile, {docs} documents, {members} members, {size} bytes; "
                          "audit log of {entries} entries").format(
            path=r.output, profile=r.profile, docs=r.documents, members=r.members, size=f"{r.bytes:,}",
            entries=r.audit_entries)
        if r.withheld_entries:
            summary += " " + self.tr("({n} withheld: they quote redacted or internal text)").format(
                n=r.withheld_entries)
        if r.signer_fingerprint:
            summary += " " + self.tr("Signed by key {fp}.").format(fp=r.signer_fingerprint)
        title = self.tr("Verification of the written bundle")
        self._show(self.tr("Bundle exported") if report.ok else self.tr("Bundle exported, but it failed "
                                                                        "verification"),
                   summary, [report_html(title, report, checked_lines(report))], report.ok)

    def _show(self, title: str, summary: str, sections: list[str], ok: bool) -> None:
        dialog = ReportDialog(title, summary, sections, ok, self.main)
        self.result_dialog = dialog
        dialog.open()
        self.resultShown.emit(dialog)
