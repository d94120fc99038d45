"""Redaction matching of one word across 10,000 pages against a bare FTS5 query for the
same word, and the window's main thread while "redact every occurrence" runs (not run
by default).

    uv run pytest -m benchmark tests/benchmarks/test_redaction_bench.py -s

The case holds 10,000 pages with word boxes (200 documents of 50 pages, ~90 words a
page, Russian/English/German vocabulary); one name ("Гарбуз", inflected "Гарбузу",
with a Latin-"a" OCR slip "Гaрбуз") is on 1 % of the pages, and "radar" on most.
`find_hits` includes folding the query, the vocabulary lookup, the FTS query for
candidate pages, loading their word boxes, building each page's stream, matching and
one rectangle per line of every hit. The bare side is
`SELECT rowid FROM pages_fts WHERE pages_fts MATCH '"гарбуз"'` on a plain sqlite3
connection: candidate pages only, no words loaded, no rectangles. Medians of 5 runs;
figures are printed, never asserted: the main thread's longest gap (a 10 ms timer's
ticks) while the job runs and while the preview opens is printed against the 50 ms
bound; the default suite only checks that the job runs off the main thread and that
the preview fills (tests/ui)."""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.redaction.matching import find_hits
from evidence_desk.core.text.index import register_functions

pytestmark = pytest.mark.benchmark
PAGES = 10_000
PAGES_PER_DOC = 50
VOCAB = ["министерство", "обороны", "поставка", "станций", "договор", "контракт", "оплата", "посольство",
         "нота", "таможня", "Беларусь", "Минск", "ministry", "defence", "delivery", "fire-control", "contract",
         "invoice", "payment", "embassy", "customs", "shipment", "artillery", "Ministerium", "Lieferung",
         "Vertrag", "Rechnung", "Zahlung", "Weißrussland", "Zürich", "Endverbleibserklärung"]
FILLER = [f"w{i:04d}" for i in range(4000)]
NAMES = ["Гарбуз", "Гарбузу", "Гaрбуз"]


def _words(rng: random.Random, with_name: bool) -> list[list[object]]:
    words = [rng.choice(VOCAB) if rng.random() < 0.5 else rng.choice(FILLER) for _ in range(rng.randrange(60, 120))]
    if rng.random() < 0.8:
        words[rng.randrange(len(words))] = "radar"
    if with_name:
        words.insert(rng.randrange(len(words)), rng.choice(NAMES))
    return [[60.0 + 50 * (i % 9), 60.0 + 14 * (i // 9), 105.0 + 50 * (i % 9), 72.0 + 14 * (i // 9), w, 0, i // 9, i % 9]
            for i, w in enumerate(words)]


@pytest.fixture(scope="module")
def big_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("redaction-bench") / "case"
    Case.open(folder, create=True).close()
    rng = random.Random(7)
    con = sqlite3.connect(folder / DB_NAME)
    register_functions(con)
    con.execute("PRAGMA synchronous=OFF")  # building the fixture only
    docs = PAGES // PAGES_PER_DOC
    con.executemany(
        "INSERT INTO documents(id, uid, sha256, filename, media_type, size_bytes, page_count, "
        "review_status, imported_at, imported_by, warnings, source_metadata) "
        "VALUES (?, ?, ?, ?, 'application/pdf', 1, ?, 'new', '2024-01-01 00:00:00', 'bench', '[]', '{}')",
        [(d, f"{d:032x}", f"{d:064x}", f"doc-{d}.pdf", PAGES_PER_DOC) for d in range(1, docs + 1)],
    )
    started = time.perf_counter()
    rows = []
    for i in range(PAGES):
        words = _words(rng, with_name=i % 100 == 0)
        rows.append((1 + i // PAGES_PER_DOC, 1 + i % PAGES_PER_DOC, " ".join(str(w[4]) for w in words),
                     json.dumps(words, ensure_ascii=False)))
    con.executemany("INSERT INTO pages(document_id, number, width, height, rotation, text, text_source, "
                    "needs_ocr, has_images, words) VALUES (?, ?, 595, 842, 0, ?, 'embedded', 0, 0, ?)", rows)
    con.commit()
    con.execute("INSERT INTO pages_fts(pages_fts) VALUES('optimize')")
    con.commit()
    con.close()
    print(f"\nbuilt and indexed {PAGES:,} pages in {time.perf_counter() - started:.1f} s")
    return folder


def _median(fn, runs: int = 5) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


@pytest.mark.timeout(1800)  # six runs over 8,000 pages take longer than the default 300 s on a loaded machine
@pytest.mark.parametrize("word, fts", [("Гарбуз", '"гарбуз"*'), ("radar", '"radar"')])
def test_redaction_matching_of_one_word_against_a_bare_fts5_query(big_case: Path, word: str, fts: str) -> None:
    case = Case.open(big_case)
    bare = sqlite3.connect(big_case / DB_NAME)
    find_hits(case, word)  # warm the page cache for both
    ours, hits = _median(lambda: find_hits(case, word))
    raw, pages = _median(lambda: bare.execute("SELECT rowid FROM pages_fts WHERE pages_fts MATCH ?",
                                              (fts,)).fetchall())
    case.close()
    bare.close()
    print(f"\n{word!r} over {PAGES:,} pages: find_hits {ours * 1000:.1f} ms ({len(hits)} hits), "  # type: ignore[arg-type]
          f"bare FTS5 {raw * 1000:.2f} ms ({len(pages)} pages); ratio {ours / raw:.0f}x")  # type: ignore[arg-type]
    assert hits and pages


@pytest.mark.timeout(1800)
def test_the_window_main_thread_is_never_blocked_while_every_occurrence_is_found(
        big_case: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QElapsedTimer, QTimer

    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow
    from evidence_desk.ui.tools.redact_all import redact_every_occurrence

    application()
    case = Case.open(big_case)
    window = MainWindow(case)
    window.persist_layout = False
    qtbot.addWidget(window)
    window.show()
    clock, gaps = QElapsedTimer(), []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: (gaps.append(clock.restart())))
    results = {}
    qtbot.wait(500)
    gaps.clear()
    clock.start()
    timer.start()
    qtbot.wait(3000)  # the same window with nothing running: what the machine itself costs
    timer.stop()
    idle = max(gaps, default=0)
    for word in ("Гарбуз", "radar"):
        qtbot.wait(200)  # let the window settle
        gaps.clear()
        clock.start()
        timer.start()
        started = time.perf_counter()
        search = redact_every_occurrence(window, word)
        assert search is not None
        with qtbot.waitSignal(search.job.succeeded, timeout=300_000):
            pass
        seconds = time.perf_counter() - started
        job_gap, ticks = max(gaps, default=0), len(gaps)
        gaps.clear()
        with qtbot.waitSignal(search.previewShown, timeout=300_000):
            pass
        qtbot.wait(300)  # the preview paints its first rows and asks for their thumbnails
        timer.stop()
        preview = time.perf_counter() - started - seconds
        results[word] = (seconds, job_gap, ticks, len(search.job.result.hits), preview, max(gaps, default=0))
        search.dialog.reject()
    window.close()
    case.close()
    print(f"\nidle window: main thread max gap {idle} ms over 3 s")
    for word, (seconds, gap, ticks, hits, preview, preview_gap) in results.items():
        print(f"\n{word!r}: job {seconds:.2f} s, {hits} hits; main thread max gap {gap} ms over {ticks} ticks "
              f"of a 10 ms timer; then the preview opened and painted in {preview * 1000:.0f} ms, "
              f"max gap {preview_gap} ms; within 50 ms: {'yes' if max(gap, preview_gap) <= 50 else 'NO'}")
