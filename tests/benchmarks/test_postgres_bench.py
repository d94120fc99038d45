"""A team case on PostgreSQL: search latency over 100,000 pages against a bare tsquery on the
same server, and import throughput against SQLite (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_postgres_bench.py -s

Search: the same synthetic pages and queries as `test_search_bench.py` (Russian, English
and German vocabulary, references, amounts), inserted into a real team case and indexed
by the application's own writer (`core.text.server_index`). Each query runs through
`search()` (query parsing with stems, a pooled read connection, joins for document and
page, snippets cut in Python from the page's words) and as a bare
`tsv @@ tsquery ORDER BY ts_rank LIMIT 100` on a plain psycopg connection, given the same
tsquery and returning the same rows with their page text. p50/p95 over every query,
three passes each.

Import: the same 20 generated PDFs of 30 pages imported with one worker into a new
SQLite case and into a new PostgreSQL case, alternating, three rounds; medians compared.
Figures are printed, never asserted against a clock."""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

import psycopg
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.search import parse_query, search
from evidence_desk.core.text import server_index
from tests import pg
from tests.benchmarks.test_search_bench import PAGES, PAGES_PER_DOC, QUERIES, _percentiles, _text
from tests.core.pdfs import write_text_pdf

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(3600)]


@pytest.fixture(scope="module")
def big_server_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = pg.server_case_dir(tmp_path_factory.mktemp("pg-search-bench") / "case")
    Case.open(folder).close()
    url = pg._with_database(pg.server_url(), _database(folder))
    rng = random.Random(7)
    started = time.perf_counter()
    docs = PAGES // PAGES_PER_DOC
    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO documents(id, uid, sha256, filename, media_type, size_bytes, page_count, "
                "review_status, imported_at, imported_by, warnings, source_metadata) VALUES "
                "(%s, %s, %s, %s, 'application/pdf', 1, %s, 'new', '2024-01-01 00:00:00', 'bench', '[]', '{}')",
                [(d, f"{d:032x}", f"{d:064x}", f"doc-{d}.pdf", PAGES_PER_DOC) for d in range(1, docs + 1)])
            cur.executemany(
                "INSERT INTO pages(document_id, number, width, height, rotation, text, text_source, needs_ocr, "
                "has_images, words) VALUES (%s, %s, 595, 842, 0, %s, 'embedded', false, false, '[]')",
                [(1 + i // PAGES_PER_DOC, 1 + i % PAGES_PER_DOC, _text(rng)) for i in range(PAGES)])
        conn.commit()
    inserted = time.perf_counter() - started
    with Case.open(folder) as case, case.write() as s:  # the writer indexes the marked pages
        indexed = server_index.refresh(s)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE page_index")
    print(f"\nbuilt {PAGES:,} pages: inserted in {inserted:.1f} s, {indexed:,} indexed in "
          f"{time.perf_counter() - started - inserted:.1f} s")
    return folder


def _database(folder: Path) -> str:
    from evidence_desk.core.db.location import read_case_toml

    url = read_case_toml(folder)
    assert url is not None
    return url.partition("?")[0].rsplit("/", 1)[1]


def test_search_on_postgresql_against_a_bare_tsquery(big_server_case: Path) -> None:
    case = Case.open(big_server_case)
    bare = psycopg.connect(pg._with_database(pg.server_url(), _database(big_server_case)))
    bare_sql = ("SELECT p.id, p.text FROM page_index pi JOIN pages p ON p.id = pi.page_id "
                "WHERE pi.tsv @@ CAST(%s AS tsquery) ORDER BY ts_rank(pi.tsv, CAST(%s AS tsquery)) DESC LIMIT 100")
    ours, raw = [], []
    hits = {}
    for query in QUERIES:
        ts = parse_query(query).tsquery  # the bare query gets the same tsquery
        search(case, query)  # warm the server's cache for both
        bare.execute(bare_sql, (ts, ts)).fetchall()
        for _ in range(3):
            started = time.perf_counter()
            result = search(case, query)
            ours.append(time.perf_counter() - started)
            started = time.perf_counter()
            rows = bare.execute(bare_sql, (ts, ts)).fetchall()
            raw.append(time.perf_counter() - started)
            assert len(result) == len(rows)
        hits[query] = len(result)
    bare.close()
    case.close()
    o50, o95 = _percentiles(ours)
    b50, b95 = _percentiles(raw)
    print(f"\nPostgreSQL search benchmark: {PAGES:,} pages, {len(QUERIES)} queries × 3")
    print(f"  search():      p50 {o50 * 1000:.2f} ms  p95 {o95 * 1000:.2f} ms")
    print(f"  bare tsquery:  p50 {b50 * 1000:.2f} ms  p95 {b95 * 1000:.2f} ms")
    print(f"  ratio p50 {o50 / b50:.2f}  p95 {o95 / b95:.2f}")
    print(f"  hits per query: {hits}")


def test_import_into_postgresql_against_sqlite(tmp_path: Path) -> None:
    rng = random.Random(3)
    sources = tmp_path / "sources"
    sources.mkdir()
    files = [write_text_pdf(sources / f"f{i:02d}.pdf",
                            [f"Seite {p}: " + _text(rng) for p in range(30)]) for i in range(20)]
    times: dict[str, list[float]] = {"sqlite": [], "postgresql": []}
    for round_ in range(3):
        for kind in ("sqlite", "postgresql") if round_ % 2 == 0 else ("postgresql", "sqlite"):
            folder = tmp_path / f"{kind}-{round_}"
            if kind == "postgresql":
                pg.server_case_dir(folder)
            with Case.open(folder, create=True) as case:
                started = time.perf_counter()
                report = import_paths(case, files, ImportOptions(ocr="never", workers=1))
                times[kind].append(time.perf_counter() - started)
                assert len(report.imported) == len(files)
    lite, server = statistics.median(times["sqlite"]), statistics.median(times["postgresql"])
    print(f"\nimport of {len(files)} PDFs × 30 pages, one worker, medians of 3: SQLite {lite:.2f} s, "
          f"PostgreSQL {server:.2f} s, ratio {server / lite:.2f} (pages/s {600 / lite:.0f} vs {600 / server:.0f})")
