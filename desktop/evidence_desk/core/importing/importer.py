"""Import: stage → identify → parse in a sandbox → store → one transaction.

For each file: it is streamed into the case's staging folder while hashed (so
the bytes we parse are the bytes we keep, whatever happens to the user's copy),
its type is sniffed from its header, a sandbox worker opens it and extracts its
pages in chunks (time- and memory-limited), the original is moved to its content
address, and only then is the document written, with its pages and its audit
entry, in one transaction. A failure at any step discards the staged copy: no
half-imported document can exist. Files are processed by N workers in parallel
(processes; the parent's threads only wait on pipes and disk)."""

from __future__ import annotations

import errno
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from evidence_desk import __version__
from evidence_desk.core import audit
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Provenance
from evidence_desk.core.errors import (
    CancelledError,
    DiskFullError,
    EvidenceDeskError,
    RefusedFileError,
    WorkerCrashed,
    WorkerError,
    WorkerTimeout,
)
from evidence_desk.core.filetypes import PDF, SUPPORTED, looks_like_pdf, sniff, sniff_file
from evidence_desk.core.importing.discover import discover
from evidence_desk.core.importing.ordering import InOrder
from evidence_desk.core.importing.report import FileOutcome, ImportReport
from evidence_desk.core.importing.untrusted import parse_untrusted, unlock
from evidence_desk.core.pdf.extract_types import DocumentProbe, ExtractedPage
from evidence_desk.core.progress import Progress
from evidence_desk.core.provenance import import_facts
from evidence_desk.core.sandbox import Limits, SandboxWorker
from evidence_desk.core.storage import StagedFile

EXTRACT = "evidence_desk.core.pdf.extract"
INSERT_PAGE = text(
    "INSERT INTO pages (document_id, number, width, height, rotation, text, text_source, "
    "needs_ocr, has_images, words) VALUES (:document_id, :number, :width, :height, :rotation, "
    ":text, :text_source, :needs_ocr, :has_images, :words)"
)


@dataclass(frozen=True)
class ImportOptions:
    workers: int = 2
    timeout: float = 60.0  # wall clock per worker call (probe, or one chunk of pages)
    memory_mb: int = 3072
    max_pages: int = 20_000
    max_bytes: int = 2 * 1024**3
    chunk_pages: int = 64
    ocr: str = "auto"  # auto|always|never — acted on by the caller after import
    languages: str | None = None


OutcomeListener = Callable[[FileOutcome], None]


