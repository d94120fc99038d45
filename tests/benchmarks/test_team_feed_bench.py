"""What the window's two-second look at colleagues' changes costs (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_team_feed_bench.py -s

On a case with one imported document and ENTRIES audit entries written by another
author (tags, notes, mention status changes in turn), on SQLite and on PostgreSQL:
- probe: `audit_head(case)` — a read session, `SELECT max(id) FROM audit_log`;
- bare: the same read session running `SELECT 1` (the round trip any read costs);
- feed: `changes_since(case, head - BATCH)` — read BATCH entries, parse their JSON, look up
  the document and page of the updated rows, build the Changes — and the same for all entries.
Figures (medians) are printed, never asserted."""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_desk.core.case import Case
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.tagging import SetMentionStatus
from evidence_desk.core.db.copy_case import copy_case
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries.annotations import document_mentions
from evidence_desk.core.queries.team_changes import audit_head, changes_since
from tests import pg
from tests.core.pdfs import write_text_pdf

pytestmark = pytest.mark.benchmark
ENTRIES = 600
BATCH = 50  # a busy minute of a five-person team
ROUNDS = 300


def _median_ms(work, rounds: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        t = time.perf_counter()
        work()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


@pytest.fixture(scope="module")
def lite_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feed")
    letter = write_text_pdf(root / "letter.pdf", ["Hans Müller in Minsk.", "Anton Petrov, contract 2021-0457."])
    with Case.open(root / "case", create=True, author="bob") as case:
        [doc] = import_paths(case, [letter], ImportOptions(ocr="never", workers=1)).imported
        d = doc.document_id
        for i in range(ENTRIES // 3):
            case.apply(tag_edit(case, d, 1 + i % 2, f"Person {i % 20}", "person", rect=Rect(10 + i % 50, 10, 60, 20)))
            case.apply(AddNote(d, f"note {i}", page=1 + i % 2))
            mention = document_mentions(case, d)[-1].id
            case.apply(SetMentionStatus([mention], "rejected"))  # tags start accepted
    return root / "case"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_head_probe_and_the_feed_against_a_bare_round_trip(backend: str, lite_case: Path,
                                                              tmp_path: Path) -> None:
    if backend == "sqlite":
        folder = tmp_path / "case"
        shutil.copytree(lite_case, folder)
    else:
        with Case.open(lite_case) as lite:
            report = copy_case(lite, pg.empty_database(), folder=tmp_path / "shared")
        assert report.ok, report.problems
        folder = report.folder
    with Case.open(folder, author="alice") as case:
        head = audit_head(case)

        def bare() -> None:
            with case.read() as s:
                s.execute(text("SELECT 1")).scalar_one()

        probe_ms = _median_ms(lambda: audit_head(case), ROUNDS)
        bare_ms = _median_ms(bare, ROUNDS)
        batch_ms = _median_ms(lambda: changes_since(case, head - BATCH), 30)
        all_ms = _median_ms(lambda: changes_since(case, 0), 5)
        news = changes_since(case, head - BATCH)
        assert len(news.entries) == BATCH and news.changes.documents
    print(f"\n{backend}: {head} entries; probe {probe_ms:.3f} ms vs bare SELECT 1 {bare_ms:.3f} ms "
          f"(×{probe_ms / bare_ms:.2f}); feed of {BATCH} entries {batch_ms:.2f} ms "
          f"({batch_ms / BATCH:.3f} ms/entry); all {head} entries {all_ms:.1f} ms")
