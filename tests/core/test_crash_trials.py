"""kill -9 at random moments while a process tags, notes, redacts, merges, imports and
exports: afterwards the case verifies (integrity, audit chain and its anchor, originals),
every change the process had acknowledged is there, and nothing is left behind once the
case is opened again (staging folders, `.part` files of an export).

At least 200 trials, marked `crash_trials`: not part of the default run (they take minutes);
`.ci/run` runs them in a step of their own, and `uv run pytest -m crash_trials` runs them here.
Trials fork from a warm zygote (tests/core/crash_zygote.py), so each costs a fraction of
a second. EVIDENCE_DESK_CRASH_SEED picks another sequence of moments."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text

from evidence_desk.core import confine
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Entity, Mention, Note, Redaction
from evidence_desk.core.importing import import_paths
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf

REPO = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("EVIDENCE_DESK_CRASH_SEED", "1313"))
SCALE = float(os.environ.get("EVIDENCE_DESK_CRASH_SCALE", "1"))  # < 1: fewer trials, for a quick look
# Per kind: trials, the most changes acknowledged before the clock starts, and the window
# (seconds) after that in which the kill lands. Import and export use sandbox workers, so
# one of their changes takes longer.
PLAN = {"note": (50, 3, 0.15), "tag": (50, 3, 0.15), "redact": (45, 3, 0.15), "merge": (32, 2, 0.3),
        "import": (15, 1, 0.6), "export": (8, 1, 2.0)}


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("crash-base")
    write_text_pdf(folder / "letter.pdf", ["Kirill O. Garbuz signed the export permit for radar parts.",
                                           "The consignee was Zollamt Brest."])
    sources = folder / "sources"
    sources.mkdir()
    for i in range(12):
        write_text_pdf(sources / f"s{i:02d}.pdf", [f"Invoice {i}: fire-control kits, EUR {1000 * i}."] * (1 + i % 3))
    with Case.open(folder / "case", create=True) as case:
        assert len(import_paths(case, [folder / "letter.pdf"]).imported) == 1
    return folder / "case", sources


def _check(case_dir: Path, kind: str, acks: list[str], out: Path) -> None:
    with Case.open(case_dir) as case:  # the next open: it must also clear what the kill left
        report = verify_case(case)
        assert report.ok, (kind, report.problems)
        incoming = case.originals.incoming
        assert not incoming.exists() or list(incoming.iterdir()) == [], list(incoming.iterdir())
        with case.read() as s:
            for ack in acks:
                what, _, detail = ack.partition(" ")
                if what == "note":
                    assert s.get(Note, int(detail)) is not None, ack
                elif what == "tag":
                    entity = s.execute(select(Entity.id).where(Entity.name == detail)).scalar_one()
                    assert s.execute(select(Mention.id).where(Mention.entity_id == entity)).first(), ack
                elif what == "redact":
                    assert s.get(Redaction, int(detail)) is not None, ack
                elif what == "merge":
                    keep, other = map(int, detail.split())
                    assert s.get(Entity, other).merged_into_id == keep, ack
                    assert not s.execute(select(Mention.id).where(Mention.entity_id == other)).first(), ack
                elif what == "import":
                    assert s.execute(text("SELECT 1 FROM documents WHERE sha256 = :h"), {"h": detail}).first(), ack
                    assert case.originals.hash_file(detail) == detail
                elif what == "export":
                    path, sha = detail.split()
                    assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == sha, ack
    confine.part_path(out / "next.pdf")  # what the next export to that folder does first
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")] == []


@pytest.mark.crash_trials
def test_kill_9_at_random_moments_loses_no_acknowledged_change(base: tuple[Path, Path], tmp_path: Path) -> None:
    base_case, sources = base
    rng = random.Random(SEED)
    trials = [(kind, rng.randint(0, most), rng.uniform(0.0, window)) for kind, (n, most, window) in PLAN.items()
              for _ in range(max(1, round(n * SCALE)))]
    rng.shuffle(trials)
    assert len(trials) >= 200 or SCALE < 1
    zygote = subprocess.Popen([sys.executable, "-m", "tests.core.crash_zygote"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, cwd=REPO,
                              env={**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'desktop'}"})
    assert zygote.stdin is not None and zygote.stdout is not None
    killed_midway: Counter[str] = Counter()
    acknowledged: Counter[str] = Counter()
    try:
        for number, (kind, after, delay) in enumerate(trials):
            case_dir, out = tmp_path / f"t{number}", tmp_path / f"out{number}"
            shutil.copytree(base_case, case_dir)
            out.mkdir()
            spec = {"case": str(case_dir), "kind": kind, "after": after, "delay": delay,
                    "extra": {"sources": str(sources), "out": str(out)}}
            zygote.stdin.write(json.dumps(spec) + "\n")
            zygote.stdin.flush()
            result = json.loads(zygote.stdout.readline())
            assert result["ready"] and not result["errors"], (kind, result)
            _check(case_dir, kind, result["acks"], out)
            acknowledged[kind] += len(result["acks"])
            killed_midway[kind] += not result["finished"]
            shutil.rmtree(case_dir)
            shutil.rmtree(out)
    finally:
        zygote.stdin.close()
        zygote.wait(60)
    print(f"\n{len(trials)} kill -9 trials (seed {SEED}); acknowledged changes per kind {dict(acknowledged)}; "
          f"killed mid-work {dict(killed_midway)}")
    assert sum(killed_midway.values()) == len(trials)  # every child was killed at work, none finished
    if SCALE >= 1:
        assert all(acknowledged[kind] > 0 for kind in PLAN)  # the kills did land after some work
