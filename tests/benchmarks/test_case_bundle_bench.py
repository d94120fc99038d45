"""Bundle export and import against plain zip and hash work on the same files (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_case_bundle_bench.py -s

The case: the demo case (built without OCR) scaled to about 1,000 pages with copies of its
born-digital documents (each copy stamped so its bytes differ), every copy page tagged.

Export (internal profile): the sanitising step (one redacted, verified PDF per document,
in sandbox workers) and the report's thumbnails are timed and printed apart; the bundle
step — streaming the bag's files into the zip (each hashed for the manifests by the read
that zips it; PDFs stored, text deflated; what is written handed to the disk every 16 MiB),
reading every record, making the annotations, entities, FtM, provenance, audit log and
report, the tag files, fsync — is compared with plain work on the very same output files:
SHA-256 of each file, then a zip of them with the same compression choices and the same
1 MiB copy chunks (no fsync). Target ≤ 1.5×.

Import (into an empty case): the bundle read as hostile (checked zip directory, member by
member extraction under caps, manifests, audit chain), records checked and planned, and
the merge transaction (which also builds the full-text index of every new page, through
the text model's index function called by the FTS triggers), against a plain `extractall`
of the same zip plus a SHA-256 of every file checked against the manifest. Target ≤ 2×.
The sandboxed parse of every original (the normal hostile-input import path) is printed
apart.
Each side runs ROUNDS times, alternately with the other (the machine is shared and
loaded), and medians are compared, of wall time and of CPU time (`time.process_time`,
this process: steadier on a loaded machine; both sides run in this one process); the export's bundle step is `write_bundle` on a
fresh copy of the first export's sanitised PDFs (sanitising runs once). Figures are
printed, never asserted against a clock."""

from __future__ import annotations

import hashlib
import shutil
import statistics
import time
import zipfile
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from evidence_desk.core.bundle.bag_zip import CHUNK as BAG_CHUNK
from evidence_desk.core.bundle.export import BundleOptions, export_bundle, write_bundle
from evidence_desk.core.bundle.import_bundle import import_bundle
from evidence_desk.core.bundle.layout import STORED_SUFFIXES, sanitised_name
from evidence_desk.core.bundle.thumbnails import render_thumbnails
from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Combined
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import Document, Entity, new_uid
from evidence_desk.core.demo.build import build_demo_case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.progress import Progress

pytestmark = pytest.mark.benchmark
TARGET_PAGES = 1000
COPY_PAGES = 20


def _scale(case: Case, folder: Path) -> int:
    """Copies of the demo's born-digital PDFs until the case holds TARGET_PAGES pages."""
    with case.read() as s:
        docs = s.execute(select(Document).where(Document.media_type == "application/pdf")).scalars().all()
        sources = [case.originals.path_for(d.sha256) for d in docs]
        pages = sum(d.page_count for d in s.execute(select(Document)).scalars())
        entity_id = s.execute(select(Entity.id).order_by(Entity.id)).scalars().first()
    files, n = [], 0
    while pages < TARGET_PAGES:
        src = pymupdf.open(sources[n % len(sources)])
        out = pymupdf.open()
        while out.page_count < COPY_PAGES:
            out.insert_pdf(src)
        for index, page in enumerate(out):
            page.insert_text((40, 30), f"copy {n} page {index + 1}", fontsize=7)
        path = folder / f"copy-{n:03d}.pdf"
        out.save(path, garbage=3, deflate=True)
        files.append(path)
        pages += out.page_count
        n += 1
    report = import_paths(case, files, ImportOptions(workers=2, ocr="never"))
    steps = [Tag(o.document_id, p, entity_id=entity_id, rect=Rect(40.0, 20.0, 140.0, 32.0))
             for o in report.imported for p in range(1, (o.pages or 0) + 1)]
    case.apply(Combined(list(steps), "bench tags"))
    return pages


CHUNK = BAG_CHUNK  # the copy chunk of our side, so both read and write alike


