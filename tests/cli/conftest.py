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
