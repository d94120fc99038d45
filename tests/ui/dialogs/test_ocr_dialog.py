"""Document › OCR…: languages chosen in the dialog, real Tesseract in a background job,
progress and cancel."""

from __future__ import annotations

from evidence_desk.core.queries.pages import document_pages
from evidence_desk.ui.dialogs.ocr_dialog import OcrDialog
from tests.tools import require_tesseract
from tests.ui.conftest import doc_id_by_name
from tests.ui.dialogs.helpers import menu_action, select_documents

OCR_TIMEOUT = 300_000  # a loaded 2-core machine takes minutes


def _dialog(window, qtbot) -> OcrDialog:
    menu_action(window, "&OCR…").trigger()
    dialog = next(d for d in window.findChildren(OcrDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.languages.count() > 0 or "not available" in dialog.status.text(),
                    timeout=30_000)
    return dialog


def test_ocr_of_this_document_in_the_chosen_language_replaces_its_text(window, ui_case, qtbot):
    require_tesseract("eng")
    invoice = doc_id_by_name(ui_case, "b_invoice.pdf")
    window.open_document(invoice, 0)
    dialog = _dialog(window, qtbot)
    assert "eng" in [dialog.languages.item(i).text() for i in range(dialog.languages.count())]
    dialog.set_languages(["eng"])
    assert dialog.chosen_languages() == "eng"
    assert dialog.doc_ids() == [invoice]
    dialog.force.setChecked(True)
    with qtbot.waitSignal(dialog.finishedWith, timeout=OCR_TIMEOUT) as finished:
        assert dialog.start() is not None
    report = finished.args[0]
    assert (report.pages_done, report.pages_total) == (1, 1)
    [page] = document_pages(ui_case, invoice)
    assert page.text_source == "ocr"
    assert "OCR: 1 of 1 pages read" in window.statusBar().currentMessage()


def test_cancelling_ocr_of_the_selection_stops_it(window, ui_case, qtbot):
    require_tesseract("eng")
    ids = [doc_id_by_name(ui_case, n) for n in ("a_letter.pdf", "c_note_verbale.pdf")]
    select_documents(window, ids)
    dialog = _dialog(window, qtbot)
    dialog.selection.setChecked(True)
    dialog.set_languages(["eng"])
    dialog.force.setChecked(True)
    job = dialog.start()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=OCR_TIMEOUT):
        job.cancel()
    assert job.error == "cancelled"
    assert dialog.report is None
    sources = [p.text_source for d in ids for p in document_pages(ui_case, d)]
    assert sources.count("ocr") < len(sources)


def test_no_language_chosen_is_refused(window, qtbot):
    require_tesseract("eng")
    dialog = _dialog(window, qtbot)
    dialog.set_languages([])
    assert dialog.start() is None
    assert "language" in dialog.status.text()