def _plain_zip(files: Path, target: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of SHA-256 of every file, then a zip of them."""
    start, cpu = time.perf_counter(), time.process_time()
    with zipfile.ZipFile(target, "w", allowZip64=True) as zf:
        for path in sorted(p for p in files.rglob("*") if p.is_file()):
            digest = hashlib.sha256()
            with open(path, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    digest.update(chunk)
            info = zipfile.ZipInfo.from_file(path, path.relative_to(files).as_posix())
            info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
            info._compresslevel = 6  # type: ignore[attr-defined]
            with open(path, "rb") as src, zf.open(info, "w") as dst:
                shutil.copyfileobj(src, dst, CHUNK)
    return time.perf_counter() - start, time.process_time() - cpu


def _plain_unzip(bundle: Path, target: Path) -> tuple[float, float]:
    """(wall, CPU) seconds of `extractall` and a SHA-256 of every file checked against the manifest."""
    start, cpu = time.perf_counter(), time.process_time()
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(target)
    listed = dict(reversed(line.split(maxsplit=1)) for line in
                  (target / "manifest-sha256.txt").read_text().splitlines())
    for name, digest in listed.items():
        h = hashlib.sha256()
        with open(target / name, "rb") as fh:
            while chunk := fh.read(1024 * 1024):
                h.update(chunk)
        assert h.hexdigest() == digest
    return time.perf_counter() - start, time.process_time() - cpu


ROUNDS = 5  # each side this many times, alternately (the machine is shared): medians reported


def _bundle_step(case: Case, sanitised: Path, thumbs: dict[int, bytes], doc_ids: list[int],
                 work: Path) -> tuple[float, float]:
    """`write_bundle` (the export's bundle step, as `export_bundle` runs it) on a fresh bag
    holding the sanitised PDFs of the first export (copying them in is not timed)."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(sanitised, work / "bag" / "documents")
    start, cpu = time.perf_counter(), time.process_time()
    write_bundle(case, work / "bag", doc_ids, thumbs, "internal", new_uid(), work / "out.zip", None, Progress())
    return time.perf_counter() - start, time.process_time() - cpu


def _import(bundle: Path, target: Path) -> tuple[dict[str, float], dict[str, float]]:
    """Wall and CPU seconds of each step of import-bundle (check, plan, parse, write)."""
    shutil.rmtree(target, ignore_errors=True)
    with Case.open(target, create=True) as case:
        merged = import_bundle(case, bundle)
    assert merged.documents_added
    return merged.seconds, merged.cpu_seconds


def _median(values: list[float]) -> float:
    return statistics.median(values)


def _ratio(label: str, ours: list[tuple[float, float]], plain: list[tuple[float, float]], target: str) -> str:
    w = [_median([x[i] for x in ours]) / _median([x[i] for x in plain]) for i in (0, 1)]
    return (f"  {label}: ours median wall {_median([x[0] for x in ours]):.2f} s {[round(x[0], 2) for x in ours]}, "
            f"CPU {_median([x[1] for x in ours]):.2f} s; plain median wall {_median([x[0] for x in plain]):.2f} s "
            f"{[round(x[0], 2) for x in plain]}, CPU {_median([x[1] for x in plain]):.2f} s: "
            f"{w[0]:.2f}x wall, {w[1]:.2f}x CPU (target <= {target})")


@pytest.mark.timeout(3600)
def test_bundle_export_and_import_against_plain_zip_and_hash(tmp_path: Path) -> None:
    case = build_demo_case(tmp_path / "demo", ocr=False)
    pages = _scale(case, tmp_path)
    bundle = tmp_path / "internal.zip"
    result = export_bundle(case, bundle, BundleOptions(profile="internal"))
    files = tmp_path / "files"
    with zipfile.ZipFile(bundle) as zf:
        zf.extractall(files)
    with case.read() as s:
        docs = s.execute(select(Document.id, Document.uid).order_by(Document.id)).all()
    doc_ids = [d.id for d in docs]
    sanitised = files / "data" / "documents"
    thumbs = render_thumbnails([files / "data" / sanitised_name(d.uid) for d in docs])
    ours, plain = [], []
    try:
        for i in range(ROUNDS):
            ours.append(_bundle_step(case, sanitised, thumbs, doc_ids, tmp_path / "step"))
            plain.append(_plain_zip(files, tmp_path / f"plain{i}.zip"))
            (tmp_path / f"plain{i}.zip").unlink()
    finally:
        case.close()
    print(f"\nexport of {result.documents} documents, {pages} pages, {result.bytes / 1e6:.1f} MB, "
          f"{result.members} members")
    print(f"  sanitising (separate, once): {result.seconds['sanitise']:.1f} s; thumbnails "
          f"{result.seconds['thumbnails']:.1f} s; the first export's bundle step {result.seconds['bundle']:.2f} s")
    print(_ratio("bundle step (records, members, bag streamed into the zip, fsync) vs plain SHA-256 + zip",
                 ours, plain, "1.5x"))
    reading, parse, plain_in, laps = [], [], [], []
    for _ in range(ROUNDS):
        s, c = _import(bundle, tmp_path / "target")
        reading.append((s["check"] + s["plan"] + s["write"], c["check"] + c["plan"] + c["write"]))
        parse.append(s["parse"])
        laps.append(s)
        plain_in.append(_plain_unzip(bundle, tmp_path / "unzip"))
        shutil.rmtree(tmp_path / "unzip")
    last = laps[-1]
    print(f"import-bundle, last round: check {last['check']:.2f} s, plan {last['plan']:.2f} s, merge transaction "
          f"{last['write']:.2f} s, sandboxed parse of the originals (separate) {last['parse']:.1f} s")
    print(_ratio("reading + merging (check, plan, merge transaction) vs plain unzip + hash check", reading,
                 plain_in, "2x"))
    print(f"  with the parse: {(_median([r[0] for r in reading]) + _median(parse)) / _median([p[0] for p in plain_in]):.1f}x")
