"""Import against the raw work it must do, like with like (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_import_bench.py -s

Files: 30 generated text PDFs of 60 pages (Russian, English and German prose with numbers
and references), 1,800 pages. Both sides use one process for the parsing:

- raw work, in one process, one file after another: SHA-256 of the file streamed into a
  durable copy (write + fsync), PyMuPDF open, per page the text and the word boxes (one
  text page for both, as JSON rows), and the inserts into a case database (pages with their
  FTS index, one transaction per file, synchronous=FULL);
- import: `import_paths` with one sandboxed worker into a fresh case (staging, type sniffing,
  the probe render, the garbage and bad-redaction checks, the document, pages, FTS and
  audit rows). The reading that follows an import is not included (`after_import`).

Rounds alternate raw and import so that both see the same machine; the medians are compared.
Target: import ≤ 1.2 × raw. Figures are printed, never asserted against a clock."""

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
from evidence_desk.core.db.models import Document
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.importing.importer import INSERT_PAGE
from evidence_desk.core.pdf import extract
from tests.core.pdfs import write_text_pdf

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]
ROUNDS = int(os.environ.get("EVIDENCE_DESK_BENCH_ROUNDS", "3"))
FILES, PAGES = 30, 60

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
    for i in range(FILES):
        lang = ("ru", "en", "de")[i % 3]
        write_text_pdf(folder / f"dossier-{i:02d}-{lang}.pdf", [_page_text(rng, lang) for _ in range(PAGES)],
                       fontsize=9)
    return folder


def raw_work(files: list[Path], dest: Path, case: Case) -> int:
    pages = 0
    dest.mkdir(parents=True, exist_ok=True)
    flags = pymupdf.TEXTFLAGS_WORDS & ~pymupdf.TEXT_PRESERVE_LIGATURES
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as src, open(dest / path.name, "wb") as dst:
            while chunk := src.read(1024 * 1024):
                digest.update(chunk)
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        rows = []
        with pymupdf.open(path) as doc:
            for page in doc:
                tp = page.get_textpage(flags=flags)
                words = page.get_text("words", textpage=tp)
                body = page.get_text("text", textpage=tp)
                pages += 1
                rows.append({"number": page.number + 1, "width": page.rect.width, "height": page.rect.height,
                             "rotation": 0, "text": body, "text_source": "embedded", "needs_ocr": False,
                             "has_images": False, "words": extract._words_json(words)})
        with case.write() as s:
            doc = Document(sha256=digest.hexdigest(), filename=path.name, media_type="application/pdf",
                           size_bytes=path.stat().st_size, page_count=len(rows))
            s.add(doc)
            s.flush()
            doc_id = doc.id
            s.execute(INSERT_PAGE, [{**r, "document_id": doc_id} for r in rows])
    return pages


def test_import_costs_at_most_1_2_times_the_raw_work_with_one_process_each(corpus_dir: Path, tmp_path: Path) -> None:
    files = sorted(corpus_dir.glob("*.pdf"))
    warm = Case.open(tmp_path / "warm", create=True)
    import_paths(warm, [files[0]], ImportOptions(workers=1))  # start the fork server and its PyMuPDF once
    warm.close()
    raw_times, import_times, loads = [], [], []
    pages = 0
    for r in range(ROUNDS):
        loads.append(round(os.getloadavg()[0], 1))
        raw_case = Case.open(tmp_path / f"raw-case{r}", create=True)
        started = time.perf_counter()
        pages = raw_work(files, tmp_path / f"raw{r}", raw_case)
        raw_times.append(time.perf_counter() - started)
        raw_case.close()

        case = Case.open(tmp_path / f"case{r}", create=True)
        started = time.perf_counter()
        report = import_paths(case, files, ImportOptions(workers=1))
        import_times.append(time.perf_counter() - started)
        assert sum(o.pages for o in report.imported) == pages
        case.close()
        shutil.rmtree(tmp_path / f"raw{r}")
    raw, imp = statistics.median(raw_times), statistics.median(import_times)
    print(f"\nimport benchmark: {len(files)} files, {pages} pages, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"  raw work, one process (hash + fsync copy + PyMuPDF text + words as the same JSON rows + SQLite/FTS inserts): "
          f"{raw:.3f} s ({pages / raw:.0f} pages/s)  rounds {[round(t, 3) for t in raw_times]}")
    print(f"  import_paths, one worker: {imp:.3f} s ({pages / imp:.0f} pages/s)  "
          f"rounds {[round(t, 3) for t in import_times]}")
    ratios = [round(i / r, 2) for i, r in zip(import_times, raw_times, strict=True)]
    print(f"  ratio import/raw = {imp / raw:.2f}  (target ≤ 1.2); per round {ratios}, median "
          f"{statistics.median(ratios):.2f}; load average per round {loads}")
