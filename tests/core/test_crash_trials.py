"""kill -9 at random moments while a process tags, notes, redacts, merges entities, imports,
exports, reads pages by OCR, merges a colleague's bundle and builds the demo: afterwards the case verifies (integrity, audit chain and its anchor, originals),
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
import sqlite3
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text

from evidence_desk.core import confine
from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Entity, Mention, Note, Redaction
from evidence_desk.core.demo.build import DEMO_MARKER, STARTED_KEY
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf
from tests.tools import require_tool

REPO = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("EVIDENCE_DESK_CRASH_SEED", "1313"))
SCALE = float(os.environ.get("EVIDENCE_DESK_CRASH_SCALE", "1"))  # < 1: fewer trials, for a quick look
# Per kind: trials, the most changes acknowledged before the clock starts, and the window
# (seconds) after that in which the kill lands. Import and export use sandbox workers, so
# one of their changes takes longer.
# OCR reads a page in about a second, a bundle merge takes one or two, the demo build much longer.
PLAN = {"note": (44, 3, 0.15), "tag": (44, 3, 0.15), "redact": (40, 3, 0.15), "merge": (28, 2, 0.3),
        "import": (12, 1, 0.6), "export": (8, 1, 2.0), "ocr": (10, 1, 2.5), "bundle": (10, 1, 1.5),
        "demo": (4, 0, 12.0)}
COLLEAGUE_NOTE = "Their reading of the permit"


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
    # A colleague's copy of the case, with a document, a tag and a note of theirs, as a bundle.
    shutil.copytree(folder / "case", folder / "colleague")
    theirs = write_text_pdf(folder / "theirs.pdf", ["Transfer note 77 from Zollamt Brest."])
    with Case.open(folder / "colleague", author="colleague") as colleague:
        assert len(import_paths(colleague, [theirs], ImportOptions(workers=1, ocr="never")).imported) == 1
        colleague.apply(tag_edit(colleague, 2, 1, "Zollamt Brest", "organization", quote="Zollamt Brest"))
        add_note(colleague, 2, COLLEAGUE_NOTE, page=1)
        export_bundle(colleague, folder / "colleague.zip", BundleOptions(profile="internal"))
    (sources / "bundle.sha").write_text(hashlib.sha256(theirs.read_bytes()).hexdigest())
    return folder / "case", sources


def _check(case_dir: Path, kind: str, acks: list[str], out: Path, pid: int, verified_demos: list[bool]) -> None:
    with Case.open(case_dir) as case:  # the next open: it must also clear what the kill left
        report = verify_case(case)  # the log replayed against the records included
        assert report.ok, (kind, report.problems)
        if kind == "demo":
            verified_demos.append(_check_demo(out / "demo", pid))
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
                elif what == "ocr":
                    assert not s.execute(text("SELECT 1 FROM pages WHERE document_id = 1 AND "
                                              "text_source != 'ocr'")).first(), ack
                elif what == "bundle":
                    assert s.execute(text("SELECT 1 FROM documents WHERE sha256 = :h"), {"h": detail}).first(), ack
                    assert s.execute(select(Note.id).where(Note.text == COLLEAGUE_NOTE)).first(), ack
                elif what == "export":
                    path, sha = detail.split()
                    assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == sha, ack
    confine.part_path(out / "next.pdf")  # what the next export to that folder does first
    assert [p.name for p in out.iterdir() if p.name.endswith(".part")] == []


def _check_demo(demo: Path, pid: int) -> bool:
    """A demo killed mid-build leaves no temporary corpus once a case was opened, and a
    folder the next `demo` starts again in (marked with its dead builder). The half-built
    case, once its database was made, verifies like any case: its log explains every
    record it holds. True if there was such a case to verify."""
    leftovers = [p.name for p in Path(tempfile.gettempdir()).glob(f"evidence-desk-demo-{pid}-*")]
    assert leftovers == [], leftovers
    if not demo.exists() or not any(demo.iterdir()):
        return False  # killed before it claimed the folder: the next build takes it as it is
    assert (demo / DEMO_MARKER).read_text().strip() == str(pid)
    db = demo / "case.sqlite"
    try:
        con = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
        try:
            started = con.execute("SELECT 1 FROM case_meta WHERE key = ?", (STARTED_KEY,)).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False  # killed while the database was being made: the next build starts again
    if started is None:
        return False
    with Case.open(demo) as half_built:
        report = verify_case(half_built)
        assert report.ok, report.problems
    return True


@pytest.mark.crash_trials
@pytest.mark.timeout(1800)  # 200+ trials, the OCR, bundle and demo ones taking seconds each
def test_kill_9_at_random_moments_loses_no_acknowledged_change(base: tuple[Path, Path], tmp_path: Path) -> None:
    base_case, sources = base
    require_tool("tesseract")  # the OCR trials
    bundle, bundle_sha = base_case.parent / "colleague.zip", (sources / "bundle.sha").read_text()
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
    verified_demos: list[bool] = []
    acknowledged: Counter[str] = Counter()
    try:
        for number, (kind, after, delay) in enumerate(trials):
            case_dir, out = tmp_path / f"t{number}", tmp_path / f"out{number}"
            shutil.copytree(base_case, case_dir)
            out.mkdir()
            spec = {"case": str(case_dir), "kind": kind, "after": after, "delay": delay,
                    "extra": {"sources": str(sources), "out": str(out), "bundle": str(bundle),
                              "bundle_sha": bundle_sha}}
            zygote.stdin.write(json.dumps(spec) + "\n")
            zygote.stdin.flush()
            result = json.loads(zygote.stdout.readline())
            assert result["ready"] and not result["errors"], (kind, result)
            _check(case_dir, kind, result["acks"], out, result["pid"], verified_demos)
            acknowledged[kind] += len(result["acks"])
            killed_midway[kind] += not result["finished"]
            shutil.rmtree(case_dir)
            shutil.rmtree(out)
    finally:
        zygote.stdin.close()
        zygote.wait(60)
    print(f"\n{len(trials)} kill -9 trials (seed {SEED}); acknowledged changes per kind {dict(acknowledged)}; "
          f"killed mid-work {dict(killed_midway)}; half-built demo cases verified {sum(verified_demos)}")
    assert sum(killed_midway.values()) == len(trials)  # every child was killed at work, none finished
    if SCALE >= 1:
        # the kills did land after some work (a demo build takes longer than any trial: it is
        # killed mid-build every time, and its half-built case is what is checked)
        assert all(acknowledged[kind] > 0 for kind in PLAN if kind != "demo")
