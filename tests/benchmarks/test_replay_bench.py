"""What replaying the audit log against the records adds to `verify` (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_replay_bench.py -s

One case, one imported letter, then ROUNDS commands (a tag, a note and a redaction
each round, so 3 × ROUNDS entries and records). Both sides read the same case file:
- chain: `verify_chain` (every entry re-hashed in order), the check `verify` already made;
- replay: `check_log` (every entry's JSON parsed and applied, every tracked record read
  and compared column by column).
Medians of REPEATS runs are printed with their ratio, never asserted."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from evidence_desk.core.audit import verify_chain
from evidence_desk.core.audit.log_check import check_log
from evidence_desk.core.case import Case
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.redaction import MarkRedaction, Spot
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from tests.core.pdfs import write_text_pdf

pytestmark = pytest.mark.benchmark
ROUNDS = 400
REPEATS = 5


def test_replaying_the_log_against_the_chain_check(tmp_path: Path) -> None:
    pdf = write_text_pdf(tmp_path / "letter.pdf", ["Kirill O. Garbuz signed the permit.", "Page two."])
    with Case.open(tmp_path / "case", create=True, author="bench") as case:
        import_paths(case, [pdf], ImportOptions(workers=1, ocr="never"))
        for i in range(ROUNDS):
            case.apply(Tag(1, 1, entity=f"Person {i}", entity_type="person", rect=Rect(10, 10, 80, 30)))
            case.apply(AddNote(1, f"note {i}", page=1))
            case.apply(MarkRedaction([Spot(1, 1, (Rect(20, 20, 120, 40 + i % 100),), f"name {i}")], "source"))
        chain_s, replay_s = [], []
        for _ in range(REPEATS):
            with case.read() as s:
                t = time.perf_counter()
                chain = verify_chain(s)
                chain_s.append(time.perf_counter() - t)
                t = time.perf_counter()
                check = check_log(s)
                replay_s.append(time.perf_counter() - t)
        assert chain.ok and check.replayable and check.findings == []
    chain_m, replay_m = statistics.median(chain_s), statistics.median(replay_s)
    print(f"\n{chain.entries} entries, {check.records} records: chain check {chain_m * 1000:.1f} ms, "
          f"replay {replay_m * 1000:.1f} ms (replay/chain {replay_m / chain_m:.2f}x)")
