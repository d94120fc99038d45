"""`import-bundle BUNDLE.zip`: merge a colleague's internal bundle into this case.

Order matters, so that a refused or interrupted import leaves the case as it was:
1. the zip is read as untrusted and checked whole (`verify_bundle.checked_bundle`:
   names, types, sizes, bombs, checksums, signature, audit chain) — any problem
   refuses the bundle before anything is written;
2. `records.json` is checked field by field (`validate_records`);
3. the merge is planned against this case (`merge_plan`): new records, records to
   adopt, conflicts;
4. each original the case lacks goes through the hostile-input path of a normal
   import: staged and hashed (the hash must be the one the bundle names), its type
   sniffed from its bytes, parsed in a sandbox worker (as many at once as an import
   runs), its pages' search index columns computed meanwhile;
5. only then are the originals stored and every record written in one transaction
   — one audited command, one step of the case's history (`undo` takes it back;
   the originals stay in the store, where redo finds them). If that transaction
   fails, the originals this import stored are removed again."""

from __future__ import annotations

import json
import queue
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_desk.core.bundle.json_input import read_json
from evidence_desk.core.bundle.layout import AUDIT, RECORDS, original_name
from evidence_desk.core.bundle.merge_command import MergeBundle, NewDocument
from evidence_desk.core.bundle.merge_plan import RESOLUTIONS, Conflict, MergePlan, keyed, plan_merge
from evidence_desk.core.bundle.records import read_records
from evidence_desk.core.bundle.safe_zip import ZipLimits
from evidence_desk.core.bundle.validate_records import parse_records
from evidence_desk.core.bundle.verify_bundle import CheckedBundle, checked_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.errors import (
    BundleRefusedError,
    InvalidInputError,
    RefusedFileError,
    WorkerError,
)
from evidence_desk.core.filetypes import sniff_file
from evidence_desk.core.importing.importer import EXTRACT, ImportOptions
from evidence_desk.core.importing.untrusted import parse_untrusted
from evidence_desk.core.progress import Progress
from evidence_desk.core.sandbox import Limits, SandboxWorker
from evidence_desk.core.storage import StagedFile
from evidence_desk.core.text.stream import forget_warm, warm_index

MAX_RECORDS_BYTES = 512 * 1024 * 1024
# A publication bundle is made to be handed out, not merged: its PDFs are sanitised copies
# (other bytes, so other hashes than the originals a case knows documents by), and it carries
# no records (only what may be published: no source identity, no redacted text, entries of
# the log withheld). Merging it would add documents no original or custody chain stands
# behind and records that cannot be matched; so it is refused, saying what to do instead.
PUBLICATION_REFUSED = (
    "this is a publication bundle, made to be handed out rather than merged: its PDFs are sanitised copies, "
    "not the originals this case identifies documents by, and it carries no records to merge (no source "
    "identities, no redacted text, part of the log withheld). Nothing was imported. To merge a colleague's "
    "work, ask them for an internal bundle (export --profile internal); to check this one, run verify on it; "
    "to keep its PDFs, import them as documents received in their own right")


@dataclass
class ImportBundleResult:
    bundle: str
    plan: MergePlan
    documents_added: int
    resolution: str | None
    changes: Changes  # what the merge changed; `case.history.undo()` takes it back
    warnings: list[str] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)  # what the bundle's check looked at (`VerifyReport`)
    seconds: dict[str, float] = field(default_factory=dict)  # check, plan, parse, write
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # the same steps' CPU time in this process

    @property
    def conflicts(self) -> list[Conflict]:
        return self.plan.conflicts

    def to_json(self) -> dict[str, Any]:
        return {"bundle": self.bundle, "documents_added": self.documents_added, **self.plan.counts(),
                "resolution": self.resolution, "conflict_list": [c.to_json() for c in self.plan.conflicts],
                "warnings": self.warnings, "checked": self.checked,
                "seconds": {k: round(v, 3) for k, v in self.seconds.items()}}


