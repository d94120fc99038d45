"""Issue 13's leftover reproductions, with a real kill -9 (the crash trials do it at
random moments, in CI only): a process killed while it had sandbox workers running
leaves no `pymp-*` or session folder after the next open of a case, and the `.part`
file of a killed export is removed by the next export to that folder."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.core import confine
from evidence_desk.core.case import Case
from evidence_desk.core.importing import import_paths
from evidence_desk.core.redaction.export import export_pdf
from tests.core.pdfs import write_text_pdf

REPO = Path(__file__).resolve().parents[2]
CHILD = """
import sys, time
from pathlib import Path
from evidence_desk.core import confine
from evidence_desk.core.sandbox import Limits, SandboxWorker
from tests.core import sandbox_probes as probes
target = Path(sys.argv[1])
confine.part_path(target).write_bytes(b"%PDF-1.7 half an export")
worker = SandboxWorker(Limits(memory_mb=512))
assert worker.call(probes.PID, timeout=30) > 0
print("READY", flush=True)
time.sleep(600)
"""


def _entries(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


@pytest.fixture
def temp() -> Iterator[Path]:
    """A temporary folder of its own for the child, with a short path (its sockets live there)."""
    folder = Path(tempfile.mkdtemp(prefix="ed-kill-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_a_killed_process_leaves_no_temporary_folder_or_part_file_behind(tmp_path: Path, temp: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    pdf = write_text_pdf(tmp_path / "letter.pdf", ["Kirill O. Garbuz signed.", "Page two."])
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": f"{REPO}:{REPO / 'desktop'}"}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(out / "letter-redacted.pdf")], stdout=subprocess.PIPE,
                             text=True, env=env, cwd=REPO, start_new_session=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "READY"
        assert _entries(temp), "the child made its session folder in its temp folder"
        assert [p.name for p in out.iterdir() if p.name.endswith(".part")]
    finally:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(30)
    # What the next open of any case does first, for the temp folder the dead process used.
    confine.sweep_stale_sessions(temp)
    assert {n for n in _entries(temp) if n.startswith(("pymp-", confine.SESSION_PREFIX))} == set()
    with Case.open(tmp_path / "case", create=True) as case:
        import_paths(case, [pdf])
        export_pdf(case, 1, out / "letter-redacted.pdf")
    assert _entries(out) == {"letter-redacted.pdf"}
