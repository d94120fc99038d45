"""Document › Provenance and Custody…: source code name, receipt, verification with its
confidence and reasoning, and custody events, recorded from the window as core commands."""

from __future__ import annotations

from evidence_desk.core.provenance import describe
from evidence_desk.ui.panels.provenance_edit import ProvenanceDialog
from evidence_desk.ui.panels.provenance_panel import ProvenanceTab
from tests.ui.conftest import doc_id_by_name
from tests.ui.dialogs.helpers import menu_action


def _editor(window, ui_case) -> tuple[int, ProvenanceDialog]:
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(letter, 0)
    action = menu_action(window, "&Provenance and Custody…")
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()
    dialog = next(d for d in window.findChildren(ProvenanceDialog) if d.isVisible())
    return letter, dialog


def test_recording_provenance_and_a_custody_event_is_one_undoable_step(window, ui_case, qtbot):
    letter, dialog = _editor(window, ui_case)
    dialog.source.setText("SOURCE-KESTREL")
    dialog.received.setText("2026-03-01")
    dialog.received_by.setText("Desk A")
    dialog.method.setText("in person, USB stick")
    dialog.verification.setCurrentIndex(dialog.verification.findData("corroborated"))
    dialog.confidence.setCurrentIndex(dialog.confidence.findData("medium"))
    dialog.reasoning.setPlainText("Letterhead matches two known letters")
    dialog.custody_kind.setCurrentIndex(dialog.custody_kind.findData("copied"))
    dialog.counterpart.setText("archive")
    dialog.custody.setText("copied to the encrypted archive")
    tab = window.annotations.tab(ProvenanceTab)
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        dialog.record()
    info = describe(ui_case, letter)
    assert (info["source"], info["received"], info["received_by"], info["method"]) == (
        "SOURCE-KESTREL", "2026-03-01", "Desk A", "in person, USB stick")
    assert (info["verification"], info["confidence"], info["reasoning"]) == (
        "corroborated", "medium", "Letterhead matches two known letters")
    [event] = info["custody"]
    assert (event["kind"], event["counterpart"], event["action"]) == ("copied", "archive",
                                                                      "copied to the encrypted archive")
    qtbot.waitUntil(lambda: "SOURCE-KESTREL" in tab.label.text(), timeout=10_000)
    assert "copied (archive)" in tab.label.text()
    with qtbot.waitSignal(window.undo.changed, timeout=10_000):
        window.undo.stack.undo()
    assert describe(ui_case, letter)["source"] is None and describe(ui_case, letter)["custody"] == []


def test_only_changed_fields_are_sent(window, ui_case, qtbot):
    _letter, dialog = _editor(window, ui_case)
    dialog.method.setText("post")
    update = dialog.changes()
    assert update.method == "post"
    assert (update.source, update.received, update.verification, update.confidence, update.custody) == (
        None, None, None, None, None)


def test_a_source_that_is_not_a_code_name_is_refused_and_the_dialog_stays(window, ui_case, qtbot):
    letter, dialog = _editor(window, ui_case)
    dialog.source.setText("Ivan <ivan@example.org>")
    with qtbot.waitSignal(window.db.idle, timeout=10_000):
        dialog.record()
    assert "code name" in dialog.error.text()
    assert dialog.isVisible()
    assert describe(ui_case, letter)["source"] is None


def test_custody_button_opens_the_custody_part_only(window, ui_case, qtbot):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(letter, 0)
    tab = window.annotations.show_tab(ProvenanceTab)
    assert tab.custody_button.isEnabled()
    with qtbot.waitSignal(tab.dialogOpened) as opened:
        tab.custody_button.click()
    dialog = opened.args[0]
    assert dialog.source_box.isHidden()
    dialog.custody.setText("handed to the legal team")
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        dialog.record()
    assert [e["action"] for e in describe(ui_case, letter)["custody"]] == ["handed to the legal team"]
