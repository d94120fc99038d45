"""The README's two commands on a fresh machine: a copy of the repository, a new virtual
environment made by uv from the lock file (offline, from uv's cache), and none of the
system tools on PATH. The window command runs as `--demo gui --screenshot` so that it
exits; the test command runs the tests that need system tools (not the whole suite again:
that is what .ci/run's first command does), which must pass by skipping, each skip
naming the package, and must fail under CI."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.tools import path_without_tools

pytestmark = [pytest.mark.fresh_setup, pytest.mark.timeout(1500)]

REPO = Path(__file__).resolve().parents[2]
# Every test file that runs a system tool, plus the start-up check of the Qt libraries.
TOOL_TESTS = ["tests/cli/test_ocr_cmd.py", "tests/core/ocr/test_ocr_job.py", "tests/core/ocr/test_ocr_quality.py",
              "tests/core/redaction/test_export_leaks.py", "tests/packaging/test_desktop_entry.py",
              "tests/core/demo/test_generate.py", "tests/ui/test_platform_check.py", "tests/test_setup_docs.py"]
EXPECTED_SKIPS = ["tesseract not found: sudo apt-get install tesseract-ocr",
                  "qpdf not found: sudo apt-get install qpdf",
                  "pdftotext not found: sudo apt-get install poppler-utils",
                  "exiftool not found: sudo apt-get install libimage-exiftool-perl",
                  "desktop-file-validate not found: sudo apt-get install desktop-file-utils",
                  "appstreamcli not found: sudo apt-get install appstream"]


def _fresh_checkout(dest: Path) -> Path:
    """The repository's files as a clone would have them (tracked and new, not ignored)."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                           capture_output=True, check=True, timeout=60).stdout.decode().split("\0")
    for name in filter(None, files):
        source = REPO / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
            target.chmod(source.stat().st_mode)
    return dest


@pytest.fixture(scope="module")
def machine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("fresh")
    repo = _fresh_checkout(root / "evidence-desk")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("VIRTUAL_ENV", "UV_", "PYTHONPATH", "EVIDENCE_DESK_", "QT_")) and k != "CI"}
    env.update(PATH=path_without_tools(root / "bin"), UV_OFFLINE="1", EVIDENCE_DESK_HOME=str(root / "home"),
               QT_QPA_PLATFORM="offscreen", EVIDENCE_DESK_CORPUS=str(REPO.parent / "shared" / "corpus"))
    return repo, env


def _uv(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["uv", "run", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=1200,
                          check=False)


def test_the_demo_command_builds_the_demo_without_tesseract_and_says_so(machine, tmp_path):
    repo, env = machine
    shot = tmp_path / "window.png"
    done = _uv(repo, env, "evidence-desk", "--demo", "gui", "--screenshot", str(shot))
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert (repo / ".venv").is_dir()  # a new environment, made from the lock file
    assert "built without OCR" in done.stderr and "sudo apt install tesseract-ocr" in done.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 1000)


def test_the_tool_tests_pass_by_skipping_and_each_skip_names_the_package(machine):
    repo, env = machine
    done = _uv(repo, env, "pytest", "-q", *TOOL_TESTS)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-5000:]
    skipped = [line for line in output.splitlines() if line.startswith("SKIPPED")]
    for reason in EXPECTED_SKIPS:
        assert any(reason in line for line in skipped), (reason, skipped)
    assert " passed" in output.splitlines()[-1]  # what needs no tool still ran


def test_under_ci_the_same_tests_fail_instead_of_skipping(machine):
    repo, env = machine
    done = subprocess.run(["uv", "run", "pytest", "-q", "tests/core/redaction/test_export_leaks.py"], cwd=repo,
                          env={**env, "CI": "1"}, capture_output=True, text=True, timeout=1200, check=False)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output[-3000:]
    assert "qpdf not found: sudo apt-get install qpdf (CI must not skip" in output
    assert "SKIPPED" not in output