class _Importer:
    def __init__(self, case: Case, options: ImportOptions, progress: Progress,
                 on_outcome: OutcomeListener | None = None, password: bytes | None = None,
                 from_store: dict[Path, str] | None = None) -> None:
        self.case = case
        self.password = password
        self.from_store = from_store or {}
        self.options = options
        self.progress = progress
        self.on_outcome = on_outcome
        # sha256 → (event set when that file's import ends, its outcome once known)
        self._in_flight: dict[str, tuple[threading.Event, list[FileOutcome]]] = {}
        self._lock = threading.Lock()
        self._local = threading.local()
        self._workers: list[SandboxWorker] = []
        self._idle: queue.Queue[SandboxWorker] = queue.Queue()
        # Files commit in the order they were given, whichever worker finishes first, so
        # document ids follow the user's order on every run (parsing still overlaps).
        self._turn = 0
        self._turn_changed = threading.Condition()
        self._staging = InOrder()
        self._local.index = -1

    def _wait_for_turn(self) -> None:
        index = self._local.index
        with self._turn_changed:
            while self._turn < index:
                self._turn_changed.wait(0.5)

    def _end_turn(self) -> None:
        """This file will write nothing more: let the next one commit."""
        index = self._local.index
        if getattr(self._local, "ended", None) == index:
            return
        self._local.ended = index
        with self._turn_changed:
            while self._turn < index:
                self._turn_changed.wait(0.5)
            self._turn = index + 1
            self._turn_changed.notify_all()

    def start_workers(self, count: int) -> None:
        """Spawn the parser processes up front: their start-up (a fresh interpreter plus
        PyMuPDF) overlaps with the first files being copied and hashed."""
        for _ in range(count):
            worker = SandboxWorker(Limits(memory_mb=self.options.memory_mb), preload=(EXTRACT,))
            worker.start()
            self._idle.put(worker)
            self._workers.append(worker)

    @contextmanager
    def worker(self) -> Iterator[SandboxWorker]:
        """A parser process for one file, given back as soon as the file is parsed: the
        thread then waits for its turn and writes the database while the worker already
        parses the next file (which another thread has copied and hashed meanwhile)."""
        while True:
            self.progress.raise_if_cancelled()
            try:
                worker = self._idle.get(timeout=0.2)
                break
            except queue.Empty:
                continue
        try:
            yield worker
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        for worker in self._workers:
            worker.close()

    def run_one(self, item: tuple[int, Path]) -> FileOutcome:
        index, path = item
        self._local.index = index
        try:
            if self.progress.cancelled:
                return FileOutcome(path, "skipped", "import cancelled", "cancelled")
            try:
                outcome = self._import(path)
            except (EvidenceDeskError, OSError) as exc:
                failed = self._failure(path, exc)
                if failed is None:
                    raise
                outcome = failed
            finally:
                self.progress.advance(1, detail=path.name)
        finally:
            self._staging.done(index)
            self._end_turn()
        if self.on_outcome is not None:
            with self._lock:  # listeners see one outcome at a time, each after its commit
                self.on_outcome(outcome)
        return outcome

    def _failure(self, path: Path, exc: BaseException) -> FileOutcome | None:
        """The outcome for a file whose import raised `exc` (None: not a per-file failure)."""
        if isinstance(exc, RefusedFileError):
            return FileOutcome(path, "refused", str(exc), exc.code)
        if isinstance(exc, WorkerTimeout):
            return FileOutcome(path, "refused", f"the parser {exc}", "timeout")
        if isinstance(exc, WorkerCrashed):
            return FileOutcome(path, "refused", f"the parser failed: {exc}", "crashed")
        if isinstance(exc, WorkerError):  # the parser raised something it does not name: a broken file
            return FileOutcome(path, "refused", f"the parser could not read the file ({exc})", "malformed")
        if isinstance(exc, CancelledError):
            return FileOutcome(path, "skipped", "import cancelled", "cancelled")
        if isinstance(exc, DiskFullError):
            self.progress.cancel()  # every later file would fail the same way
            return FileOutcome(path, "refused", str(exc), "disk_full")
        if isinstance(exc, EvidenceDeskError):
            return FileOutcome(path, "refused", str(exc), "error")
        if isinstance(exc, PermissionError):
            return FileOutcome(path, "refused", f"cannot read the file ({exc.strerror})", "unreadable")
        if isinstance(exc, IsADirectoryError):
            return FileOutcome(path, "refused", "is a folder", "unreadable")
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            self.progress.cancel()
            return FileOutcome(path, "refused", "the disk holding the case is full; free some space and "
                               "import again (this file was not added)", "disk_full")
        return None

    def _import(self, path: Path) -> FileOutcome:
        # Files are copied and claimed in the order given (while others are parsed), so that of
        # two copies of the same bytes the first given is imported (claimed before the next turn).
        self._staging.wait(self._local.index)
        try:
            stored = self.from_store.get(path)
            data = self.case.originals.read_bytes(stored) if stored is not None else None
            media_type = sniff_file(path) if data is None else (
                sniff(data[:1024]) or (PDF if looks_like_pdf(data[:1024], data[-1024:]) else None))
            if media_type not in SUPPORTED:
                raise RefusedFileError("not a PDF or a supported image (JPEG, PNG, TIFF, WebP, BMP, GIF)",
                                       "unsupported")
            staged = (self.case.originals.stage(path, max_bytes=self.options.max_bytes) if data is None
                      else self.case.originals.stage_bytes(data, path.name, max_bytes=self.options.max_bytes))
            with self._lock:
                claim = self._in_flight.get(staged.sha256)
                if claim is None:
                    mine: tuple[threading.Event, list[FileOutcome]] = (threading.Event(), [])
                    self._in_flight[staged.sha256] = mine
        finally:
            self._staging.done(self._local.index)
        try:
            if claim is not None:
                return self._same_as(path, staged.sha256, claim)
            try:
                outcome = self._first_copy(path, staged, media_type)
                mine[1].append(outcome)
                return outcome
            except (EvidenceDeskError, OSError) as exc:
                failed = self._failure(path, exc)
                if failed is not None:
                    mine[1].append(failed)
                raise
            finally:
                mine[0].set()
        finally:
            self.case.originals.discard(staged)  # no-op once committed (the temp was renamed)

    def _first_copy(self, path: Path, staged: StagedFile, media_type: str) -> FileOutcome:
        existing = self._existing(staged.sha256)
        if existing is not None and not self.case.originals.exists(staged.sha256):
            return self._restore(path, staged, existing)
        if existing is not None:
            return FileOutcome(path, "duplicate", f"already in the case as document {existing}",
                               "duplicate", existing, staged.sha256)
        return self._parse_and_store(path, staged, media_type)

    def _restore(self, path: Path, staged: StagedFile, doc_id: int) -> FileOutcome:
        """The case lost this document's original (deleted, a failed disk): these are the
        same bytes (same SHA-256), so they take its place."""
        self.case.originals.commit(staged)
        with self.case.write() as s:
            audit.append(s, author=self.case.author, action="document.restore_original",
                         target_type="documents", target_id=doc_id,
                         data={"sha256": staged.sha256, "filename": path.name,
                               "summary": f"restored the missing original of document {doc_id}"})
        return FileOutcome(path, "restored", f"the missing original of document {doc_id} was restored "
                           "from this file", "restored", doc_id, staged.sha256)

    def _same_as(self, path: Path, sha256: str, claim: tuple[threading.Event, list[FileOutcome]]) -> FileOutcome:
        """The same bytes appear twice in this import: wait for the other copy, share its fate."""
        self._end_turn()  # this copy writes nothing; the other may come later in the order
        done, result = claim
        while not done.wait(0.2):
            self.progress.raise_if_cancelled()
        if result and result[0].status == "imported":
            return FileOutcome(path, "duplicate", f"same file as {result[0].path.name} (document "
                               f"{result[0].document_id}) in this import", "duplicate",
                               result[0].document_id, sha256)
        if result and result[0].status in ("duplicate", "restored"):  # the case had it already
            return FileOutcome(path, "duplicate", f"already in the case as document {result[0].document_id}",
                               "duplicate", result[0].document_id, sha256)
        reason = result[0].reason if result else "its other copy in this import was not imported"
        code = result[0].code if result else "error"
        return FileOutcome(path, "refused", f"same file as one refused above: {reason}", code)

    def _existing(self, sha256: str) -> int | None:
        with self.case.read() as s:
            return s.execute(select(Document.id).where(Document.sha256 == sha256)).scalar_one_or_none()

    def _parse_and_store(self, path: Path, staged: StagedFile, media_type: str) -> FileOutcome:
        opts = self.options
        encrypted_sha256 = None
        with self.worker() as worker:
            try:
                probe, pages = parse_untrusted(worker, staged, media_type, opts, self.progress,
                                               self.case.originals)
            except RefusedFileError as exc:
                if exc.code != "encrypted" or self.password is None:
                    raise
                encrypted_sha256 = staged.sha256
                staged = unlock(worker, self.case, staged, self.password, opts)
                try:
                    probe, pages = parse_untrusted(worker, staged, media_type, opts, self.progress,
                                                   self.case.originals)
                except BaseException:
                    self.case.originals.discard(staged)
                    raise
        if encrypted_sha256 is not None:
            existing = self._existing(staged.sha256)
            if existing is not None:
                self.case.originals.discard(staged)
                return FileOutcome(path, "duplicate", f"already in the case as document {existing}",
                                   "duplicate", existing, staged.sha256)
            probe.warnings.append(f"imported from a password-protected PDF (SHA-256 {encrypted_sha256}); "
                                  "the case keeps a decrypted copy, the password was not kept")
        try:
            return self._store(path, staged, media_type, probe, pages)
        finally:
            if encrypted_sha256 is not None:
                self.case.originals.discard(staged)  # no-op once committed

    def _store(self, path: Path, staged: StagedFile, media_type: str, probe: DocumentProbe,
               pages: list[ExtractedPage]) -> FileOutcome:
        opts = self.options
        self.progress.raise_if_cancelled()
        self._wait_for_turn()
        self.progress.raise_if_cancelled()
        self.case.originals.commit(staged)
        with self.case.write() as s:
            doc = Document(
                sha256=staged.sha256,
                filename=path.name,
                media_type=media_type,
                size_bytes=staged.size,
                page_count=len(pages),
                title=probe.metadata.get("title") or None,
                imported_by=self.case.author,
                warnings=list(probe.warnings) + [w for p in pages for w in getattr(p, "warnings", [])],
                source_metadata=probe.metadata,
                languages=opts.languages,
            )
            s.add(doc)
            s.flush()
            facts = import_facts(path, __version__)
            s.add(Provenance(document_id=doc.id, **facts))
            # One executemany with the workers' ready-made JSON: no ORM object per page.
            s.execute(INSERT_PAGE, [
                {"document_id": doc.id, "number": p.number, "width": p.width, "height": p.height,
                 "rotation": p.rotation, "text": p.text,
                 "text_source": _text_source(p),
                 "needs_ocr": p.needs_ocr, "has_images": p.has_images, "words": p.words_json or "[]"}
                for p in pages
            ])
            audit.append(s, author=self.case.author, action="document.import", target_type="documents",
                         target_id=doc.id, data={"sha256": staged.sha256, "filename": path.name,
                                                 "media_type": media_type, "pages": len(pages),
                                                 "size_bytes": staged.size, "title": doc.title,
                                                 "languages": doc.languages, **facts})
            doc_id = doc.id
        return FileOutcome(path, "imported", "", "", doc_id, staged.sha256, len(pages))


