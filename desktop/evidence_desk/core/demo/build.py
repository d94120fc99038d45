"""Build the demo case: generate the specimen corpus, import it, OCR it, tag it.

`build_demo_case` is what `evidence-desk demo [DIR]` and `evidence-desk --demo`
run. It is idempotent: a folder that already holds a finished demo case is
opened as it is (unless `force`). It never touches anything that is not a demo
case: a folder with a user's case or with other files in it is refused. A
build that was interrupted leaves a case marked as an unfinished demo, which
the next call removes and builds again."""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.commands.settings import MarkCase
from evidence_desk.core.confine import owner_alive
from evidence_desk.core.db.models import (
    Document,
    DocumentLink,
    Entity,
    Mention,
    Note,
    Page,
    Provenance,
)
from evidence_desk.core.demo.corpus import DocTemplate, load_case_info
from evidence_desk.core.demo.generate import generate_corpus
from evidence_desk.core.demo.late_ocr import (
    complete_pending_ocr,
    ocr_unavailable,
    pending_notice,
    record_skipped,
)
from evidence_desk.core.demo.records import add_demo_records
from evidence_desk.core.errors import CaseError, EvidenceDeskError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.post_import import after_import
from evidence_desk.core.progress import Progress

STARTED_KEY = "demo_corpus"  # set first: "this folder is a demo case", value = corpus version
BUILT_KEY = "demo_built"  # set last: the build finished (UTC time)
DEMO_MARKER = ".evidence-desk-demo"  # written first: this folder is a demo; its builder's pid
OCR_LANGUAGES = "rus+eng+deu"


def _meta_of(folder: Path) -> dict[str, str] | None:
    """case_meta of the case in `folder`, read-only (no migration, no lock); None if no case."""
    db = folder / DB_NAME
    if not db.is_file():
        return None
    try:
        con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
        try:
            return dict(con.execute("SELECT key, value FROM case_meta").fetchall())
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise CaseError(f"{folder} holds a case database that cannot be read ({exc}); "
                        "choose another folder for the demo") from exc


def _finished(target: Path) -> bool:
    try:
        return BUILT_KEY in (_meta_of(target) or {})
    except CaseError:  # a database the build never finished writing
        return False


def _claim(target: Path) -> None:
    """Mark the folder as a demo being built by this process, before anything else is in it."""
    target.mkdir(parents=True, exist_ok=True)
    (target / DEMO_MARKER).write_text(f"{os.getpid()}\n", encoding="utf-8")


def _prepare(target: Path, force: bool) -> bool:
    """Make `target` ready for a build; return False if a finished demo can be reused."""
    if target.exists() and not target.is_dir():
        raise CaseError(f"{target} is a file; choose a folder for the demo case")
    marker = target / DEMO_MARKER
    if marker.is_file() and not _finished(target):
        # A build that stopped before it finished (killed, crashed, power loss): if its
        # process is gone, the folder is ours to start again; nothing else lives there.
        owner = marker.read_text(encoding="utf-8", errors="replace").strip()
        if owner.isdigit() and owner_alive(int(owner)) and int(owner) != os.getpid():
            raise CaseError(f"the demo case in {target} is being built by another process (pid {owner}); "
                            "wait for it to finish")
        shutil.rmtree(target)
        return True
    meta = _meta_of(target) if target.exists() else None
    if meta is None:
        if target.exists() and any(not p.name.startswith(".") for p in target.iterdir()):
            raise CaseError(f"{target} is not empty and is not a demo case; the demo is built only in "
                            "an empty or new folder (choose another DIR)")
        return True
    if STARTED_KEY not in meta:
        raise CaseError(f"{target} holds a case that is not the demo; the demo never overwrites "
                        "a real case (choose another DIR)")
    if BUILT_KEY in meta and not force:
        return False
    # A demo case (finished and forced, or left unfinished): start again from nothing.
    shutil.rmtree(target)
    return True


def _load_enrich() -> Callable[[Case, Progress], object] | None:
    """The entity engineer's tagging step, if this build has it."""
    try:
        from evidence_desk.core.demo.enrich import enrich_demo_case
    except ModuleNotFoundError as exc:
        if exc.name != "evidence_desk.core.demo.enrich":
            raise
        return None
    return enrich_demo_case


