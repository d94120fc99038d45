"""Case › Import Bundle…: a colleague's internal bundle is checked and compared first,
its conflicts shown field by field, then merged as the user chose — one step Edit › Undo takes back."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.case import Case
from evidence_desk.core.provenance import ProvenanceUpdate, describe, update_edit
from evidence_desk.ui.dialogs.import_bundle_dialog import BundleImport, import_bundle_from_window
from tests.ui.conftest import doc_id_by_name
from tests.ui.dialogs.helpers import menu_action

TIMEOUT = 300_000  # a loaded 2-core machine takes minutes


@pytest.fixture
def colleague_bundle(template_case: Path, tmp_path: Path) -> Path:
    """A copy of the same case where the colleague gave the letter a source and a method."""
    copy = tmp_path / "colleague"
    shutil.copytree(template_case, copy)
    with Case.open(copy, author="colleague") as case:
        letter = doc_id_by_name(case, "a_letter.pdf")
        case.apply(update_edit(case, letter, ProvenanceUpdate(source="SOURCE-HERON", method="post")))
        return export_bundle(case, tmp_path / "colleague.zip", BundleOptions(profile="internal")).output


def _plan(window, qtbot, path: Path) -> BundleImport:
    run = import_bundle_from_window(window, path)
    assert run is not None
    with qtbot.waitSignal(run.planned, timeout=TIMEOUT):
        pass
    return run


def test_menu_item(window):
    assert menu_action(window, "Import &Bundle…").shortcut().toString() == "Ctrl+Shift+B"


def test_a_field_changed_on_both_sides_is_shown_and_taking_theirs_merges_it(window, ui_case, qtbot,
                                                                          colleague_bundle: Path):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    ui_case.apply(update_edit(ui_case, letter, ProvenanceUpdate(source="SOURCE-KESTREL")))
    run = _plan(window, qtbot, colleague_bundle)
    dialog = run.dialog
    assert set(dialog.choice_buttons) == {"mine", "theirs", "both"}
    cells = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(dialog.table.rowCount())]
    assert ["source_code", "SOURCE-KESTREL", "SOURCE-HERON"] in [row[1:] for row in cells]
    assert "Changed only by the colleague" in dialog.summary.text()  # the method only they set
    assert describe(ui_case, letter)["source"] == "SOURCE-KESTREL"  # nothing written yet
    with qtbot.waitSignal(run.imported, timeout=TIMEOUT) as done:
        dialog.choice_buttons["theirs"].click()
    assert done.args[0].resolution == "theirs"
    info = describe(ui_case, letter)
    assert (info["source"], info["method"]) == ("SOURCE-HERON", "post")
    qtbot.waitUntil(lambda: window.undo.stack.undoText().startswith("Merge"), timeout=30_000)
    with qtbot.waitSignal(window.undo.changed, timeout=60_000):
        window.undo.stack.undo()
    info = describe(ui_case, letter)
    assert (info["source"], info["method"]) == ("SOURCE-KESTREL", None)


def test_keeping_mine_keeps_my_value_and_takes_what_only_they_changed(window, ui_case, qtbot,
                                                                     colleague_bundle: Path):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    ui_case.apply(update_edit(ui_case, letter, ProvenanceUpdate(source="SOURCE-KESTREL")))
    run = _plan(window, qtbot, colleague_bundle)
    with qtbot.waitSignal(run.imported, timeout=TIMEOUT):
        run.dialog.choice_buttons["mine"].click()
    info = describe(ui_case, letter)
    assert (info["source"], info["method"]) == ("SOURCE-KESTREL", "post")


def test_without_conflicts_one_button_imports(window, ui_case, qtbot, colleague_bundle: Path):
    run = _plan(window, qtbot, colleague_bundle)
    assert set(run.dialog.choice_buttons) == {"import"} and not run.dialog.table.isVisible()
    with qtbot.waitSignal(run.imported, timeout=TIMEOUT):
        run.dialog.choice_buttons["import"].click()
    assert describe(ui_case, doc_id_by_name(ui_case, "a_letter.pdf"))["source"] == "SOURCE-HERON"
    assert "Imported colleague.zip" in window.statusBar().currentMessage()
    # The result says what was checked before anything was written, as `verify` does.
    shown = run.result_dialog
    assert shown is not None and shown.isVisible()
    text = shown.text()
    assert "Imported colleague.zip: 0 document(s) added" in text
    assert "What was checked" in text and "Audit chain:" in text and "checked against the manifests" in text
    assert "Signature: none" in text and "not signed" in text  # its warning too
    assert "Audit anchor:" in text and "matches the chain's head" in text and "{'entries'" not in text


def test_a_publication_bundle_is_refused_with_a_message_and_nothing_changes(window, ui_case, qtbot, tmp_path: Path,
                                                                          monkeypatch):
    bundle = export_bundle(ui_case, tmp_path / "pub.zip", BundleOptions(profile="publication")).output
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    run = import_bundle_from_window(window, bundle)
    with qtbot.waitSignal(run.job.finished, timeout=TIMEOUT):
        pass
    assert run.dialog is None
    assert shown and "publication bundle" in shown[0]
