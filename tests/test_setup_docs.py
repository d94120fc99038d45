"""The README's set-up is what CI does: the same two commands, the same system packages,
and every package a test, the window or OCR needs is on that list."""

from __future__ import annotations

import re
from pathlib import Path

from evidence_desk.core.ocr.tesseract import debian_package
from evidence_desk.core.settings import DEFAULT_OCR_LANGUAGES
from evidence_desk.ui.platform_check import PLATFORM_LIBRARIES
from tests.tools import TOOL_PACKAGES

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
README_CODE = "\n".join(re.findall(r"^```sh\n(.*?)^```", README, flags=re.MULTILINE | re.DOTALL))
CI_RUN = (REPO / ".ci" / "run").read_text(encoding="utf-8")


def apt_packages(text: str) -> list[str]:
    """The packages of the one `apt-get install` command in `text` (continuation lines joined)."""
    commands = [c for c in text.replace("\\\n", " ").splitlines() if "apt-get install" in c]
    assert len(commands) == 1, commands
    words = commands[0].split("apt-get install", 1)[1].split(">")[0].split()
    return [w for w in words if not w.startswith("-")]


def test_readme_and_ci_install_the_same_packages_in_the_same_order() -> None:
    assert apt_packages(README_CODE) == apt_packages(CI_RUN)
    assert "…" not in " ".join(apt_packages(README_CODE))


def test_every_tool_library_and_default_ocr_language_is_on_the_list() -> None:
    listed = set(apt_packages(README_CODE))
    assert set(TOOL_PACKAGES.values()) <= listed
    assert {p for table in PLATFORM_LIBRARIES.values() for p in table.values()} <= listed
    assert {debian_package(lang) for lang in DEFAULT_OCR_LANGUAGES.split("+")} <= listed
    assert len(listed) == len(apt_packages(README_CODE))  # nothing twice


def test_ci_runs_exactly_the_readmes_test_command() -> None:
    readme_commands = re.findall(r"^(uv run [^#\n]*?)\s*(?:#.*)?$", README_CODE, flags=re.MULTILINE)
    assert readme_commands[:2] == ["uv run evidence-desk --demo", "uv run pytest"]
    assert "uv run pytest" in [line.strip() for line in CI_RUN.splitlines()]
