"""Generated hostile files: bit flips, truncations and splices of real corpus PDFs each
end imported or refused with a reason — never a crash of the caller or a hang.
The seed is printed; rerun one with EVIDENCE_DESK_MUTANT_SEED=<seed>."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.verify_case import verify_case
from tests.core.importing.corpus_expect import load

SEED = int(os.environ.get("EVIDENCE_DESK_MUTANT_SEED", "0")) or 20261125


def _parents(corpus: Path, rng: random.Random, n: int) -> list[bytes]:
    pdfs = [f for f in load(corpus) if f.kind == "pdf" and f.expect == "ok" and f.path.stat().st_size < 200_000]
    return [f.path.read_bytes() for f in rng.sample(pdfs, n)]


def mutate(data: bytes, other: bytes, rng: random.Random) -> tuple[str, bytes]:
    kind = rng.choice(["bitflip", "bitflip", "truncate", "splice", "zero-run", "duplicate-run"])
    buf = bytearray(data)
    if kind == "bitflip":
        for _ in range(rng.randrange(1, 64)):
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
    elif kind == "truncate":
        buf = buf[: rng.randrange(1, len(buf))]
    elif kind == "splice":
        cut, cut2 = rng.randrange(len(buf)), rng.randrange(len(other))
        buf = buf[:cut] + bytearray(other[cut2:])
    elif kind == "zero-run":
        start = rng.randrange(len(buf))
        buf[start:start + rng.randrange(1, 4096)] = b"\x00" * min(4096, len(buf) - start)
    else:
        start = rng.randrange(len(buf))
        chunk = buf[start:start + rng.randrange(1, 2048)]
        buf[start:start] = chunk * rng.randrange(2, 50)
    return kind, bytes(buf)


def _run(corpus: Path, case: Case, tmp_path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    parents = _parents(corpus, rng, 12)
    folder = tmp_path / "mutants"
    folder.mkdir()
    kinds = {}
    for i in range(count):
        kind, data = mutate(rng.choice(parents), rng.choice(parents), rng)
        name = f"mutant-{i:03d}-{kind}.pdf"
        (folder / name).write_bytes(data)
        kinds[name] = kind
    started = time.monotonic()
    report = import_paths(case, [folder], ImportOptions(workers=2, timeout=20))
    seconds = time.monotonic() - started
    print(f"\nmutants (seed {seed}): {count} in {seconds:.1f} s — {report.summary()}")
    assert len(report.outcomes) == count, f"seed {seed}"
    for outcome in report.outcomes:
        assert outcome.status in ("imported", "duplicate", "refused"), (seed, outcome)
        if outcome.status == "refused":
            assert outcome.reason and "\n" not in outcome.reason and "Traceback" not in outcome.reason, (
                seed, outcome)
    verdict = verify_case(case)
    assert verdict.ok, (seed, verdict.problems)


def test_twenty_mutants_of_corpus_pdfs_end_imported_or_refused(corpus: Path, case: Case, tmp_path: Path) -> None:
    _run(corpus, case, tmp_path, 20, SEED)


@pytest.mark.slow
def test_many_mutants_end_imported_or_refused(corpus: Path, case: Case, tmp_path: Path,
                                              request: pytest.FixtureRequest) -> None:
    if "slow" not in request.config.option.markexpr or "not slow" in request.config.option.markexpr:
        pytest.skip("400 mutants: select with -m slow")
    _run(corpus, case, tmp_path, 400, SEED + 1)
