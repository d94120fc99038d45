"""OCR as a job: plan the pages, run them on a pool of sandbox workers (one per core),
store each page's text and word boxes in its own small transaction.

The parent's threads only wait on pipes and write to the database; rendering and
Tesseract run in worker processes, so neither the GUI thread nor the CLI's main
thread does OCR work. Text feeds the search index through the pages' triggers."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from evidence_desk.core import audit, settings
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Page
from evidence_desk.core.documents import resolve
from evidence_desk.core.entry_points import OCR_PAGE
from evidence_desk.core.errors import EvidenceDeskError, InvalidInputError, WorkerError
from evidence_desk.core.ocr import jobs, tesseract
from evidence_desk.core.ocr.page_ocr import PageOcr
from evidence_desk.core.progress import Progress
from evidence_desk.core.sandbox import Limits, SandboxWorker

MODES = ("auto", "always", "force")


@dataclass
class OcrReport:
    pages_total: int = 0
    pages_done: int = 0
    failed: list[dict[str, Any]] = field(default_factory=list)
    jobs: list[int] = field(default_factory=list)
    resumed_jobs: list[int] = field(default_factory=list)
    busy_documents: list[int] = field(default_factory=list)  # left alone: another run is reading them
    cancelled: bool = False
    confidences: list[float] = field(default_factory=list)
    cpu_seconds: float = 0.0  # summed over pages: rendering, deskew and Tesseract
    busy_seconds: float = 0.0  # summed over pages: wall time a worker spent on each

    @property
    def mean_confidence(self) -> float | None:
        return round(sum(self.confidences) / len(self.confidences), 1) if self.confidences else None

    def to_json(self) -> dict[str, Any]:
        return {"pages_total": self.pages_total, "pages_done": self.pages_done, "failed": self.failed,
                "jobs": self.jobs, "resumed_jobs": self.resumed_jobs, "cancelled": self.cancelled,
                "mean_confidence": self.mean_confidence, "cpu_seconds": round(self.cpu_seconds, 2)}

    def summary(self) -> str:
        text = f"OCR: {self.pages_done} of {self.pages_total} pages read"
        if self.mean_confidence is not None:
            text += f" (mean confidence {self.mean_confidence:.0f})"
        if self.failed:
            text += f", {len(self.failed)} failed"
        if self.resumed_jobs:
            text += f"; resumed job {', '.join(map(str, self.resumed_jobs))}"
        if self.busy_documents:
            text += (f"; document(s) {', '.join(map(str, self.busy_documents))} left to the OCR run "
                     "already reading them")
        return text + (" — cancelled" if self.cancelled else "")


def default_languages() -> str:
    """The user's OCR languages setting (`core.settings`), rus+eng+deu unless changed."""
    return settings.load().ocr_languages


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _plan(case: Case, doc_ids: list[int] | None, languages: str | None, mode: str,
          skip: set[jobs.PageKey]) -> list[tuple[int, int, str]]:
    with case.read() as s:
        query = select(Page, Document.languages).join(Document, Page.document_id == Document.id)
        if doc_ids is not None:
            query = query.where(Page.document_id.in_(doc_ids))
        query = query.where(Page.text_source != "blank")  # nothing painted: nothing to read, ever
        if mode == "auto":
            query = query.where(Page.needs_ocr.is_(True))
        rows = s.execute(query.order_by(Page.document_id, Page.number)).all()
    fallback = default_languages()
    out = []
    for page, doc_langs in rows:
        if (page.document_id, page.number) in skip:
            continue
        out.append((page.document_id, page.number, languages or doc_langs or fallback))
    return out


class _Runner:
    def __init__(self, case: Case, progress: Progress, report: OcrReport, workers: int,
                 timeout: float, deskew: bool) -> None:
        self.case, self.progress, self.report = case, progress, report
        self.workers, self.timeout, self.deskew = workers, timeout, deskew
        self._local = threading.local()
        self._all: list[SandboxWorker] = []
        self._lock = threading.Lock()
        self._fatal: EvidenceDeskError | None = None
        self.engine = tesseract.version()
        self._sources: dict[int, tuple[str, str]] = {}

    def _worker(self) -> SandboxWorker:
        w = getattr(self._local, "w", None)
        if w is None:
            w = self._local.w = SandboxWorker(Limits(memory_mb=3072))
            with self._lock:
                self._all.append(w)
        return w

    def _source(self, doc_id: int) -> tuple[str, str]:
        with self._lock:
            if doc_id not in self._sources:
                with self.case.read() as s:
                    doc = s.get(Document, doc_id)
                    if doc is None:
                        raise InvalidInputError(f"document {doc_id} no longer exists")
                    self._sources[doc_id] = (str(self.case.originals.path_for(doc.sha256)), doc.media_type)
            return self._sources[doc_id]

    def run(self, job: jobs.OcrJob) -> None:
        todo = job.remaining
        try:
            with ThreadPoolExecutor(max_workers=max(1, min(self.workers, len(todo) or 1)),
                                    thread_name_prefix="ocr") as pool:
                list(pool.map(lambda item: self._one(job.id, item), todo))
        finally:
            for w in self._all:
                w.close()
            self._all.clear()
        if self._fatal is not None:
            jobs.finish(self.case, job.id, "failed", str(self._fatal))
            raise self._fatal
        if self.progress.cancelled:
            self.report.cancelled = True
            jobs.finish(self.case, job.id, "cancelled", "cancelled by the user")
        else:
            jobs.finish(self.case, job.id, "done",
                        f"{len(self.report.failed)} pages failed" if self.report.failed else None)

    def _one(self, job_id: int, item: tuple[int, int, str]) -> None:
        doc_id, number, langs = item
        if self.progress.cancelled or self._fatal is not None:
            return
        started = time.perf_counter()
        try:
            path, media_type = self._source(doc_id)
            result: PageOcr = self._worker().call(
                OCR_PAGE, self.case.originals.worker_source(path), media_type, number - 1, langs, deskew=self.deskew,
                tess_timeout=self.timeout, timeout=self.timeout * 3 + 30)
        except tesseract.OcrUnavailableError as exc:
            self._fatal = exc
            return
        except (WorkerError, EvidenceDeskError) as exc:
            self._store_failure(job_id, doc_id, number, str(exc))
            return
        with self._lock:
            self.report.busy_seconds += time.perf_counter() - started
        self._store(job_id, doc_id, number, langs, result)

    def _store(self, job_id: int, doc_id: int, number: int, langs: str, result: PageOcr) -> None:
        with self.case.write() as s:
            page = s.execute(select(Page).where(Page.document_id == doc_id, Page.number == number)).scalar_one_or_none()
            if page is not None:
                page.text = result.text
                page.words = result.words
                page.text_source = "ocr"
                page.ocr_engine = self.engine[:64]
                page.ocr_languages = langs
                page.ocr_confidence = result.confidence
                page.needs_ocr = False
                audit.append(s, author=self.case.author, action="page.ocr", target_type="pages",
                             target_id=page.id, data={"document": doc_id, "page": number, "languages": langs,
                                                      "words": len(result.words), "confidence": result.confidence,
                                                      "skew": result.skew, "orientation": result.orientation})
            jobs.mark_page(s, job_id, (doc_id, number))
        with self._lock:
            self.report.pages_done += 1
            self.report.cpu_seconds += result.cpu_seconds
            if result.confidence is not None:
                self.report.confidences.append(result.confidence)
        self.progress.advance(1, detail=f"document {doc_id} page {number}")

    def _store_failure(self, job_id: int, doc_id: int, number: int, reason: str) -> None:
        with self.case.write() as s:
            jobs.mark_page(s, job_id, (doc_id, number))
        with self._lock:
            self.report.failed.append({"doc": doc_id, "page": number, "reason": reason})
        self.progress.advance(1, detail=f"document {doc_id} page {number} failed")


