"""The PyInstaller bundle under test: built once per session by packaging/build.sh, or an
existing build named by EVIDENCE_DESK_BUNDLE (a dist/evidence-desk folder)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.tools import path_without_tools, require_tesseract, require_tool

REPO = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 1800  # seconds: a cold PyInstaller build on a busy two-core machine


def build_bundle(tmp: Path) -> tuple[Path, float]:
    """Build the bundle (with Tesseract beside it) into `tmp`; return its folder and the
    build's wall time (0 when an existing build was given)."""
    given = os.environ.get("EVIDENCE_DESK_BUNDLE")
    if given:
        return Path(given), 0.0
    require_tool("objdump")
    require_tesseract("rus", "eng", "deu")
    started = time.monotonic()
    done = subprocess.run([str(REPO / "packaging" / "build.sh"), "--with-tesseract", "--dist", str(tmp / "dist"),
                           "--work", str(tmp / "work")], capture_output=True, text=True, timeout=BUILD_TIMEOUT,
                          check=False, cwd=REPO)
    if done.returncode != 0:
        pytest.fail(f"packaging/build.sh failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}", pytrace=False)
    return tmp / "dist" / "evidence-desk", time.monotonic() - started


def bundle_env(home: Path, bare_path: Path) -> dict[str, str]:
    """The environment of a user's machine without the system tools, offscreen, own home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON", "EVIDENCE_DESK_"))}
    env.update(PATH=path_without_tools(bare_path), QT_QPA_PLATFORM="offscreen", EVIDENCE_DESK_HOME=str(home),
               EVIDENCE_DESK_AUTHOR="tester")
    return env


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
