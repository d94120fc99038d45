"""Staging is per process: opening a case (a `list`, `verify`, the window) while another
process imports never touches that import's staged copy; the staging folder of a process
that died is removed by the next open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from evidence_desk.core.case import Case

REPO = Path(__file__).resolve().parents[2]


def _child(case_dir: Path, source: Path) -> tuple[subprocess.Popen[str], Path]:
    child = subprocess.Popen([sys.executable, "-m", "tests.core.staging_child", str(case_dir), str(source)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("STAGED "), line
    return child, Path(line.split(" ", 1)[1].strip())


def test_opening_a_case_leaves_another_live_processs_staged_copy_alone(tmp_path: Path) -> None:
    Case.open(tmp_path / "case", create=True).close()
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(100_000))
    child, staged = _child(tmp_path / "case", source)
    try:
        with Case.open(tmp_path / "case") as case:  # as `list` would, mid-import
            assert staged.is_file()
            assert staged.parent != case.originals.staging
        out, _ = child.communicate("go\n", timeout=60)
    finally:
        child.kill()
    assert child.returncode == 0 and "COMMITTED" in out


def test_the_staging_of_a_killed_process_is_removed_by_the_next_open(tmp_path: Path) -> None:
    Case.open(tmp_path / "case", create=True).close()
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(100_000))
    child, staged = _child(tmp_path / "case", source)
    child.send_signal(signal.SIGKILL)
    child.wait(30)
    assert staged.is_file()
    with Case.open(tmp_path / "case") as case:
        assert not staged.parent.exists()
        assert list(case.originals.incoming.iterdir()) == []
