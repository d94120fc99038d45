"""The demo corpus is generated once per session, and the session's demo case
(tests/core/conftest.py) copied once for these tests, which only read it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.demo.generate import SpecimenFile, generate_corpus


@pytest.fixture(scope="session")
def specimen_files(tmp_path_factory: pytest.TempPathFactory) -> list[SpecimenFile]:
    return generate_corpus(tmp_path_factory.mktemp("specimens"))


@pytest.fixture(scope="session")
def demo_case(demo_copy: Callable[[Path], Path],
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[Case]:
    case = Case.open(demo_copy(tmp_path_factory.mktemp("demo") / "case"))
    yield case
    case.close()


@pytest.fixture
def demo_dir(demo_case: Case) -> Path:
    return demo_case.path
