"""Tagging, redacting and noting from a viewer selection, through the undo stack."""

from __future__ import annotations

from sqlalchemy import select

from evidence_desk.core.commands.entities import AddEntity
from evidence_desk.core.commands.tagging import Tag, Untag
from evidence_desk.core.db.models import Entity, Mention, Note, Redaction
from evidence_desk.core.geometry import Rect
from evidence_desk.ui.tools.entity_picker import EntityPickerDialog
from evidence_desk.ui.tools.note_dialog import NoteDialog
from evidence_desk.ui.tools.reason_dialog import ReasonDialog
from tests.ui.conftest import audit_actions, doc_id_by_name

REGION = Rect(70.0, 100.0, 260.0, 130.0)


def _mentions(case):
    with case.read() as s:
        return s.execute(select(Mention)).scalars().all()


def test_tagging_a_region_stores_a_mention_and_undo_removes_it(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    window.actions_.tool_tag.trigger()
    assert window.tools.mode == "tag"
    with qtbot.waitSignal(window.tools.dialogOpened):
        viewer.regionSelected.emit(1, REGION)
    dialog = window.tools.dialog
    assert isinstance(dialog, EntityPickerDialog)
    dialog.choose_new("Anton Petrov", "person")
    with qtbot.waitSignal(window.undo.changed):
        dialog.accept()

    [mention] = _mentions(ui_case)
    assert (mention.document_id, mention.page_number) == (doc, 1)
    assert (mention.x0, mention.y0, mention.x1, mention.y1) == (70.0, 100.0, 260.0, 130.0)
    with ui_case.read() as s:
        assert s.get(Entity, mention.entity_id).name == "Anton Petrov"
    assert window.annotations.pages[0].table.rowCount() == 1  # the mentions tab shows it

    assert window.actions_.undo.text().replace("&", "") == f"Undo Tag “Anton Petrov” on document {doc}, page 1"  # core's name
    with qtbot.waitSignal(window.undo.changed):
        window.actions_.undo.trigger()
    assert _mentions(ui_case) == []
    with ui_case.read() as s:
        assert s.execute(select(Entity)).scalars().all() == []  # the new entity went with it
    actions = audit_actions(ui_case)
    assert "tag" in actions and actions[-1] == "undo"
    assert window.annotations.pages[0].table.rowCount() == 0
    assert ui_case.history.redo_name == f"Tag “Anton Petrov” on document {doc}, page 1"

    with qtbot.waitSignal(window.undo.changed):
        window.actions_.redo.trigger()
    [again] = _mentions(ui_case)
    assert again.id == mention.id  # redo restores the very same record


def test_tagging_text_picks_an_existing_entity_by_alias_completion(window, ui_case, qtbot):
    create = AddEntity("Ministry of Defence", "state_body", aliases=("Минобороны",))
    ui_case.apply(create)
    doc = doc_id_by_name(ui_case, "b_invoice.pdf")
    viewer = window.open_document(doc, 1)
    window.tools.set_mode("tag")
    with qtbot.waitSignal(window.tools.dialogOpened):
        viewer.textSelected.emit(1, [Rect(72, 120, 200, 135)], "Ministry of Defence")
    dialog = window.tools.dialog
    dialog.name.setText("минобор")
    dialog.name.textEdited.emit("минобор")
    assert dialog.matches.count() == 1
    assert dialog.choose_existing(create.created_id)
    with qtbot.waitSignal(window.undo.changed):
        dialog.accept()
    [mention] = _mentions(ui_case)
    assert mention.entity_id == create.created_id
    assert mention.quote == "Ministry of Defence"


def test_redacting_a_text_selection_records_a_proposed_redaction(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    window.actions_.tool_redact.trigger()
    words = [Rect(230, 160, 270, 175), Rect(275, 160, 320, 175)]
    with qtbot.waitSignal(window.tools.dialogOpened):
        viewer.textSelected.emit(1, words, "Anton Petrov")
    dialog = window.tools.dialog
    assert isinstance(dialog, ReasonDialog)
    dialog.new_code.setText("source_identity")
    dialog.new_label.setText("could identify a source")
    with qtbot.waitSignal(dialog.codeAdded):
        dialog.add_code()
    assert dialog.code == "source_identity"
    with qtbot.waitSignal(window.undo.changed):
        dialog.accept()
    with ui_case.read() as s:
        reds = s.execute(select(Redaction).order_by(Redaction.id)).scalars().all()
    assert [(r.status, r.reason, r.match_text, r.page_number) for r in reds] == [
        ("proposed", "source_identity", "Anton Petrov", 1)] * 2
    assert reds[0].group_uid == reds[1].group_uid is not None
    assert window.annotations.pages[2].table.rowCount() == 2


def test_selecting_text_without_a_tool_offers_tag_redact_and_note(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    viewer = window.open_document(doc, 0)
    viewer.textSelected.emit(1, [Rect(72, 100, 150, 115)], "STATE EXPORT")
    menu = window.tools.menu
    assert [a.text().replace("&", "") for a in menu.actions()] == [
        "Tag an entity…", "Propose a redaction…", "Add a note…", "Copy text"]
    assert all(a.isEnabled() for a in menu.actions())
    menu.close()


def test_a_note_on_a_region_and_one_on_the_document(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    viewer = window.open_document(doc, 0, page=2)
    window.actions_.tool_note.trigger()
    with qtbot.waitSignal(window.tools.dialogOpened):
        viewer.regionSelected.emit(2, REGION)
    dialog = window.tools.dialog
    assert isinstance(dialog, NoteDialog) and dialog.scope == "region"
    dialog.text.setPlainText("Zelenograd appears again here")
    with qtbot.waitSignal(window.undo.changed):
        dialog.accept()
    window.note_on_document()
    dialog = window.tools.dialog
    assert list(dialog.buttons_by_scope) == ["document"]
    dialog.text.setPlainText("Check against the letter")
    with qtbot.waitSignal(window.undo.changed):
        dialog.accept()
    with ui_case.read() as s:
        notes = s.execute(select(Note).order_by(Note.id)).scalars().all()
    assert [(n.page_number, n.x0, n.text) for n in notes] == [
        (2, 70.0, "Zelenograd appears again here"), (None, None, "Check against the letter")]
    assert audit_actions(ui_case).count("add_note") == 2


def test_an_empty_note_is_not_accepted(window, ui_case):
    doc = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    window.open_document(doc, 0)
    window.note_on_page()
    dialog = window.tools.dialog
    dialog.accept()
    assert dialog.isVisible()
    dialog.reject()
    with ui_case.read() as s:
        assert s.execute(select(Note)).scalars().all() == []


def test_tool_keys_switch_the_viewers_between_words_and_a_box(window, ui_case, qtbot):
    window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    views = [v.page_view for v in window.workspace.viewers()]
    window.actions_.tool_tag.trigger()
    assert [v.mode() for v in views] == ["select", "select"]  # tag words by default
    window.actions_.box.trigger()
    assert [v.mode() for v in views] == ["rect", "rect"]
    assert window.mode_label.text() == "Tool: tag (box)"
    window.actions_.tool_note.trigger()
    assert window.actions_.box.isChecked() and views[0].mode() == "rect"  # notes start with a box
    window.actions_.tool_select.trigger()
    assert not window.actions_.box.isChecked() and views[0].mode() == "select"


def test_zoom_keys_reach_the_active_viewer_from_anywhere(window, ui_case, qtbot):
    from PySide6.QtCore import Qt

    viewer = window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    viewer.page_view.setFocus()
    before = viewer.zoom()
    with qtbot.waitSignal(viewer.zoomChanged):
        qtbot.keyClick(viewer.page_view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() > before


def test_undoing_an_edit_whose_record_is_gone_reports_it_instead_of_crashing(window, ui_case, qtbot):
    doc = doc_id_by_name(ui_case, "a_letter.pdf")
    tag = Tag(doc, 1, "Anton Petrov", "person", rect=REGION)
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(tag)
    ui_case.apply(Untag([tag.created_id]))  # e.g. removed from the command line (the window has not synced)
    assert window.actions_.undo.text().replace("&", "").startswith("Undo Tag “Anton Petrov”")
    with qtbot.waitSignal(window.undo.failed) as failed:
        window.undo.undo()
    assert "was deleted since (by tester" in failed.args[0] and failed.args[0].endswith("undo refused")
    qtbot.waitUntil(lambda: "undo refused" in window.statusBar().currentMessage())
    # The mirror is rebuilt from the case: the removal is now the step to undo.
    qtbot.waitUntil(lambda: window.actions_.undo.text().replace("&", "").startswith("Undo Remove tag “Anton Petrov”"))


def test_a_dragged_selection_proposes_the_name_without_the_punctuation_it_caught(ui_case, qtbot):
    dialog = EntityPickerDialog(ui_case, "“Anton Petrov”,")
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Anton Petrov"  # the quote shown above keeps what was selected
