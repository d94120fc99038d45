"""A case built once for the viewer tests: generated PDFs and a scan, imported for real."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageDraw

from evidence_desk.core.case import Case
from evidence_desk.core.importing.importer import import_paths

LINE_1 = "Alpha Bravo Charlie Delta"
LINE_2 = "Echo Foxtrot Golf Hotel"
BIG_PAGES = 2000


@dataclass
class ViewerCase:
    case: Case
    text_doc: int
    big_doc: int
    scan_doc: int


def make_text_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    for rotation in (0, 90):
        page = doc.new_page(width=612, height=792)
        page.insert_text((72, 100), LINE_1, fontsize=14)
        page.insert_text((72, 130), LINE_2, fontsize=14)
        page.set_rotation(rotation)
    doc.save(path)
    return path


def make_big_pdf(path: Path, pages: int = BIG_PAGES) -> Path:
    doc = pymupdf.open()
    for number in range(1, pages + 1):
        doc.new_page(width=595, height=842).insert_text((72, 72), f"Register page {number}", fontsize=12)
    doc.save(path, deflate=True)
    return path


def make_scan_png(path: Path) -> Path:
    img = Image.new("L", (1240, 1754), 250)  # A4 at 150 dpi
    ImageDraw.Draw(img).rectangle((100, 100, 600, 160), fill=20)
    img.save(path, dpi=(150, 150))
    return path


def import_one(case: Case, path: Path) -> int:
    report = import_paths(case, [path])
    outcome = report.outcomes[0]
    assert outcome.status == "imported", outcome.reason
    assert outcome.document_id is not None
    return outcome.document_id


@pytest.fixture(scope="session")
def viewer_case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ViewerCase]:
    folder = tmp_path_factory.mktemp("viewer")
    case = Case.open(folder / "case", create=True, author="tester")
    ids = ViewerCase(
        case,
        import_one(case, make_text_pdf(folder / "letter.pdf")),
        import_one(case, make_big_pdf(folder / "register.pdf")),
        import_one(case, make_scan_png(folder / "scan.png")),
    )
    yield ids
    case.close()


@pytest.fixture(scope="session")
def render_service(qapp):  # type: ignore[no-untyped-def]
    from evidence_desk.ui.viewer.render_service import RenderService

    service = RenderService(workers=2)
    yield service
    service.close()


@pytest.fixture
def viewer(qtbot, viewer_case, render_service):  # type: ignore[no-untyped-def]
    from evidence_desk.ui.viewer.document_viewer import DocumentViewer

    widget = DocumentViewer(viewer_case.case, render_service)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close_document()
