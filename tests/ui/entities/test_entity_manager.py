"""Tools › Entities…: the registry in the window — counts, filters, alias, rename, merge,
split, delete (each one undoable step) and every mention opened in the viewer."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.queries.entities import entity_details, list_entities
from evidence_desk.ui.dialogs.menu import open_entities
from evidence_desk.ui.entities.manager import EntityManager
from evidence_desk.ui.entities.split_dialog import SplitDialog
from tests.ui.conftest import doc_id_by_name
from tests.ui.dialogs.helpers import menu_action


@pytest.fixture
def tagged(ui_case):
    """Petrov named three times in two documents, Zelenograd twice, and a look-alike twin."""
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    note = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    for doc, page, quote, name, etype in (
            (letter, 1, "Anton Petrov", "Anton Petrov", "person"),
            (letter, 1, "Director", "Anton Petrov", "person"),
            (letter, 2, "Zelenograd", "Zelenograd", "place"),
            (note, 2, "Zelenograd", "Zelenograd", "place"),
            (note, 1, "Embassy", "The Embassy", "organisation"),
            (note, 1, "Ministry", "Ministry of Defence", "state_body")):
        ui_case.apply(Tag(doc, page, name, etype, quote=quote))
    ui_case.apply(Tag(note, 2, "Zelenograd town", "place", quote="Zelenograd", always_new=True))
    return {e.name: e.id for e in list_entities(ui_case)}


def _manager(window, qtbot) -> EntityManager:
    with qtbot.waitSignal(window.db.idle, timeout=10_000):
        manager = open_entities(window)
    qtbot.waitUntil(lambda: len(manager.entities) > 0 or bool(manager.error.text()), timeout=10_000)
    return manager


def _done(manager, qtbot, action) -> None:
    """Run `action`, wait for its command and for the list to be read again."""
    with qtbot.waitSignal(manager.loaded, timeout=10_000), qtbot.waitSignal(manager.commandDone, timeout=10_000):
        action()


def test_the_menu_opens_one_manager_with_counts(window, tagged, qtbot):
    action = menu_action(window, "&Entities…")
    assert action.shortcut().toString() == "Ctrl+Shift+E"
    action.trigger()
    manager = window.entity_manager
    qtbot.waitUntil(lambda: manager.table.rowCount() == 5, timeout=10_000)
    assert manager.isVisible()
    rows = {manager.table.item(r, 0).text(): manager.table.item(r, 3).text() for r in range(manager.table.rowCount())}
    assert rows["Anton Petrov"] == "2" and rows["Zelenograd"] == "2" and rows["Zelenograd town"] == "1"
    assert open_entities(window) is manager


def test_filter_by_type_and_by_text_matching_aliases(window, tagged, qtbot):
    manager = _manager(window, qtbot)
    manager.type_box.setCurrentIndex(manager.type_box.findData("place"))
    assert {e.name for e in manager.visible_entities()} == {"Zelenograd", "Zelenograd town"}
    assert manager.table.rowCount() == 2
    manager.type_box.setCurrentIndex(0)
    manager.filter.setText("petr")
    assert [e.name for e in manager.visible_entities()] == ["Anton Petrov"]
    assert manager.count_label.text() == "1 of 5"


def test_alias_then_rename_each_one_undoable_step(window, tagged, ui_case, qtbot):
    manager = _manager(window, qtbot)
    petrov = tagged["Anton Petrov"]
    _done(manager, qtbot, lambda: manager.add_alias(petrov, "Антон Петров"))
    manager.filter.setText("Антон")
    assert [e.name for e in manager.visible_entities()] == ["Anton Petrov"]
    _done(manager, qtbot, lambda: manager.rename(petrov, "A. Petrov"))
    assert entity_details(ui_case, petrov).name == "A. Petrov"
    assert "Anton Petrov" in entity_details(ui_case, petrov).aliases
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        window.undo.stack.undo()
    assert entity_details(ui_case, petrov).name == "Anton Petrov"


def test_merge_two_selected_places_keeps_one_with_both_mentions(window, tagged, ui_case, qtbot):
    manager = _manager(window, qtbot)
    keep, other = tagged["Zelenograd"], tagged["Zelenograd town"]
    _done(manager, qtbot, lambda: manager.merge(keep, [other]))
    names = {e.name: e.mentions for e in list_entities(ui_case)}
    assert "Zelenograd town" not in names and names["Zelenograd"] == 3
    assert manager.table.rowCount() == 4
    assert "Zelenograd town" in entity_details(ui_case, keep).aliases


def test_split_moves_the_chosen_mention_to_a_new_entity(window, tagged, ui_case, qtbot):
    manager = _manager(window, qtbot)
    petrov = tagged["Anton Petrov"]
    with qtbot.waitSignal(manager.mentionsShown, timeout=10_000):
        manager.select_entity(petrov)
    dialog = SplitDialog(manager.details, manager)
    qtbot.addWidget(dialog)
    director = next(i for i in range(dialog.mention_list.count()) if "Director" in dialog.mention_list.item(i).text())
    from PySide6.QtCore import Qt

    dialog.mention_list.item(director).setCheckState(Qt.CheckState.Checked)
    dialog.name.setText("The Director")
    dialog._confirm()
    assert dialog.result() == dialog.DialogCode.Accepted
    _done(manager, qtbot, lambda: manager.split(petrov, dialog.new_name(), dialog.mention_ids(), dialog.aliases(),
                                               dialog.entity_type()))
    counts = {e.name: (e.type, e.mentions) for e in list_entities(ui_case)}
    assert counts["The Director"] == ("person", 1) and counts["Anton Petrov"] == ("person", 1)


def test_delete_removes_the_entity_and_its_mentions_and_undo_restores_them(window, tagged, ui_case, qtbot):
    manager = _manager(window, qtbot)
    embassy = tagged["The Embassy"]
    _done(manager, qtbot, lambda: manager.delete(embassy))
    assert "The Embassy" not in {e.name for e in list_entities(ui_case)}
    assert manager.table.rowCount() == 4
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        window.undo.stack.undo()
    assert {e.name: e.mentions for e in list_entities(ui_case)}["The Embassy"] == 1


def test_every_mention_opens_its_page_in_the_viewer(window, tagged, ui_case, qtbot):
    manager = _manager(window, qtbot)
    zelenograd = tagged["Zelenograd"]
    _done(manager, qtbot, lambda: manager.merge(zelenograd, [tagged["Zelenograd town"]]))
    with qtbot.waitSignal(manager.mentionsShown, timeout=10_000):
        manager.select_entity(zelenograd)
    assert manager.mentions.count() == 3
    seen = []
    for _ in range(3):
        manager.next_button.click()
        viewer = window.viewer()
        seen.append((viewer.document_id, viewer.current_page()))
    letter, note = doc_id_by_name(ui_case, "a_letter.pdf"), doc_id_by_name(ui_case, "c_note_verbale.pdf")
    assert sorted(seen) == sorted([(letter, 2), (note, 2), (note, 2)])
    manager.next_button.click()  # wraps round to the first
    assert manager.mentions.currentRow() == 0


def test_buttons_follow_the_selection(window, tagged, qtbot):
    manager = _manager(window, qtbot)
    assert not manager.buttons["rename"].isEnabled()
    manager.select_entity(tagged["The Embassy"])
    assert manager.buttons["rename"].isEnabled() and not manager.buttons["merge"].isEnabled()
    manager.table.selectAll()
    assert manager.buttons["merge"].isEnabled() and not manager.buttons["split"].isEnabled()
