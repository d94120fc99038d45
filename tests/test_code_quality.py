"""The codebase stays ruff-clean and its modules stay small (one job each)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MAX_MODULE_LINES = 400


def test_ruff_finds_nothing() -> None:
    exe = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    done = subprocess.run([exe, "check", "--no-cache", "."], cwd=REPO, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-1000:]


def test_no_module_outgrows_one_job() -> None:
    """Migrations are generated data-definition scripts, not modules with a job."""
    too_long = {
        str(path.relative_to(REPO)): n
        for path in (REPO / "desktop" / "evidence_desk").rglob("*.py")
        if "migrations" not in path.parts
        and (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert too_long == {}
