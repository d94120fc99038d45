"""A demo whose OCR was skipped says so in the window's status bar."""

from __future__ import annotations

from evidence_desk.core.demo.late_ocr import record_skipped
from evidence_desk.ui.app import Session


def test_a_demo_built_without_tesseract_says_so_in_the_status_bar(ui_case, qapp):
    record_skipped(ui_case, "Tesseract is not installed (sudo apt install tesseract-ocr)")
    ui_case.close()
    session = Session(qapp, "tester")
    try:
        assert session.open(ui_case.path)
        message = session.window.statusBar().currentMessage()
        assert "built without OCR" in message and "sudo apt install tesseract-ocr" in message
    finally:
        session.window.close()
        session.close()


def test_a_case_without_pending_ocr_shows_no_such_notice(ui_case, qapp):
    ui_case.close()
    session = Session(qapp, "tester")
    try:
        assert session.open(ui_case.path)
        assert "without OCR" not in session.window.statusBar().currentMessage()
    finally:
        session.window.close()
        session.close()