def ocr_documents(case: Case, doc_ids: list[int] | None, languages: str | None, progress: Progress,
                  mode: str = "auto", *, workers: int | None = None, timeout: float = 180.0,
                  deskew: bool = True, resume: bool = True) -> OcrReport:
    """OCR pages of `doc_ids` (all documents when None). `mode` auto: pages without usable
    text; always/force: every page (OCR text replaces embedded text). Unfinished OCR jobs
    (left by a crash or kill) are resumed first."""
    if mode not in MODES:
        raise InvalidInputError(f"OCR mode must be one of {', '.join(MODES)}")
    tesseract.binary()
    if languages:
        languages = tesseract.check_languages(languages)
    report = OcrReport()
    runner_args = (workers or default_workers(), timeout, deskew)
    pending = jobs.unfinished(case) if resume else []
    done_keys: set[jobs.PageKey] = set()
    new_pages = []
    for job in pending:
        done_keys |= {(d, n) for d, n, _ in job.pages}
    with case.read() as s:
        busy = jobs.busy_documents(s)
    wanted = _plan(case, doc_ids, languages, mode, done_keys)
    planned = [p for p in wanted if p[0] not in busy]
    report.busy_documents = sorted(busy & {p[0] for p in wanted})
    for langs in {p[2] for p in planned} | {p[2] for j in pending for p in j.remaining}:
        tesseract.check_languages(langs)
    total = sum(len(j.remaining) for j in pending) + len(planned)
    report.pages_total = total
    progress.update(label="OCR", total=total, done=0)
    for job in pending:
        progress.raise_if_cancelled()
        if not jobs.claim(case, job.id):  # another run resumed it first
            continue
        report.resumed_jobs.append(job.id)
        report.jobs.append(job.id)
        _Runner(case, progress, report, *runner_args).run(job)
    if planned and not progress.cancelled:
        new_pages = planned
        created = jobs.create(case, new_pages, mode)  # less documents another run is reading
        if created is not None:
            report.jobs.append(created.id)
            _Runner(case, progress, report, *runner_args).run(created)
    report.cancelled = report.cancelled or progress.cancelled
    return report


def resolve_documents(case: Case, refs: list[str]) -> list[int]:
    with case.read() as s:
        return [resolve(s, r).id for r in refs]


def ocr_after_import(case: Case, doc_ids: list[int], options: Any, progress: Progress) -> dict[str, Any]:
    """The import's follow-up (see core/post_import.py): OCR what needs it, never fail the import."""
    mode = "always" if getattr(options, "ocr", "auto") == "always" else "auto"
    try:
        report = ocr_documents(case, doc_ids, getattr(options, "languages", None), progress, mode,
                               resume=False)
    except tesseract.OcrUnavailableError as exc:
        return {"messages": [f"OCR skipped: {exc}"], "ocr_pages": 0, "ocr_failed": []}
    messages = [report.summary()] if report.pages_total else []
    messages += [f"OCR failed on document {f['doc']} page {f['page']}: {f['reason']}" for f in report.failed]
    return {"messages": messages, "ocr_pages": report.pages_done, "ocr_failed": report.failed,
            "ocr_jobs": report.jobs, "ocr_mean_confidence": report.mean_confidence}


def unfinished_pages(case: Case) -> int:
    """Pages left by OCR jobs that a crash or kill interrupted (the GUI can offer to resume)."""
    return sum(len(job.remaining) for job in jobs.unfinished(case))


def resume_ocr(case: Case, progress: Progress, *, workers: int | None = None) -> OcrReport:
    """Finish interrupted OCR jobs only; start nothing new."""
    return ocr_documents(case, [], None, progress, workers=workers)