def build_demo_case(target: Path, progress: Progress | None = None, force: bool = False, *,
                    ocr: bool = True) -> Case:
    """Build (or reopen) the demo case in `target` and return it open; the caller closes it.

    `ocr=False` skips OCR of the scans (tests use it: the corpus and the case are
    the same, only the scans' pages stay without text). Where Tesseract or a language
    is missing the build skips OCR too, records why, and a later call (the reopen
    path) reads the scans once OCR can run (see core/demo/late_ocr.py)."""
    progress = progress or Progress()
    target = Path(target).expanduser().resolve()
    if not _prepare(target, force):
        case = Case.open(target)
        if ocr:
            try:
                complete_pending_ocr(case, OCR_LANGUAGES, progress, _load_enrich())
            except BaseException:
                case.close()
                raise
        return case
    info = load_case_info()
    _claim(target)
    case = Case.open(target, create=True)
    try:
        case.apply(MarkCase(STARTED_KEY, str(info["corpus_version"]), action_name="demo.start"))
        # One import worker: documents get their ids in template order (D01 = 1, …),
        # the same on every build; parsing our own files is quick anyway.
        skipped = ocr_unavailable(OCR_LANGUAGES) if ocr else None
        options = ImportOptions(workers=1, ocr="auto" if ocr and skipped is None else "never",
                                languages=OCR_LANGUAGES)
        # The pid in the name lets the next open of any case remove it if this build is killed.
        with tempfile.TemporaryDirectory(prefix=f"evidence-desk-demo-{os.getpid()}-") as tmp:
            files = generate_corpus(Path(tmp), progress)
            by_name = {f.path.name: f.template for f in files}
            report = import_paths(case, [f.path for f in files], options, progress)
            if report.cancelled:
                progress.raise_if_cancelled()
            if len(report.imported) != len(files):
                problems = "; ".join(f"{o.path.name}: {o.reason}" for o in report.outcomes
                                     if o.status != "imported")
                raise EvidenceDeskError(f"the demo corpus did not import completely ({problems})")
            documents: dict[int, DocTemplate] = {
                o.document_id: by_name[o.path.name] for o in report.imported if o.document_id is not None}
            after_import(case, report, options, progress, analyse=False)  # enrich reads the case itself
        progress.raise_if_cancelled()
        add_demo_records(case, dict(sorted(documents.items())),
                         [n["text"] for n in info.get("notes", [])], progress)
        enrich = _load_enrich()
        if enrich is not None:
            enrich(case, progress)
        if skipped is not None:
            record_skipped(case, skipped)
        case.apply(MarkCase(BUILT_KEY, datetime.now(UTC).isoformat(timespec="seconds"), action_name="demo.built"))
    except BaseException:
        case.close()
        raise
    return case


def _count(case: Case, column: Any) -> int:
    with case.read() as s:
        return int(s.execute(select(func.count(column))).scalar_one())


def describe_case(case: Case) -> str:
    """A readable summary: what the case holds, one line per document."""
    with case.read() as s:
        docs = s.execute(select(Document).order_by(Document.id)).scalars().all()
        sources = dict(s.execute(select(Page.text_source, func.count()).group_by(Page.text_source)).all())
    pages = sum(sources.values())
    notice = pending_notice(case)
    lines = [
        f"Demo case (SPECIMEN, fictitious): {case.path}",
        f"{len(docs)} documents, {pages} pages "
        f"({sources.get('embedded', 0)} with a text layer, {sources.get('ocr', 0)} read by OCR, "
        f"{sources.get('none', 0)} without text)",
        f"{_count(case, Entity.id)} entities, {_count(case, Mention.id)} mentions, "
        f"{_count(case, DocumentLink.id)} document links, {_count(case, Note.id)} notes, "
        f"{_count(case, Provenance.document_id)} provenance records",
        "",
        f"{'id':>4}  {'kind':<20}  {'date':<10}  {'reference':<22}  {'pages':>5}  file",
    ]
    if notice:
        lines.insert(3, notice)
    for d in docs:
        lines.append(f"{d.id:>4}  {d.kind or '—':<20}  {d.doc_date or '—':<10}  "
                     f"{(d.reference or '—')[:22]:<22}  {d.page_count:>5}  {d.filename}")
    return "\n".join(lines)
