"""Shared fixtures: every test gets its own user folders and a real case on disk."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import pg
from tests.tools import check_marker

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Bytecode caches are written and read as an installed application does, whatever the calling
# environment says: with PYTHONDONTWRITEBYTECODE set (as on this workplace's machines), every
# CLI subprocess and sandbox fork server a test starts compiled the application and its
# libraries from source, about 4 of the 14 minutes of a fresh clone's run.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("EVIDENCE_DESK_CORPUS", REPO.parent / "shared" / "corpus"))


def _runs_on_the_backend(item: pytest.Item) -> bool:
    """Whether the test's case comes from `case_dir` or another fixture asking for `backend`
    (itself or through `case` or another fixture): the fixtures a PostgreSQL run changes."""
    names = getattr(item, "fixturenames", ())
    return ("case_dir" in names or "backend" in names) and item.get_closest_marker("sqlite_only") is None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On a PostgreSQL run (EVIDENCE_DESK_TEST_BACKEND=postgresql) only the tests whose case
    comes from `case_dir` (or a fixture asking for `backend`) run: the tests of the SQLite file itself (marker sqlite_only: its
    pragmas, its triggers read with sqlite3, its file backups) are left out, and so are the
    tests that use neither (a PDF parser, a case opened on SQLite by name, a team case
    of their own through `pg_case_dir`): they would run the same as in the default run."""
    if pg.backend() != "postgresql":
        return
    kept = [item for item in items if _runs_on_the_backend(item)]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in kept])
        items[:] = kept


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Close and delete a test's windows and dialogs at once (pytest-qt only asks for a
    `deleteLater`, which needs an event loop no one runs between tests): they piled up,
    12,000 widgets by the end of tests/ui, and every theme change re-polished them all
    (the window fixture's set-up grew from 1 s to 7 s)."""
    qt_core, qt_widgets = sys.modules.get("PySide6.QtCore"), sys.modules.get("PySide6.QtWidgets")
    if qt_core is None or qt_core.QCoreApplication.instance() is None:
        return
    if qt_widgets is not None:  # a test's Session windows are not qtbot's: they go too
        for widget in qt_widgets.QApplication.topLevelWidgets():
            if isinstance(widget, (qt_widgets.QMainWindow, qt_widgets.QDialog)):
                widget.close()
                widget.deleteLater()
    qt_core.QCoreApplication.sendPostedEvents(None, qt_core.QEvent.Type.DeferredDelete)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`needs_tool` / `needs_tesseract` markers: skip naming the Debian package (fail under CI)."""
    check_marker(item)


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The same for what session fixtures build before any test runs (each pytest-xdist
    worker has a temporary folder of its own)."""
    with pytest.MonkeyPatch.context() as m:
        m.setenv("EVIDENCE_DESK_HOME", str(tmp_path_factory.mktemp("session-home")))
        yield


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point platformdirs folders at a temporary home: real user folders are never touched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("EVIDENCE_DESK_HOME", str(home))
    monkeypatch.setenv("EVIDENCE_DESK_AUTHOR", "tester")


@pytest.fixture(scope="session")
def backend() -> str:
    """The database this run's cases are on: "sqlite", or "postgresql" (a fixture that makes
    its case with `tests.pg.case_folder` / `copy_case_folder` asks for it, so that its tests
    are in the PostgreSQL run)."""
    return pg.backend()


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    """A folder for a new case: SQLite, or with EVIDENCE_DESK_TEST_BACKEND=postgresql a team
    case folder whose database is on the test server (tests/pg.py)."""
    if pg.backend() == "postgresql":
        return pg.server_case_dir(tmp_path / "case")
    return tmp_path / "case"


@pytest.fixture
def pg_case_dir(tmp_path: Path) -> Path:
    """A team case folder on the test PostgreSQL server, whatever the backend of the run."""
    return pg.server_case_dir(tmp_path / "pg-case")


@pytest.fixture
def case(case_dir: Path) -> Iterator[object]:
    from evidence_desk.core.case import Case

    c = Case.open(case_dir, create=True)
    yield c
    c.close()


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not (CORPUS / "manifest.tsv").exists():
        pytest.skip(f"shared corpus not found at {CORPUS}")
    return CORPUS
