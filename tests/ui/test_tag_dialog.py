"""The tag dialog tags the entity the user picked, and creates one only when asked (with a type)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from evidence_desk.core.commands.entities import AddEntity as CreateEntity
from evidence_desk.core.db.models import Entity, Mention
from evidence_desk.core.geometry import Rect
from tests.ui.conftest import doc_id_by_name

REGION = Rect(70.0, 100.0, 260.0, 130.0)


def _entity_count(case) -> int:
    with case.read() as s:
        return s.execute(select(func.count()).select_from(Entity)).scalar_one()


def _mentions(case) -> list[Mention]:
    with case.read() as s:
        return list(s.execute(select(Mention)).scalars().all())


def _open_tag_dialog(window, qtbot, case, *, quote: str | None):
    viewer = window.open_document(doc_id_by_name(case, "a_letter.pdf"), 0)
    window.tools.set_mode("tag")
    with qtbot.waitSignal(window.tools.dialogOpened):
        if quote is None:
            viewer.regionSelected.emit(1, REGION)
        else:
            viewer.textSelected.emit(1, [Rect(72, 120, 200, 135)], quote)
    dialog = window.tools.dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_picking_an_existing_person_from_the_completer_tags_that_person(window, ui_case, qtbot):
    petrov = CreateEntity("Anton Petrov", "person")
    ui_case.apply(petrov)
    ui_case.apply(CreateEntity("12 March 2021", "date"))
    before = _entity_count(ui_case)
    dialog = _open_tag_dialog(window, qtbot, ui_case, quote="A. Petrov")

    # QLineEdit takes the completer's choice only while it has the focus (as a user's does).
    dialog.activateWindow()
    dialog.name.setFocus()
    qtbot.waitUntil(dialog.name.hasFocus)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Anton P")
    popup = dialog.name.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert dialog.name.text() == "Anton Petrov"
    assert dialog.matches.currentItem() is not None
    assert dialog.type.currentData() == "person"  # the picked entity's type, not "date"
    assert dialog.hint.text() == "Tags the existing entity “Anton Petrov”."
    with qtbot.waitSignal(window.undo.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [mention] = _mentions(ui_case)
    assert mention.entity_id == petrov.created_id
    assert mention.quote == "A. Petrov"
    assert _entity_count(ui_case) == before  # no new entity of any type


def test_typing_an_alias_exactly_tags_its_entity(window, ui_case, qtbot):
    mod = CreateEntity("Ministry of Defence", "state_body", aliases=("Минобороны",))
    ui_case.apply(mod)
    before = _entity_count(ui_case)
    dialog = _open_tag_dialog(window, qtbot, ui_case, quote="Минобороны")

    assert "Ministry of Defence" in dialog.hint.text() and dialog.ok_button.isEnabled()
    with qtbot.waitSignal(window.undo.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert [m.entity_id for m in _mentions(ui_case)] == [mod.created_id]
    assert _entity_count(ui_case) == before


def test_a_box_starts_with_nothing_chosen_so_enter_tags_nothing(window, ui_case, qtbot):
    ui_case.apply(CreateEntity("12 March 2021", "date"))
    dialog = _open_tag_dialog(window, qtbot, ui_case, quote=None)

    assert dialog.matches.count() == 1 and dialog.matches.currentItem() is None
    assert dialog.type.currentData() is None
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and _mentions(ui_case) == []


def test_a_new_name_needs_a_type_before_it_can_be_created(window, ui_case, qtbot):
    ui_case.apply(CreateEntity("Anton Petrov", "person"))
    dialog = _open_tag_dialog(window, qtbot, ui_case, quote=None)

    qtbot.keyClicks(dialog.name, "Ivan Sidorov")
    assert dialog.matches.currentItem() is None
    assert dialog.type.currentData() is None
    assert not dialog.ok_button.isEnabled()
    assert "choose a type" in dialog.hint.text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and _mentions(ui_case) == []

    dialog.type.setCurrentIndex(dialog.type.findData("person"))
    assert dialog.ok_button.isEnabled()
    assert dialog.hint.text() == "Creates a new person “Ivan Sidorov”."
    with qtbot.waitSignal(window.undo.changed):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [mention] = _mentions(ui_case)
    with ui_case.read() as s:
        created = s.get(Entity, mention.entity_id)
        assert (created.name, created.type) == ("Ivan Sidorov", "person")
