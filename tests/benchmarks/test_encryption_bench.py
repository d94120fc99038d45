"""The cost of encryption at rest on import, rendering and search (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_encryption_bench.py -s

One run each, on the same files, into two empty cases made the same way; one is then
encrypted in place (Argon2id at the default profile, outside every timing):
- import: `import_paths` of 12 PDFs × 12 pages (text and a photo-like image on each page,
  ~0.3 MB each), no OCR. Encrypted: each original is sealed (AES-GCM) while it is hashed and
  handed to the parser as decrypted bytes; every row goes through SQLCipher.
- render: every page of 3 documents at scale 1.5 through one warm render worker, one job
  at a time. Encrypted: the file is decrypted in the parent (kept for the next pages) and
  sent through the worker's pipe instead of opened by path.
- search: 24 queries through `search()` (parsing, FTS5, joins, snippets). Encrypted: SQLCipher
  decrypts (and checks) each page it reads; every session is a new connection.
- open: `Case.open` of each case (encrypted: Argon2id derivation and the key check).
Figures and ratios (encrypted / plain) are printed, never asserted."""

from __future__ import annotations

import io
import random
import threading
import time
from pathlib import Path

import pymupdf
import pytest
from PIL import Image

from evidence_desk.core.case import Case
from evidence_desk.core.crypto.convert import convert
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.rendering import RenderJob, RenderPool
from evidence_desk.core.search import search

pytestmark = pytest.mark.benchmark
FILES, PAGES = 12, 12
QUERIES = 24
PASSPHRASE = "benchmark passphrase, long enough"
WORDS = ["ministry", "defence", "delivery", "contract", "invoice", "payment", "radar", "station",
         "министерство", "обороны", "поставка", "договор", "Lieferung", "Vertrag", "Zollamt", "Minsk"]


def _photo(rng: random.Random) -> bytes:
    img = Image.effect_noise((400, 300), 60).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=int(rng.uniform(70, 90)))
    return buf.getvalue()


def _files(folder: Path) -> list[Path]:
    rng = random.Random(13)
    folder.mkdir()
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    out = []
    for f in range(FILES):
        doc = pymupdf.open()
        for p in range(PAGES):
            page = doc.new_page(width=595, height=842)
            text = " ".join(rng.choice(WORDS) for _ in range(220)) + f" REF-{f}-{p}"
            if font.exists():
                page.insert_font(fontname="dejavu", fontfile=str(font))
            page.insert_textbox(pymupdf.Rect(56, 56, 539, 500), text, fontname="dejavu" if font.exists() else "helv",
                                fontsize=10)
            page.insert_image(pymupdf.Rect(56, 520, 456, 820), stream=_photo(rng))
        path = folder / f"doc-{f:02d}.pdf"
        doc.save(path, garbage=3, deflate=True)
        doc.close()
        out.append(path)
    return out


def _render_all(case: Case, docs: list[tuple[str, int]]) -> float:
    done = threading.Event()
    pool = RenderPool(lambda job, page, error: done.set(), workers=1)
    pool.read_sources_with(case.originals.worker_source if case.encrypted else None)
    try:
        first = docs[0][0]
        pool.submit(RenderJob("warm", first, "application/pdf", 1, scale=0.2, owners={1}))
        assert done.wait(120)
        pool.read_sources_with(case.originals.worker_source if case.encrypted else None)  # cold cache
        started = time.perf_counter()
        for path, pages in docs:
            for number in range(1, pages + 1):
                done.clear()
                pool.submit(RenderJob((path, number), path, "application/pdf", number, scale=1.5, owners={1}))
                assert done.wait(120)
        return time.perf_counter() - started
    finally:
        pool.close()


def _queries() -> list[str]:
    rng = random.Random(5)
    single = WORDS + [f"REF-{f}-{p}" for f in range(0, FILES, 3) for p in (0, 5)]
    pairs = [f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(max(0, QUERIES - len(single)))]
    return (single + pairs)[:QUERIES]


def _measure(case: Case, files: list[Path]) -> dict[str, float]:
    search(case, "warm")  # query parsing, stemmers and the fold table loaded before timing
    started = time.perf_counter()
    report = import_paths(case, files, ImportOptions(ocr="never"))
    imported = time.perf_counter() - started
    assert len(report.imported) == FILES, report.summary()
    docs = [(str(case.originals.path_for(d.sha256)), d.pages) for d in list_documents(case)[:3]]
    rendered = _render_all(case, docs)
    started = time.perf_counter()
    hits = sum(len(search(case, q)) for q in _queries())
    searched = time.perf_counter() - started
    assert hits > 0
    return {"import": imported, "render": rendered, "render_pages": sum(p for _, p in docs), "search": searched}


def test_the_cost_of_encryption_on_import_render_and_search(tmp_path: Path) -> None:
    files = _files(tmp_path / "files")
    size = sum(f.stat().st_size for f in files)
    plain = Case.open(tmp_path / "plain", create=True, author="bench")
    Case.open(tmp_path / "enc", create=True, author="bench").close()
    convert(Case.open(tmp_path / "enc"), PASSPHRASE)
    started = time.perf_counter()
    encrypted = Case.open(tmp_path / "enc", author="bench", passphrase=PASSPHRASE)
    open_enc = time.perf_counter() - started
    started = time.perf_counter()
    Case.open(tmp_path / "plain", author="bench").close()
    open_plain = time.perf_counter() - started
    with Case.open(tmp_path / "warm", create=True, author="bench") as warm:  # fork server, parsers
        import_paths(warm, files[:2], ImportOptions(ocr="never"))
    try:
        a = _measure(plain, files)
        b = _measure(encrypted, files)
    finally:
        plain.close()
        encrypted.close()
    print(f"\nencryption at rest: {FILES} PDFs × {PAGES} pages, {size / 1e6:.1f} MB")
    print(f"  import  {a['import']:.2f} s plain, {b['import']:.2f} s encrypted: {b['import'] / a['import']:.2f}×")
    n = a["render_pages"]
    print(f"  render  {a['render'] / n * 1000:.1f} ms/page plain, {b['render'] / n * 1000:.1f} ms/page "
          f"encrypted ({n} pages): {b['render'] / a['render']:.2f}×")
    q = len(_queries())
    print(f"  search  {a['search'] / q * 1000:.1f} ms/query plain, {b['search'] / q * 1000:.1f} ms/query "
          f"encrypted ({q} queries): {b['search'] / a['search']:.2f}×")
    print(f"  open    {open_plain * 1000:.0f} ms plain, {open_enc * 1000:.0f} ms encrypted (Argon2id)")