def _text_source(page: Any) -> str:
    if getattr(page, "blank", False):
        return "blank"
    return "none" if page.needs_ocr and not page.text.strip() else "embedded"


def import_paths(
    case: Case,
    paths: Iterable[Path | str],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    *,
    on_outcome: OutcomeListener | None = None,
    password: bytes | None = None,
    from_store: dict[Path, str] | None = None,
) -> ImportReport:
    """Import files and folders; `on_outcome` hears of each file as soon as it is
    settled (an imported file only after its transaction committed).

    `password` opens the password-protected PDFs among them (a wrong one refuses the file
    with code `bad_password`); it is passed to the sandbox worker and kept nowhere.

    `from_store` (repair, core/repair.py): more files to import, each a name that need not
    exist (the name the log gave it) mapped to the SHA-256 of an original the case already
    stores, whose plaintext is read in memory — so in an encrypted case no decrypted copy
    is written anywhere."""
    options = options or ImportOptions()
    progress = progress or Progress()
    # Never import the case into itself (a folder holding the case folder, or the case).
    own = case.path.resolve()
    skipped: list[FileOutcome] = []
    files = [f for f in discover(paths, skipped) if not f.resolve().is_relative_to(own)]
    files += list(from_store or {})
    progress.update(label="Importing", total=len(files), done=0)
    importer = _Importer(case, options, progress, on_outcome, password, from_store)
    report = ImportReport()
    try:
        workers = max(1, min(options.workers, len(files)))
        if files:
            importer.start_workers(workers)
        # Files are taken in the order given (commits follow that order, see _Importer), so
        # document ids are the same on every run whatever the number of workers.
        # One thread more per worker than workers: while a worker parses one file, another
        # thread copies and hashes the next, and the first writes its file's rows.
        threads = max(1, min(2 * workers, len(files)))
        with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="import") as pool:
            outcomes = list(pool.map(importer.run_one, enumerate(files)))
    finally:
        importer.close()
    if progress.cancelled:
        report.cancelled = True
    report.outcomes = skipped + [o for o in outcomes if o.status != "skipped"]
    return report

