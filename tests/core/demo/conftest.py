"""The demo corpus is generated once and the demo case built once per session
(without OCR); the tests only read them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.demo.build import build_demo_case
from evidence_desk.core.demo.generate import SpecimenFile, generate_corpus


@pytest.fixture(scope="session")
def specimen_files(tmp_path_factory: pytest.TempPathFactory) -> list[SpecimenFile]:
    return generate_corpus(tmp_path_factory.mktemp("specimens"))


@pytest.fixture(scope="session")
def demo_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    case = build_demo_case(tmp_path_factory.mktemp("demo") / "case", ocr=False)
    yield case
    case.close()


@pytest.fixture
def demo_dir(demo_case: Case) -> Path:
    return demo_case.path