def refuse_unmergeable(bundle: CheckedBundle) -> None:
    problems = bundle.report.problems
    if problems:
        more = f" (and {len(problems) - 1} more problems; run `verify` on it)" if len(problems) > 1 else ""
        raise BundleRefusedError(f"the bundle was refused, nothing was imported: {problems[0]}{more}")
    if bundle.info.get("Bundle-Profile") != "internal" or RECORDS not in {
            n.removeprefix("data/") for n in bundle.payload}:
        raise BundleRefusedError(PUBLICATION_REFUSED)


def their_records(bundle: CheckedBundle) -> Any:
    path = bundle.data(RECORDS)
    if path.stat().st_size > MAX_RECORDS_BYTES:
        raise BundleRefusedError("records.json is too large")
    try:
        theirs = parse_records(read_json(path.read_bytes()))
        lines = bundle.data(AUDIT).read_text(encoding="utf-8").splitlines()
        theirs.audit = [read_json(line) for line in lines[:-1]]
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleRefusedError(f"records.json cannot be read ({exc})") from exc
    return theirs


def _page_rows(pages: list[Any], record: dict[str, Any]) -> list[dict[str, Any]]:
    """Our parser's pages, with the text the colleague's OCR read where they had it (word
    boxes as JSON text, stored as they are)."""
    theirs = {p["number"]: p for p in record["pages"]}
    rows = []
    for p in pages:
        row = {"number": p.number, "width": p.width, "height": p.height, "rotation": p.rotation,
               "text": p.text, "text_source": "none" if p.needs_ocr and not p.text.strip() else "embedded",
               "needs_ocr": p.needs_ocr, "has_images": p.has_images,
               "words": p.words_json or json.dumps(p.words, separators=(",", ":"))}  # JSON text
        ocr = theirs.get(p.number)
        if ocr is not None and ocr.get("text_source") == "ocr" and isinstance(ocr.get("text"), str):
            row.update(text=ocr["text"], words=json.dumps(ocr.get("words") or [], ensure_ascii=False,
                                                          separators=(",", ":")), text_source="ocr", needs_ocr=False,
                       ocr_engine=ocr.get("ocr_engine"), ocr_languages=ocr.get("ocr_languages"),
                       ocr_confidence=ocr.get("ocr_confidence"))
        rows.append(row)
    return rows


class _Indexer:
    """Computes the merged pages' search index columns on a thread of its own while the
    sandbox parses the next original (this process only waits for the worker meanwhile),
    so the merge transaction's index trigger finds them ready (`warm_index`): the index
    was half of that transaction's time. `close` drops whatever was not taken."""

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="bundle-index")
        self._pages: list[tuple[str | None, str | None]] = []

    def add(self, rows: list[dict[str, Any]]) -> None:
        pages = [(row["text"], row["words"]) for row in rows]
        self._pages.extend(pages)
        self._pool.submit(warm_index, pages)

    def wait(self) -> None:
        self._pool.shutdown(wait=True)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        forget_warm(self._pages)


def _parse_one(case: Case, bundle: CheckedBundle, record: dict[str, Any], worker: SandboxWorker,
               options: ImportOptions, progress: Progress, staged: list[StagedFile]) -> NewDocument:
    """One original the case lacks, through the hostile-input path of a normal import."""
    name = "data/" + original_name(record["sha256"], record["media_type"])
    short = record["sha256"][:12]
    if name not in bundle.payload:
        raise BundleRefusedError(f"the bundle lacks the original of document {short}… ({name})")
    path = bundle.root / name
    media_type = sniff_file(path)
    if media_type != record["media_type"]:
        raise BundleRefusedError(f"{name} is not the {record['media_type']} its record says it is")
    file = case.originals.stage(path, max_bytes=options.max_bytes)
    staged.append(file)
    if file.sha256 != record["sha256"]:
        raise BundleRefusedError(f"{name}: its SHA-256 is {file.sha256[:12]}…, not the {short}… "
                                 "the bundle names it by")
    try:
        probe, pages = parse_untrusted(worker, file, media_type, options, progress, case.originals)
    except (RefusedFileError, WorkerError) as exc:
        raise BundleRefusedError(f"the original of document {short}… was refused by the parser: "
                                 f"{exc}") from exc
    if len(pages) != record["page_count"]:
        raise BundleRefusedError(f"document {short}… has {len(pages)} pages, not the "
                                 f"{record['page_count']} its record says")
    warnings = list(probe.warnings) + [w for p in pages for w in getattr(p, "warnings", [])]
    return NewDocument(record, _page_rows(pages, record), dict(probe.metadata), warnings)


