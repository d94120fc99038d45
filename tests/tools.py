"""System tools the tests use, the Debian package each comes from, and the one way to ask for them.

A test that needs a tool calls `require_tool("qpdf")` (or is marked
`@pytest.mark.needs_tool("qpdf")`). When the tool is missing the test is skipped
with one line naming the Debian package; when the environment variable `CI` is
set, it fails instead, so CI never passes by skipping. `.ci/run` and the README
install every package listed in `SYSTEM_PACKAGES` (tests/test_setup_docs.py
checks that the three lists agree)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Executable → Debian package. Only tools a test runs (directly or through the application).
TOOL_PACKAGES: dict[str, str] = {
    "tesseract": "tesseract-ocr",
    "pdftotext": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdfdetach": "poppler-utils",
    "qpdf": "qpdf",
    "exiftool": "libimage-exiftool-perl",
    "Xvfb": "xvfb",
    "xauth": "xauth",
    "bwrap": "bubblewrap",
    "chromium": "chromium",
    "chromium-browser": "chromium",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "objdump": "binutils",
    "initdb": "postgresql",
}


def _tesseract_package(lang: str) -> str:
    return f"tesseract-ocr-{lang.replace('_', '-')}"


def missing(what: str) -> None:
    """Skip (or, under CI, fail) the running test: `what` is missing."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must not skip: install it in .ci/run)", pytrace=False)
    pytest.skip(what)


def require_tool(name: str, package: str | None = None) -> str:
    """The path of executable `name`; skip (fail under CI) naming its Debian package if missing."""
    found = shutil.which(name)
    if found is None:
        package = package or TOOL_PACKAGES[name]
        missing(f"{name} not found: sudo apt-get install {package}")
    return found  # type: ignore[return-value]


@functools.lru_cache(maxsize=4)
def _tesseract_languages(exe: str) -> frozenset[str]:
    done = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60, check=False)
    return frozenset(line.strip() for line in (done.stdout + done.stderr).splitlines()[1:])


def require_tesseract(*languages: str) -> str:
    """Tesseract with these language packs; skip (fail under CI) naming the missing packages."""
    if shutil.which("tesseract") is None:
        packages = " ".join(["tesseract-ocr", *(_tesseract_package(lang) for lang in languages)])
        missing(f"tesseract not found: sudo apt-get install {packages}")
    exe = require_tool("tesseract")
    absent = [lang for lang in languages if lang not in _tesseract_languages(exe)]
    if absent:
        packages = " ".join(_tesseract_package(lang) for lang in absent)
        missing(f"Tesseract languages {'+'.join(absent)} not installed: sudo apt-get install {packages}")
    return exe


def check_marker(item: pytest.Item) -> None:
    """`@pytest.mark.needs_tool("qpdf", ...)` and `@pytest.mark.needs_tesseract("rus", ...)`."""
    for mark in item.iter_markers("needs_tool"):
        for name in mark.args:
            require_tool(name)
    for mark in item.iter_markers("needs_tesseract"):
        require_tesseract(*mark.args)


def path_without_tools(folder: Path, packages: tuple[str, ...] | None = None) -> str:
    """A PATH value that reaches every executable of this PATH except those of `packages`
    (default: every package in TOOL_PACKAGES): links to the rest are made in `folder`.
    Used to show the set-up works on a machine without the system tools."""
    hidden_packages = set(packages if packages is not None else TOOL_PACKAGES.values())
    hidden = {tool for tool, pkg in TOOL_PACKAGES.items() if pkg in hidden_packages}
    folder.mkdir(parents=True, exist_ok=True)
    for entry in os.environ.get("PATH", "").split(os.pathsep):
        directory = Path(entry)
        if not directory.is_dir():
            continue
        for exe in directory.iterdir():
            link = folder / exe.name
            if exe.name in hidden or link.exists() or link.is_symlink():
                continue
            if exe.is_file() and os.access(exe, os.X_OK):
                link.symlink_to(exe)
    return str(folder)
