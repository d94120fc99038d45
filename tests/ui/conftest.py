"""GUI fixtures: a real case with three imported PDFs, and the real main window on it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ui.pdfs import write_pdf, write_specimens


@pytest.fixture(autouse=True)
def _interface_language(qapp: object) -> None:
    """Every GUI test starts in the language of its (fresh) settings: English, with the
    English plural forms, unless the test chooses another (ui/i18n.py)."""
    from evidence_desk.ui import i18n

    i18n.install(qapp)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def template_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Imported once per session (the sandboxed import spawns processes); copied per test."""
    from evidence_desk.core.case import Case
    from evidence_desk.core.importing import ImportOptions, import_paths

    root = tmp_path_factory.mktemp("template")
    files = write_specimens(root / "files")
    case = Case.open(root / "case", create=True, author="tester")
    report = import_paths(case, files, ImportOptions(workers=1))
    assert len(report.imported) == 3, report.summary()
    case.close()
    return root / "case"


@pytest.fixture
def ui_case(template_case: Path, tmp_path: Path) -> Iterator[object]:
    from evidence_desk.core.case import Case

    target = tmp_path / "case"
    shutil.copytree(template_case, target)
    case = Case.open(target, author="tester")
    yield case
    case.close()


@pytest.fixture(scope="session")
def shared_render_service(qapp: object) -> Iterator[object]:
    """One render service (two sandbox worker processes) for every window of the session:
    spawning workers per test would cost seconds each."""
    from evidence_desk.ui.viewer.render_service import RenderService

    service = RenderService()
    yield service
    service.close()


@pytest.fixture
def window(ui_case: object, qtbot: object, shared_render_service: object) -> Iterator[object]:
    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow

    application()
    win = MainWindow(ui_case, shared_render_service)  # type: ignore[arg-type]
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    win.show()
    yield win
    win.close()


@pytest.fixture
def extra_pdf(tmp_path: Path) -> Path:
    (tmp_path / "dropped").mkdir()
    return write_pdf(tmp_path / "dropped" / "d_permit.pdf",
                     ["EXPORT PERMIT EP-5521\nGoods: electronic-warfare kit\nValid until 2020"])


def doc_id_by_name(case: object, filename: str) -> int:
    from evidence_desk.core.queries.documents import list_documents

    return next(d.id for d in list_documents(case) if d.filename == filename)  # type: ignore[arg-type]


def audit_actions(case: object) -> list[str]:
    from sqlalchemy import select

    from evidence_desk.core.db.models import AuditEntry

    with case.read() as s:  # type: ignore[attr-defined]
        return list(s.execute(select(AuditEntry.action).order_by(AuditEntry.id)).scalars())
