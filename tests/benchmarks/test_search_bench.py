"""Search latency over 100,000 synthetic pages against a bare FTS5 query (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_search_bench.py -s

The case is built through a real `Case.open` and filled with bulk inserts (the FTS
triggers index each page). Pages carry multilingual synthetic text: Russian, English
and German vocabulary, reference numbers, amounts. Each query runs through
`search()` (query parsing, a pooled read connection, joins for document and page,
snippets) and as a bare `pages_fts MATCH ? ORDER BY rank LIMIT 100` with `snippet()`
on a plain sqlite3 connection to the same file. p50/p95 over every query, three
passes each; target: search ≤ 2× bare. Figures are printed, never asserted."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.search import parse_query, search
from evidence_desk.core.text.index import register_functions

pytestmark = pytest.mark.benchmark
PAGES = 100_000
PAGES_PER_DOC = 50

VOCAB = ["министерство", "обороны", "поставка", "станций", "радиоэлектронной", "борьбы", "договор", "контракт", "оплата", "посольство", "нота", "вербальная", "комитет", "экспорт", "разрешение", "грузополучатель", "таможня", "сумма", "Беларусь", "Минск", "Гроза", "ministry", "defence", "delivery", "fire-control", "upgrade", "kits", "contract", "invoice", "payment", "embassy", "note", "committee", "export", "licence", "consignee", "customs", "amount", "shipment", "warehouse", "artillery", "radar", "station", "Belarus", "Minsk", "Ministerium", "Verteidigung", "Lieferung", "Feuerleitanlage", "Vertrag", "Rechnung", "Zahlung", "Botschaft", "Ausfuhrgenehmigung", "Endverbleibserklärung", "Zollamt", "Betrag", "Sendung", "Weißrussland", "Zürich", "Café"]
FILLER = [f"w{i:04d}" for i in range(4000)]  # a long tail of rarer words, like real text

QUERIES = [
    "министерство", "радиоэлектронной", "ГРОЗА", "станц*", "таможня -оплата", '"нота вербальная"',
    "contract", "invoice payment", "fire-control", "radar OR Гроза", '"upgrade kits"', "artil*",
    "zurich", "weißrussland", "ausfuhrgenehmigung", "Endverbleib*", "zollamt OR customs",
    "w0001", "w3999", "w12*", "w0500 w0501", '"w0007 w0008"', "EX-2021/0457", "№114",
    "belarus minsk", "cafe", "nonexistentword", "консигнант*", "delivery -shipment", "1250000",
]


def _text(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randrange(60, 120)):
        words.append(rng.choice(VOCAB) if rng.random() < 0.6 else rng.choice(FILLER))
    words.insert(rng.randrange(len(words)), f"EX-{rng.randrange(2018, 2025)}/{rng.randrange(10000):04d}")
    words.insert(rng.randrange(len(words)), str(rng.randrange(10**7)))
    return " ".join(words)


@pytest.fixture(scope="module")
def big_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search-bench") / "case"
    Case.open(folder, create=True).close()
    rng = random.Random(7)
    started = time.perf_counter()
    con = sqlite3.connect(folder / DB_NAME)
    register_functions(con)  # the index triggers fold each page with it
    con.execute("PRAGMA synchronous=OFF")  # building the fixture only
    docs = PAGES // PAGES_PER_DOC
    con.executemany(
        "INSERT INTO documents(id, uid, sha256, filename, media_type, size_bytes, page_count, "
        "review_status, imported_at, imported_by, warnings, source_metadata) "
        "VALUES (?, ?, ?, ?, 'application/pdf', 1, ?, 'new', '2024-01-01 00:00:00', 'bench', '[]', '{}')",
        [(d, f"{d:032x}", f"{d:064x}", f"doc-{d}.pdf", PAGES_PER_DOC) for d in range(1, docs + 1)],
    )
    con.executemany(
        "INSERT INTO pages(document_id, number, width, height, rotation, text, text_source, needs_ocr, "
        "has_images, words) VALUES (?, ?, 595, 842, 0, ?, 'embedded', 0, 0, '[]')",
        ((1 + i // PAGES_PER_DOC, 1 + i % PAGES_PER_DOC, _text(rng)) for i in range(PAGES)),
    )
    con.commit()
    con.execute("INSERT INTO pages_fts(pages_fts) VALUES('optimize')")
    con.commit()
    con.close()
    print(f"\nbuilt {PAGES:,} pages in {time.perf_counter() - started:.1f} s")
    return folder


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, round(0.95 * len(ordered)) - 1)]


def test_search_latency_is_at_most_twice_a_bare_fts5_query(big_case: Path) -> None:
    case = Case.open(big_case)
    bare = sqlite3.connect(big_case / DB_NAME)
    register_functions(bare)  # snippet() reads the index's content view
    bare_sql = ("SELECT rowid, snippet(pages_fts, 0, '[', ']', '…', 12) FROM pages_fts "
                "WHERE pages_fts MATCH ? ORDER BY rank LIMIT 100")
    ours, raw = [], []
    hits = {}
    for query in QUERIES:
        fts = parse_query(query).fts  # the bare query gets the same FTS5 expression
        search(case, query)  # warm the page cache for both
        bare.execute(bare_sql, (fts,)).fetchall()
        for _ in range(3):
            started = time.perf_counter()
            result = search(case, query)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            rows = bare.execute(bare_sql, (fts,)).fetchall()
            raw.append(time.perf_counter() - started)
            assert len(result) == len(rows)
        hits[query] = len(result)
    bare.close()
    case.close()
    o50, o95 = _percentiles(ours)
    b50, b95 = _percentiles(raw)
    print(f"\nsearch benchmark: {PAGES:,} pages, {len(QUERIES)} queries × 3")
    print(f"  search():   p50 {o50 * 1000:.2f} ms  p95 {o95 * 1000:.2f} ms")
    print(f"  bare FTS5:  p50 {b50 * 1000:.2f} ms  p95 {b95 * 1000:.2f} ms")
    print(f"  ratio p50 {o50 / b50:.2f}  p95 {o95 / b95:.2f}  (target ≤ 2)")
    print(f"  hits per query: {hits}")
