"""Sanitised export of one document: plan → redact in a sandbox → verify → atomic write.

Every redaction that is not rejected is applied — proposed ones included: over-
redaction can be undone, a leak cannot — and the result says how many were
still only proposed. The redacted file is written to a temporary file next to
the destination, reopened and checked (`redact_verify`) in a sandbox worker, and
only if every check passes is it fsynced and renamed into place. A failed
check, a hang (the worker's wall clock is the watchdog) or a crash leaves
nothing at the destination and raises an `EvidenceDeskError`."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.core import audit, confine, settings
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Page, Redaction, new_uid
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import (
    EvidenceDeskError,
    InvalidInputError,
    WorkerError,
    WorkerTimeout,
)
from evidence_desk.core.filetypes import is_image
from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.pdf.redact_plan import (
    ExportOutcome,
    ExportPlan,
    PagePlan,
    VerifyOutcome,
    VerifyRequest,
)
from evidence_desk.core.progress import Progress
from evidence_desk.core.redaction.export_log import check_export_redactions
from evidence_desk.core.sandbox import Limits, SandboxWorker
from evidence_desk.core.text.fold import fold_key
from evidence_desk.core.verify_case import VerifyReport

APPLY = "evidence_desk.core.pdf.redact_apply.export_document"
VERIFY = "evidence_desk.core.pdf.redact_verify.verify_export"
COVERED = 0.6  # a word at least this much under boxes is a redacted word
MIN_SECRET = 4  # shorter words ("of", "the") are not searched for on their own


class ExportError(EvidenceDeskError):
    """The export could not be made; nothing was written."""


class ExportVerificationError(ExportError):
    """The exported file failed its leak check; nothing was written."""

    def __init__(self, message: str, report: VerifyReport) -> None:
        super().__init__(message)
        self.report = report


@dataclass(frozen=True)
class ExportOptions:
    flatten: bool = False
    label: bool = False
    tracking_dots: bool = False
    hide_widths: bool = True  # on by default: bars and gaps say nothing about widths
    dpi: int = 200
    jpeg_quality: int = 80
    timeout: float = 120.0  # wall clock for redacting, and again for verifying…
    seconds_per_page: float = 3.0  # …plus this much a page
    memory_mb: int = 3072


@dataclass
class ExportResult:
    output: Path
    document_id: int
    pages: int
    redactions: int  # applied (every one not rejected)
    proposed: int  # of those, still only proposed
    rejected: int  # not applied
    rebuilt_pages: list[int]
    vector_pages: list[int]
    bytes: int
    sha256: str
    verification: VerifyReport
    options: dict[str, Any] = field(default_factory=dict)
    # The black bars as drawn, per page (unrotated points): with width hiding they are
    # not the boxes in the case but bars of random width where the text was.
    bars: dict[int, list[tuple[float, float, float, float]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"output": str(self.output), "document": self.document_id, "pages": self.pages,
                "redactions": self.redactions, "proposed": self.proposed, "rejected": self.rejected,
                "rebuilt_pages": self.rebuilt_pages, "vector_pages": self.vector_pages,
                "bytes": self.bytes, "sha256": self.sha256, "options": self.options,
                "verification": self.verification.to_json()}


def _coverage(rect: Rect, boxes: list[Rect]) -> float:
    area = rect.width * rect.height
    if area <= 0:
        return 0.0
    return min(1.0, sum(rect.intersection_area(b) for b in boxes) / area)


@dataclass
class _Plan:
    plan: ExportPlan
    secrets: list[str]
    allowed: list[str]  # texts of rejected redactions: kept on purpose
    labels: list[str]
    applied: int
    proposed: int
    rejected: int


def build_plan(case: Case, doc_ref: str | int, output: Path, options: ExportOptions) -> tuple[int, _Plan]:
    """Everything the sandbox needs, read from the case in one transaction."""
    with case.read() as s:
        doc = resolve(s, doc_ref)
        pages = s.execute(select(Page).where(Page.document_id == doc.id).order_by(Page.number)).scalars().all()
        rows = s.execute(select(Redaction).where(Redaction.document_id == doc.id)).scalars().all()
        source = str(case.originals.path_for(doc.sha256))
        media_type = doc.media_type
        doc_id = doc.id
    if not Path(source).is_file():
        raise InvalidInputError(f"the original of document {doc_id} is missing from the case; "
                                "run `verify` on the case")
    source_data = case.originals.read_bytes(doc.sha256) if case.originals.encrypted else None
    active = [r for r in rows if r.status != "rejected"]
    rejected_texts = {fold_key(r.match_text) for r in rows if r.status == "rejected" and r.match_text}
    boxes_by_page: dict[int, list[Redaction]] = {}
    for r in active:
        boxes_by_page.setdefault(r.page_number, []).append(r)
    page_plans: list[PagePlan] = []
    languages = settings.load().ocr_languages
    covered_words: set[str] = set()
    kept_words: set[str] = set()
    for page in pages:
        reds = boxes_by_page.get(page.number, [])
        rects = [Rect.normalized(r.x0 or 0, r.y0 or 0, r.x1 or 0, r.y1 or 0) for r in reds]
        keep: list[list[Any]] = []
        taken: list[list[Any]] = []
        for row in page.words or []:
            word = Word.from_row(row)
            cover = _coverage(word.rect, rects) if rects else 0.0
            if cover == 0.0 and not any(word.rect.intersects(b) for b in rects):
                keep.append(row)
                kept_words.add(fold_key(word.text))
            else:
                taken.append(row)
                if cover >= COVERED:
                    covered_words.add(fold_key(word.text))
        page_plans.append(PagePlan(
            number=page.number, boxes=[b.as_tuple() for b in rects], labels=[r.reason for r in reds],
            texts=[r.match_text for r in reds], keep_words=keep, removed_words=taken,
            ocr_languages=page.ocr_languages or languages,
            scanned=is_image(media_type) or page.text_source == "ocr"
            or (page.text_source == "none" and page.has_images),
        ))
    # A redacted string must be gone from the whole file: a copy nobody selected (white,
    # hidden, in look-alike letters) fails the export. Only an occurrence the reviewers
    # rejected is kept on purpose.
    secrets = {r.match_text for r in active if r.match_text and fold_key(r.match_text) not in rejected_texts}
    # A word under a box is looked for everywhere only if it appears nowhere outside a box.
    secrets |= {w for w in covered_words if len(w) >= MIN_SECRET and w not in kept_words}
    plan = ExportPlan(source=source, source_data=source_data, media_type=media_type, output=str(output), pages=page_plans,
                      flatten=options.flatten, label=options.label, tracking_dots=options.tracking_dots,
                      hide_widths=options.hide_widths, dpi=options.dpi, jpeg_quality=options.jpeg_quality)
    labels = sorted({r.reason for r in active}) if options.label else []
    allowed = sorted({r.match_text for r in rows if r.status == "rejected" and r.match_text})
    return doc_id, _Plan(plan, sorted(secrets), allowed, labels, len(active),
                         sum(r.status == "proposed" for r in active), len(rows) - len(active))


def _report(target: Path, outcome: VerifyOutcome) -> VerifyReport:
    return VerifyReport(target=str(target), problems=list(outcome.problems), warnings=list(outcome.warnings),
                        checked=dict(outcome.checked))


def export_pdf(case: Case, doc_ref: str | int, output: Path | str, options: ExportOptions | None = None,
               progress: Progress | None = None) -> ExportResult:
    """Export one document as a sanitised, redacted, verified PDF at `output`."""
    options = options or ExportOptions()
    progress = progress or Progress()
    output = Path(output).expanduser().absolute()
    if output.suffix.lower() != ".pdf":
        raise InvalidInputError(f"{output.name}: the output must be a .pdf file")
    if not output.parent.is_dir():
        raise InvalidInputError(f"{output.parent} does not exist; create the folder first")
    if output.is_dir():
        raise InvalidInputError(f"{output} is a folder; give a file name ending in .pdf")
    # The worker writes only into its scratch folder (inside the jail nothing else is
    # writable); the verified file is copied beside the target and renamed over it.
    temp = confine.scratch_dir() / f"export-{new_uid()[:12]}.pdf"
    part = confine.part_path(output)
    doc_id, planned = build_plan(case, doc_ref, temp, options)
    in_log = check_export_redactions(case, doc_id, planned.plan.pages)  # check (4): before anything is made
    # The wall clock is the watchdog against a hung apply_redactions; long documents get
    # more time (a few seconds a page), never unlimited.
    timeout = options.timeout + options.seconds_per_page * len(planned.plan.pages)
    progress.update(label="Redacting", total=3, done=0)
    worker = SandboxWorker(Limits(memory_mb=options.memory_mb))
    try:
        try:
            outcome: ExportOutcome = worker.call(APPLY, planned.plan, timeout=timeout)
            worker.close()
            progress.update(label="Verifying", done=1)
            checked = _verify(planned, outcome, str(temp), options, timeout)
        except WorkerTimeout as exc:
            raise ExportError(f"redacting document {doc_id} {exc}; nothing was written "
                              "(try --flatten, which does not depend on the file's structure)") from exc
        except WorkerError as exc:
            raise ExportError(f"redacting document {doc_id} failed ({exc}); nothing was written") from exc
        report = _report(output, checked)
        report.checked.update(in_log)
        if not report.ok:
            raise ExportVerificationError(
                f"the export failed its leak check and was not written: {report.problems[0]}"
                + (f" (and {len(report.problems) - 1} more problems)" if len(report.problems) > 1 else ""),
                report)
        progress.update(label="Writing", done=2)
        digest = hashlib.sha256(temp.read_bytes()).hexdigest()
        confine.publish(temp, part, output)
    finally:
        worker.close()
        temp.unlink(missing_ok=True)
        part.unlink(missing_ok=True)
    progress.update(done=3)
    result = ExportResult(output, doc_id, outcome.pages, planned.applied, planned.proposed, planned.rejected,
                          outcome.rebuilt_pages, outcome.vector_pages, outcome.bytes, digest, report,
                          {"flatten": options.flatten, "label": options.label,
                           "tracking_dots": options.tracking_dots, "hide_widths": options.hide_widths},
                          {n: [tuple(b) for b in bars] for n, bars in outcome.bars.items()})
    _record(case, result)
    return result


def _verify(planned: _Plan, outcome: ExportOutcome, path: str, options: ExportOptions,
            timeout: float) -> VerifyOutcome:
    """The check runs in a fresh worker (nothing of the redacting one's state), opening
    the export and the original with PyMuPDF and qpdf."""
    plan = planned.plan
    found = sorted({t for texts in outcome.removed.values() for t in texts if t.strip()})
    request = VerifyRequest(output=path, source=plan.source, source_data=plan.source_data,
                            media_type=plan.media_type, pages=plan.pages,
                            secrets=sorted(set(planned.secrets) | set(found)), allowed=planned.allowed,
                            labels=planned.labels,
                            rebuilt_pages=outcome.rebuilt_pages, bars=outcome.bars,
                            hide_widths=options.hide_widths)
    with SandboxWorker(Limits(memory_mb=options.memory_mb)) as verifier:
        checked: VerifyOutcome = verifier.call(VERIFY, request, timeout=timeout)
    if options.hide_widths and outcome.hidden_widths:
        checked.checked["width_hiding"] = _width_summary(outcome)
    checked.warnings += outcome.warnings
    checked.checked["rebuilt_lines"] = outcome.rebuilt_lines
    checked.checked["restored_glyphs"] = outcome.restored_glyphs
    return checked


def _width_summary(outcome: ExportOutcome) -> dict[str, Any]:
    """How the bars' widths relate to what they replace (for the result, not the file)."""
    ratios = sorted(bar / removed for removed, bar in outcome.hidden_widths if removed > 0)
    return {"bars": len(outcome.hidden_widths), "lines_rebuilt": outcome.rebuilt_lines,
            "bar_to_text_width_min": round(ratios[0], 2) if ratios else None,
            "bar_to_text_width_max": round(ratios[-1], 2) if ratios else None,
            "rule": "bars 3-12 em wide, drawn uniformly whatever they replace (runs up to 12 em); "
                    "over a picture 12-16 em; on scans the rest of the line follows the bar"}


def _record(case: Case, result: ExportResult) -> None:
    """The export goes into the audit log (and so into the redaction log)."""
    with case.write() as s:
        audit.append(s, author=case.author, action="export.pdf", target_type="documents",
                     target_id=result.document_id,
                     data={"document_id": result.document_id, "file": result.output.name,
                           "sha256": result.sha256, "pages": result.pages, "redactions": result.redactions,
                           "proposed": result.proposed, "options": result.options,
                           "audit_anchor": result.verification.checked.get("audit_anchor"),
                           "summary": f"exported {result.output.name} with {result.redactions} redactions "
                                      f"({result.proposed} still proposed)"})

