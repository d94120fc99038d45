"""The PyInstaller bundle against `uv run evidence-desk`: size, and start-up time of the
same two commands (one run each, a fresh process each; both sides start offscreen on the
same case and include interpreter start, imports, and for `gui --screenshot` the window,
the first pages drawn, the PNG written and the exit; `uv run` also checks the environment
against the lock file, as it does for a user).

    EVIDENCE_DESK_BUNDLE=dist/evidence-desk uv run pytest -m benchmark tests/benchmarks/test_bundle_bench.py -s
(without EVIDENCE_DESK_BUNDLE the bundle is built first)."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from evidence_desk.cli.main import main
from tests.benchmarks.launch import REPO, text_pdf
from tests.packaging.bundle import BUILD_TIMEOUT, build_bundle, folder_size

pytestmark = [pytest.mark.benchmark, pytest.mark.packaging, pytest.mark.timeout(BUILD_TIMEOUT + 600)]


def _clock(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=REPO, timeout=300, check=False)
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stderr[-2000:]
    return elapsed


def test_bundle_size_and_start_up_against_uv_run(tmp_path):
    bundle, build_seconds = build_bundle(tmp_path)
    case = tmp_path / "case"
    assert main(["--case", str(case), "import", str(text_pdf(tmp_path / "letter.pdf")), "--ocr", "never"]) == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "EVIDENCE_DESK_HOME": str(tmp_path / "home")}
    env.pop("VIRTUAL_ENV", None)
    total = folder_size(bundle)
    tesseract = folder_size(bundle / "tesseract") if (bundle / "tesseract").is_dir() else 0
    print(f"\nbundle {bundle}: {total / 1e6:.0f} MB ({(total - tesseract) / 1e6:.0f} MB without the "
          f"{tesseract / 1e6:.0f} MB of Tesseract beside it)"
          + (f"; built in {build_seconds:.0f} s" if build_seconds else ""))
    for label, args in (("--version", ["--version"]),
                        ("gui --screenshot", ["--case", str(case), "gui", "--screenshot", str(tmp_path / "s.png")])):
        frozen = _clock([str(bundle / "evidence-desk"), *args], env)
        source = _clock(["uv", "run", "evidence-desk", *args], env)
        print(f"  {label:<18} bundle {frozen:6.2f} s   uv run evidence-desk {source:6.2f} s   "
              f"ratio bundle/uv {frozen / source:.2f}")
