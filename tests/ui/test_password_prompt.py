"""Importing a password-protected PDF in the window asks for its password: a wrong one asks
again, the right one imports the file, Cancel leaves it refused. Nothing keeps the password."""

from __future__ import annotations

from evidence_desk.core.queries.documents import list_documents
from evidence_desk.ui.password_prompt import PasswordDialog
from tests.core.pdfs import write_encrypted_pdf


def answer(qtbot, window, text: str | None) -> PasswordDialog:
    """Wait for the prompt, then type `text` and press Import (None: press Cancel)."""
    with qtbot.waitSignal(window.importer.passwordRequested, timeout=60_000) as asked:
        pass
    dialog = asked.args[0]
    assert isinstance(dialog, PasswordDialog) and dialog.isVisible()
    if text is None:
        dialog.reject()
    else:
        qtbot.keyClicks(dialog.field, text)
        dialog.accept()
    return dialog


def test_a_wrong_password_asks_again_and_the_right_one_imports_the_file(window, ui_case, tmp_path, qtbot):
    locked = write_encrypted_pdf(tmp_path / "locked.pdf", "Invoice INV-2291 of JSC Integral", "Brest-2019")
    prompts = []
    window.importer.passwordRequested.connect(lambda d: prompts.append(d.prompt.text()))
    window.importer.start([locked])

    reports = []
    window.importer.imported.connect(reports.append)
    answer(qtbot, window, "guess")
    answer(qtbot, window, "Brest-2019")
    qtbot.waitUntil(lambda: window.importer.summary is not None, timeout=60_000)

    assert "password-protected" in prompts[0] and "wrong" in prompts[1]
    [outcome] = reports[-1].outcomes
    assert outcome.status == "imported"
    assert "locked.pdf" in [d.filename for d in list_documents(ui_case)]
    assert window.importer.summary.table.item(0, 1).text() == "imported"
    assert window.browser.model.rowCount() == 4
    stored = b"".join(p.read_bytes() for p in ui_case.path.rglob("*") if p.is_file())
    assert b"Brest-2019" not in stored


def test_cancelling_the_prompt_leaves_the_file_refused(window, ui_case, tmp_path, qtbot):
    locked = write_encrypted_pdf(tmp_path / "locked.pdf", "Nota 114", "secret")
    window.importer.start([locked])

    with qtbot.waitSignal(window.importer.imported, timeout=60_000) as done:
        answer(qtbot, window, None)

    [outcome] = done.args[0].outcomes
    assert (outcome.status, outcome.code) == ("refused", "encrypted")
    assert window.importer.summary is not None and window.importer.summary.table.item(0, 1).text() == "refused"
    assert "locked.pdf" not in [d.filename for d in list_documents(ui_case)]
