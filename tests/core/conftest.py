"""The demo case, built once per session (without OCR) and copied for each module that
uses it: a build imports sixteen files through the sandbox and takes seconds."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """`demo_copy(target)`: a copy of the session's demo case folder at `target`, a case
    of its own to open and change. The demo is built on first use; never opened itself."""
    from evidence_desk.core.demo.build import build_demo_case

    built: list[Path] = []

    def copy(target: Path) -> Path:
        if not built:
            folder = tmp_path_factory.mktemp("demo-template") / "case"
            build_demo_case(folder, ocr=False).close()
            built.append(folder)
        shutil.copytree(built[0], target)
        return target

    return copy
