"""A demo build killed while it was creating its folder is started again by the next build
(instead of being refused as "not a demo case" for ever); one still running is left alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evidence_desk.core.demo import build
from evidence_desk.core.errors import CaseError


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _half_built(folder: Path, owner: int) -> None:
    (folder / "originals" / "ab").mkdir(parents=True)
    (folder / "case.sqlite").write_bytes(b"")  # killed while SQLite created it
    (folder / build.DEMO_MARKER).write_text(f"{owner}\n")


def test_a_half_built_demo_of_a_dead_process_is_started_again(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    _half_built(folder, _dead_pid())
    assert build._prepare(folder, force=False) is True
    assert not folder.exists()


def test_a_demo_being_built_by_a_live_process_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        _half_built(folder, sleeper.pid)
        with pytest.raises(CaseError, match="being built by another process"):
            build._prepare(folder, force=False)
        assert folder.exists()
    finally:
        sleeper.kill()
        sleeper.wait()

