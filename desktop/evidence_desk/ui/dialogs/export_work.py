"""What the export dialog's background job runs: core's exports, one call each.

Sanitised PDFs: `core.redaction.export.export_pdf` for each chosen document (each
verified before it is written, as `export-pdf` does); a document that fails is
reported and the others still go. A bundle: `core.bundle.export.export_bundle`,
then `verify_bundle_file` on what was written, so the result says what a
recipient's `verify` will find. No Qt here: these run on a worker thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidence_desk.core.bundle.export import BundleOptions, BundleResult, export_bundle
from evidence_desk.core.bundle.verify_bundle import verify_bundle_file
from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.progress import Progress
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.redaction.export import (
    ExportOptions,
    ExportResult,
    ExportVerificationError,
    export_pdf,
)
from evidence_desk.core.verify_case import VerifyReport


@dataclass
class PdfFailure:
    document_id: int
    filename: str
    message: str
    report: VerifyReport | None = None  # when the leak check refused the file


@dataclass
class PdfExports:
    results: list[ExportResult] = field(default_factory=list)
    failures: list[PdfFailure] = field(default_factory=list)
    options: ExportOptions = field(default_factory=ExportOptions)


@dataclass
class BundleExport:
    result: BundleResult
    verification: VerifyReport


def pdf_targets(case: Case, doc_ids: list[int], destination: Path) -> dict[int, Path]:
    """Where each document goes: `destination` itself for one document named *.pdf, else
    `<folder>/<name>-redacted.pdf` (the id added when two documents share a name)."""
    if len(doc_ids) == 1 and destination.suffix.lower() == ".pdf":
        return {doc_ids[0]: destination}
    names = {d.id: Path(d.filename).stem for d in list_documents(case) if d.id in set(doc_ids)}
    stems = list(names.values())
    return {doc_id: destination / (f"{names[doc_id]}-redacted.pdf" if stems.count(names[doc_id]) == 1
                                   else f"{names[doc_id]}-{doc_id}-redacted.pdf") for doc_id in doc_ids}


def export_pdfs(case: Case, targets: dict[int, Path], options: ExportOptions, progress: Progress,
                label: str = "Exporting {n} of {total}") -> PdfExports:
    """`label`: the progress line (translated by the caller), with {n} and {total}."""
    out = PdfExports(options=options)
    names = {d.id: d.filename for d in list_documents(case)}
    total = len(targets)
    for number, (doc_id, target) in enumerate(targets.items(), start=1):
        progress.raise_if_cancelled()
        step = Progress()
        name = names.get(doc_id, str(doc_id))
        step.subscribe(lambda state, n=number, name=name: progress.update(
            label=label.format(n=n, total=total), total=3 * total, done=3 * (n - 1) + state.done,
            detail=f"{name}: {state.label}"))
        try:
            out.results.append(export_pdf(case, doc_id, target, options, step))
        except ExportVerificationError as exc:
            out.failures.append(PdfFailure(doc_id, names.get(doc_id, str(doc_id)), str(exc), exc.report))
        except EvidenceDeskError as exc:
            out.failures.append(PdfFailure(doc_id, names.get(doc_id, str(doc_id)), str(exc)))
    progress.raise_if_cancelled()
    return out


def export_verified_bundle(case: Case, output: Path, options: BundleOptions, progress: Progress,
                           label: str = "Verifying the bundle") -> BundleExport:
    result = export_bundle(case, output, options, progress)
    progress.update(label=label, total=None, detail=output.name)
    return BundleExport(result, verify_bundle_file(result.output))
