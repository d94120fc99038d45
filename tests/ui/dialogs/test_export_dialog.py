"""Case › Export…: sanitised PDFs and bundles from the window, with progress, cancel and a
result that says what the verification checked."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from evidence_desk.ui.dialogs.export_dialog import ExportDialog
from tests.ui.conftest import doc_id_by_name
from tests.ui.dialogs.helpers import menu_action, redact_petrov, select_documents

EXPORT_TIMEOUT = 300_000  # a loaded 2-core machine takes minutes


def _export(dialog: ExportDialog, qtbot):
    """Start the export, wait for its job; the result dialog (a failed job fails the test with its message)."""
    job = dialog.start()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=EXPORT_TIMEOUT):
        pass  # queued: the job's signals arrive only once the event loop runs, inside the wait
    assert job.error is None, job.error
    assert dialog.result_dialog is not None
    return dialog.result_dialog


def _open_dialog(window, qtbot) -> ExportDialog:
    menu_action(window, "&Export…").trigger()
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    qtbot.waitExposed(dialog)
    return dialog


def test_export_menu_item_has_a_shortcut(window):
    assert menu_action(window, "&Export…").shortcut().toString() == "Ctrl+E"


def test_sanitised_pdf_of_this_document_removes_the_name_and_says_what_was_verified(window, ui_case, qtbot,
                                                                                    tmp_path: Path):
    letter = redact_petrov(ui_case)
    window.open_document(letter, 0)
    dialog = _open_dialog(window, qtbot)
    assert dialog.this_doc.isChecked() and dialog.doc_ids() == [letter]
    target = tmp_path / "letter-redacted.pdf"
    dialog.destination.setText(str(target))
    result = _export(dialog, qtbot)
    assert result.ok, result.text()
    text = result.text()
    assert "1 redactions applied" in text
    assert "Width hiding: 1 bar(s) of random width" in text
    assert "No removed text anywhere in the file" in text
    with pymupdf.open(target) as doc:
        extracted = "".join(page.get_text() for page in doc)
    assert "Petrov" not in extracted and "Director" in extracted


def test_sanitised_pdfs_of_the_selection_go_into_a_folder_one_each(window, ui_case, qtbot, tmp_path: Path):
    ids = [doc_id_by_name(ui_case, n) for n in ("b_invoice.pdf", "c_note_verbale.pdf")]
    select_documents(window, ids)
    dialog = _open_dialog(window, qtbot)
    assert dialog.selection.isEnabled()
    dialog.selection.setChecked(True)
    assert dialog.doc_ids() == ids
    folder = tmp_path / "out"
    dialog.destination.setText(str(folder))
    result = _export(dialog, qtbot)
    assert result.ok
    assert sorted(p.name for p in folder.iterdir()) == ["b_invoice-redacted.pdf", "c_note_verbale-redacted.pdf"]
    assert "2 sanitised PDF(s) written and verified" in result.text()


def test_bundle_of_every_document_is_verified_after_writing(window, ui_case, qtbot, tmp_path: Path):
    redact_petrov(ui_case)
    dialog = _open_dialog(window, qtbot)
    dialog.everything.setChecked(True)
    dialog.as_bundle.setChecked(True)
    assert dialog.options.currentIndex() == 1
    dialog.profile.setCurrentIndex(dialog.profile.findData("publication"))
    target = tmp_path / "editor.zip"
    dialog.destination.setText(str(target))
    result = _export(dialog, qtbot)
    assert result.ok, result.text()
    text = result.text()
    assert "publication profile, 3 documents" in text
    assert "Redacted PDFs: 3 checked for leaks" in text
    assert "Signature: none" in text
    assert target.is_file()


def test_cancelling_a_bundle_export_writes_nothing(window, qtbot, tmp_path: Path):
    dialog = ExportDialog(window)
    dialog.everything.setChecked(True)
    dialog.as_bundle.setChecked(True)
    target = tmp_path / "cancelled.zip"
    dialog.destination.setText(str(target))
    job = dialog.start()
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=EXPORT_TIMEOUT):
        job.cancel()
    assert job.error == "cancelled"
    assert not target.exists()
    assert dialog.result_dialog is None


def test_signing_without_a_passphrase_is_refused_in_the_dialog(window):
    dialog = ExportDialog(window)
    dialog.as_bundle.setChecked(True)
    dialog.sign.setChecked(True)
    assert dialog.start() is None
    assert "passphrase" in dialog.error.text()
