"""An OCR run that was killed midway is offered for resuming when the case opens in the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.ocr.service import unfinished_pages
from evidence_desk.core.queries.pages import document_pages
from tests.core.ocr import scans


@pytest.mark.needs_tesseract("eng")
def test_interrupted_ocr_is_offered_and_resumed_from_the_status_bar(ui_case, qtbot, shared_render_service,
                                                                     tmp_path):
    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow

    src = scans.text_pdf(tmp_path / "src.pdf", [scans.ENGLISH])
    scan = scans.scanned_pdf(tmp_path / "scan.pdf", [scans.raster(src, 0, dpi=150)], dpi=150)
    doc = import_paths(ui_case, [scan], ImportOptions(ocr="never")).imported[0].document_id
    # What a run killed before its first page leaves: a job whose owning process is gone (a job
    # of a live process, this one included, is that process's own and is not offered).
    repo = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c",
                    "import sys; from evidence_desk.core.case import Case; from evidence_desk.core.ocr import jobs;"
                    "c = Case.open(sys.argv[1]); jobs.create(c, [(int(sys.argv[2]), 1, 'eng')], 'auto'); c.close()",
                    str(ui_case.path), str(doc)], check=True, timeout=120, cwd=repo)
    assert unfinished_pages(ui_case) == 1

    application()
    window = MainWindow(ui_case, shared_render_service)
    qtbot.addWidget(window)
    window.show()
    offer = window.ocr_resume
    assert offer.button.isVisible() and offer.button.text() == "Resume OCR (1 page)"

    with qtbot.waitSignal(offer.resumed, timeout=120_000) as done:
        offer.button.click()
    assert done.args[0].pages_done == 1
    [page] = document_pages(ui_case, doc)
    assert page.text_source == "ocr" and page.chars > 100
    assert unfinished_pages(ui_case) == 0 and not offer.button.isVisible()
    window.close()


def test_no_offer_when_nothing_was_interrupted(window):
    assert not window.ocr_resume.button.isVisible() and window.ocr_resume.update() == 0
