"""One bundle build per session for the packaging tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.packaging.bundle import build_bundle


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder, _seconds = build_bundle(tmp_path_factory.mktemp("bundle"))
    return folder
