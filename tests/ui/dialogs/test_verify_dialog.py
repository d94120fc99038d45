"""Case › Verify…: a case, an exported PDF or a bundle, with a result naming what was
checked and what failed."""

from __future__ import annotations

import zipfile
from pathlib import Path

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.redaction.export import export_pdf
from evidence_desk.ui.dialogs.verify_dialog import VerifyDialog
from tests.ui.dialogs.helpers import menu_action, redact_petrov

TIMEOUT = 300_000  # a loaded 2-core machine takes minutes


def _run(dialog: VerifyDialog, qtbot):
    with qtbot.waitSignal(dialog.resultShown, timeout=TIMEOUT) as shown:
        assert dialog.start() is not None
    return shown.args[0]


def test_verify_the_open_case_names_the_audit_chain_and_the_originals(window, qtbot):
    menu_action(window, "&Verify…").trigger()
    dialog = next(d for d in window.findChildren(VerifyDialog) if d.isVisible())
    assert dialog.case_button.isChecked() and not dialog.path.isEnabled()
    result = _run(dialog, qtbot)
    assert result.ok, result.text()
    assert "Nothing failed" in result.text()
    assert "Originals: 3 files, each matching its SHA-256" in result.text()
    assert "Audit chain:" in result.text()
    assert "records, 0 the log does not explain" in result.text()  # the replay, in words
    assert "{" not in result.text()  # no raw record of what was checked reaches the user


def test_verify_an_exported_pdf_passes_and_a_file_with_metadata_fails(window, ui_case, qtbot, tmp_path: Path):
    letter = redact_petrov(ui_case)
    exported = export_pdf(ui_case, letter, tmp_path / "letter.pdf").output
    dialog = VerifyDialog(window)
    dialog.pdf_button.setChecked(True)
    dialog.path.setText(str(exported))
    result = _run(dialog, qtbot)
    assert result.ok, result.text()
    assert "revision" in result.text()

    import pymupdf

    leaky = tmp_path / "leaky.pdf"
    with pymupdf.open(exported) as doc:
        doc.set_metadata({"author": "Anton Petrov"})
        doc.save(leaky)
    dialog = VerifyDialog(window)
    dialog.pdf_button.setChecked(True)
    dialog.path.setText(str(leaky))
    result = _run(dialog, qtbot)
    assert not result.ok
    assert "problem(s) found" in result.summary.text()
    assert "What failed" in result.text()


def test_a_bundle_with_one_changed_member_fails_naming_it(window, ui_case, qtbot, tmp_path: Path):
    bundle = export_bundle(ui_case, tmp_path / "b.zip", BundleOptions(profile="publication")).output
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.endswith("entities.csv"):
                data += b"forged,row\n"
            dst.writestr(item, data)
    dialog = VerifyDialog(window)
    dialog.bundle_button.setChecked(True)
    dialog.path.setText(str(bundle))
    result = _run(dialog, qtbot)
    assert result.ok, result.text()
    assert "Bundle:" in result.text() and "payload files checked" in result.text()

    dialog = VerifyDialog(window)
    dialog.bundle_button.setChecked(True)
    dialog.path.setText(str(tampered))
    result = _run(dialog, qtbot)
    assert not result.ok
    assert "entities.csv" in result.text()


def test_a_missing_file_is_refused_in_the_dialog(window, tmp_path: Path):
    dialog = VerifyDialog(window)
    dialog.pdf_button.setChecked(True)
    dialog.path.setText(str(tmp_path / "nothing.pdf"))
    assert dialog.start() is None
    assert dialog.error.text()
