"""A small imported case for command-line tests, built once per module through the CLI itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.pdfs import write_text_pdf


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sources")
    write_text_pdf(folder / "nota-114.pdf", [
        "Министерство обороны. Нота № 114/ВТС о поставке станций радиоэлектронной борьбы.",
        "Приложение 1: перечень оборудования. Zollamt Brest.",
    ])
    write_text_pdf(folder / "invoice-0457.pdf", ["Invoice 2021-0457: fire-control upgrade kits, EUR 1,250,000."])
    (folder / "readme.txt").write_text("not a document")
    return folder


@pytest.fixture(scope="module")
def imported_once(tmp_path_factory: pytest.TempPathFactory, sources: Path) -> Path:
    """Imported once through the CLI (workers=1 so ids follow file order: invoice 1, nota 2)."""
    import contextlib
    import io
    import json

    from evidence_desk.cli.main import main

    case = tmp_path_factory.mktemp("template") / "case"
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["--case", str(case), "import", str(sources), "--ocr", "never", "--workers", "1", "--json"])
    data = json.loads(out.getvalue())
    assert code == 0 and (data["imported"], data["refused"]) == (2, 1)
    return case


@pytest.fixture
def imported(imported_once: Path, tmp_path: Path) -> Path:
    """A fresh copy of the imported case for each test (tests change it)."""
    import shutil

    copy = tmp_path / "case"
    shutil.copytree(imported_once, copy)
    return copy