def _parse_originals(case: Case, bundle: CheckedBundle, plan: MergePlan, progress: Progress,
                     staged: list[StagedFile], indexer: _Indexer) -> list[NewDocument]:
    """Every original the case lacks, parsed by as many sandbox workers as a normal import
    uses, in the bundle's order; the first refusal (in that order) refuses the bundle, and
    the originals not yet begun are not parsed."""
    docs = plan.new.get("documents", [])
    if not docs:
        return []
    options = ImportOptions()
    progress.update(label="Checking the bundle's originals", total=len(docs), done=0)
    idle: queue.Queue[SandboxWorker] = queue.Queue()

    def parse(record: dict[str, Any]) -> NewDocument:
        progress.raise_if_cancelled()
        worker = idle.get()
        try:
            new = _parse_one(case, bundle, record, worker, options, progress, staged)
        finally:
            idle.put(worker)
        indexer.add(new.pages)
        progress.advance(1)
        return new

    count = max(1, min(options.workers, len(docs)))
    with ExitStack() as workers:
        for _ in range(count):
            idle.put(workers.enter_context(SandboxWorker(Limits(memory_mb=options.memory_mb), preload=(EXTRACT,))))
        with ThreadPoolExecutor(count, thread_name_prefix="bundle-parse") as pool:
            futures = [pool.submit(parse, record) for record in docs]
            try:
                out = [future.result() for future in futures]
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
    indexer.wait()
    return out


def import_bundle(case: Case, path: Path | str, resolve: str | None = None, progress: Progress | None = None,
                  limits: ZipLimits | None = None) -> ImportBundleResult:
    if resolve not in (None, *RESOLUTIONS):
        raise InvalidInputError(f"--resolve is one of {', '.join(RESOLUTIONS)}")
    progress = progress or Progress()
    progress.update(label="Checking the bundle", total=None)
    clock, cpu = time.perf_counter(), time.process_time()
    seconds: dict[str, float] = {}
    cpu_seconds: dict[str, float] = {}

    def lap(name: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        seconds[name], cpu_seconds[name] = now - clock, now_cpu - cpu
        clock, cpu = now, now_cpu

    with checked_bundle(path, limits=limits, check_pdfs=False) as bundle:
        refuse_unmergeable(bundle)
        lap("check")
        theirs = their_records(bundle)
        plan = plan_merge(read_records(case), theirs)
        lap("plan")
        staged: list[StagedFile] = []
        stored: list[Path] = []
        indexer = _Indexer()
        try:
            new_docs = _parse_originals(case, bundle, plan, progress, staged, indexer)
            lap("parse")
            progress.raise_if_cancelled()
            for file in staged:
                if not case.originals.exists(file.sha256):
                    stored.append(case.originals.path_for(file.sha256))
                case.originals.commit(file)
            command = MergeBundle(bundle.info.get("Bundle-UID", ""), plan, new_docs, resolve, case.author,
                                  keyed(theirs))
            changes = case.apply(command)
            lap("write")
        except BaseException:
            for original in stored:  # nothing in the database refers to them: the case is as it was
                original.unlink(missing_ok=True)
            raise
        finally:
            indexer.close()
            for file in staged:
                case.originals.discard(file)
        return ImportBundleResult(str(path), plan, len(new_docs), resolve, changes, list(bundle.report.warnings),
                                  dict(bundle.report.checked), seconds, cpu_seconds)
