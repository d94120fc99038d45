"""Import against the raw work it must do, in one run on the same files (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_import_bench.py -s

Files: 8 generated text PDFs of 30–60 pages (Russian, English and German prose with
numbers and references), about 360 pages. Raw work, done directly in this process,
one file after another: SHA-256 of the file, a durable copy (write + fsync), PyMuPDF
open, and per page the text plus the word boxes. Import: `import_paths` into a fresh
case (sandboxed workers, staging, the database transaction with pages, FTS and audit).
Workers are warmed first (the fork server starts once per process, like in the GUI).
Target: import ≤ 1.3 × raw. Figures are printed, never asserted against a clock."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import statistics
import time
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.pdf import extract
from tests.core.pdfs import write_text_pdf

pytestmark = pytest.mark.benchmark
ROUNDS = 3

WORDS = {
    "ru": ["министерство", "обороны", "поставка", "станций", "радиоэлектронной", "борьбы", "договор", "контракт", "оплата", "посольство", "нота", "вербальная", "комитет", "экспорт", "разрешение", "грузополучатель", "таможня", "сумма"],
    "en": ["ministry", "defence", "delivery", "fire-control", "upgrade", "kits", "contract", "invoice", "payment", "embassy", "note", "committee", "export", "licence", "consignee", "customs", "amount", "shipment", "warehouse", "artillery"],
    "de": ["Ministerium", "Verteidigung", "Lieferung", "Feuerleitanlage", "Vertrag", "Rechnung", "Zahlung", "Botschaft", "Ausfuhrgenehmigung", "Endverbleibserklärung", "Zollamt", "Betrag", "Sendung", "Weißrussland"],
}


def _page_text(rng: random.Random, lang: str) -> str:
    lines = []
    for _ in range(rng.randrange(25, 40)):
        words = [rng.choice(WORDS[lang]) for _ in range(rng.randrange(6, 12))]
        words.insert(rng.randrange(len(words)), f"№{rng.randrange(1, 999)}/{rng.randrange(2018, 2025)}")
        lines.append(" ".join(words).capitalize() + ".")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench-pdfs")
    rng = random.Random(42)
    for i in range(8):
        lang = ("ru", "en", "de")[i % 3]
        write_text_pdf(folder / f"dossier-{i}-{lang}.pdf",
                       [_page_text(rng, lang) for _ in range(rng.randrange(30, 61))], fontsize=9)
    return folder


def raw_work(files: list[Path], dest: Path) -> int:
    pages = 0
    dest.mkdir(parents=True, exist_ok=True)
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as src, open(dest / path.name, "wb") as dst:
            while chunk := src.read(1024 * 1024):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        with pymupdf.open(path) as doc:
            for page in doc:
                page.get_text("words")
                page.get_text("text")
                pages += 1
    return pages


def test_import_costs_at_most_1_3_times_the_raw_work(corpus_dir: Path, tmp_path: Path) -> None:
    files = sorted(corpus_dir.glob("*.pdf"))
    warm = Case.open(tmp_path / "warm", create=True)
    import_paths(warm, [files[0]])  # start the fork server and its PyMuPDF once
    warm.close()
    raw_times, import_times, parser_times = [], [], []
    pages = 0
    for r in range(ROUNDS):
        started = time.perf_counter()
        for path in files:  # the worker's own code, in this process: what extraction costs
            probe = extract.probe(str(path), "application/pdf", 20_000)
            extract.extract_pages(str(path), "application/pdf", 0, probe.page_count, words_as_json=True)
        parser_times.append(time.perf_counter() - started)

        started = time.perf_counter()
        pages = raw_work(files, tmp_path / f"raw{r}")
        raw_times.append(time.perf_counter() - started)

        case = Case.open(tmp_path / f"case{r}", create=True)
        started = time.perf_counter()
        report = import_paths(case, files, ImportOptions(workers=2))
        import_times.append(time.perf_counter() - started)
        assert sum(o.pages for o in report.imported) == pages
        case.close()
        shutil.rmtree(tmp_path / f"raw{r}")
    raw, imp = statistics.median(raw_times), statistics.median(import_times)
    parser = statistics.median(parser_times)
    print(f"\nimport benchmark: {len(files)} files, {pages} pages, {os.cpu_count()} CPUs")
    print(f"  raw work (hash + fsync copy + PyMuPDF text + words): {raw:.3f} s "
          f"({pages / raw:.0f} pages/s)  rounds {[round(t, 3) for t in raw_times]}")
    print(f"  import_paths (2 workers): {imp:.3f} s ({pages / imp:.0f} pages/s)  "
          f"rounds {[round(t, 3) for t in import_times]}")
    print(f"  the importer's parser code in-process, one file after another (probe render, text, words, "
          f"garbage check, bad-redaction check): {parser:.3f} s  rounds {[round(t, 3) for t in parser_times]}")
    print(f"  ratio import/raw = {imp / raw:.2f}  (target ≤ 1.3); import/parser code = {imp / parser:.2f}; "
          f"load average {os.getloadavg()[0]:.1f}")
