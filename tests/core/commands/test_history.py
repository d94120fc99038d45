"""`case.history`: persisted in the case, shared by every process, refusing an undo whose
rows changed since, never half-applied, audited, with a redo branch a new step drops."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.entities import RenameEntity
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import Entity, Mention, Note
from evidence_desk.core.errors import HistoryConflictError, NotFoundError
from evidence_desk.core.geometry import Rect
from tests.core.commands.conftest import last_audit, rows_of

REGION = Rect(56, 56, 300, 80)


def test_the_history_survives_closing_and_reopening_the_case(two_docs):
    two_docs.apply(AddNote(1, "first"))
    two_docs.apply(AddNote(2, "second"))
    two_docs.history.undo()
    path = two_docs.path
    two_docs.close()
    with Case.open(path) as again:
        steps = again.history.steps()
        assert [(s.name, s.state) for s in steps] == [("Note “first” on document 1", "done"),
                                                      ("Note “second” on document 2", "undone")]
        assert again.history.redo_name == "Note “second” on document 2"
        again.history.redo()
        with again.read() as s:
            assert sorted(s.execute(select(Note.text)).scalars()) == ["first", "second"]


def test_undo_and_redo_walk_the_steps_in_order_and_are_audited(two_docs):
    for text in ("one", "two", "three"):
        two_docs.apply(AddNote(1, text))
    two_docs.history.undo()
    two_docs.history.undo()
    assert two_docs.history.undo_name == "Note “one” on document 1"
    assert two_docs.history.redo_name == "Note “two” on document 1"
    two_docs.history.redo()
    action, data = last_audit(two_docs)
    assert action == "redo" and data["name"] == "Note “two” on document 1" and data["of"] == "add_note"
    assert two_docs.history.redo_name == "Note “three” on document 1"


def test_a_new_step_after_an_undo_drops_the_redo_branch(two_docs):
    two_docs.apply(AddNote(1, "kept"))
    two_docs.apply(AddNote(1, "undone"))
    two_docs.history.undo()
    two_docs.apply(AddNote(1, "new"))
    assert not two_docs.history.can_redo
    assert [s.name for s in two_docs.history.steps()] == ["Note “kept” on document 1", "Note “new” on document 1"]


def test_nothing_to_undo_or_redo_is_a_clear_error(two_docs):
    with pytest.raises(NotFoundError, match="nothing to undo"):
        two_docs.history.undo()
    with pytest.raises(NotFoundError, match="nothing to redo"):
        two_docs.history.redo()


def test_an_undo_whose_rows_another_process_changed_is_refused_and_nothing_is_written(two_docs):
    tag = Tag(1, 1, "Kirill O. Garbuz", "person", rect=REGION)
    two_docs.apply(tag)
    step = two_docs.history.undo_step()
    with Case.open(two_docs.path, author="bob") as other:  # another process, as far as SQLite knows
        other.apply(RenameEntity("Kirill O. Garbuz", "K. O. Garbuz"))
    before = rows_of(two_docs)
    with pytest.raises(HistoryConflictError) as refused:
        two_docs.history.undo(step.id)
    message = str(refused.value)
    assert message.startswith("cannot undo “Tag “Kirill O. Garbuz” on document 1, page 1”: ")
    assert "entity “Kirill O. Garbuz” was changed since (by bob, “Rename “Kirill O. Garbuz” to “K. O. Garbuz”" \
        in message
    assert message.endswith("undo refused")
    assert rows_of(two_docs) == before  # the mention was not removed either: one transaction
    assert [s.state for s in two_docs.history.steps()] == ["done", "done"]


def test_undoing_an_earlier_step_applies_exactly_when_later_steps_touched_other_rows(two_docs):
    tag = Tag(1, 1, "Kirill O. Garbuz", "person", rect=REGION)
    two_docs.apply(tag)
    step = two_docs.history.undo_step()
    with Case.open(two_docs.path, author="bob") as other:
        other.apply(AddNote(2, "unrelated"))
    two_docs.history.undo(step.id)
    with two_docs.read() as s:
        assert s.execute(select(Mention)).scalars().all() == []
        assert s.execute(select(Entity)).scalars().all() == []
        assert s.execute(select(Note.text)).scalars().all() == ["unrelated"]
    assert two_docs.history.undo_name == "Note “unrelated” on document 2"


def test_an_undo_is_refused_when_a_row_now_depends_on_what_it_would_delete(two_docs):
    from evidence_desk.core.commands.entities import AddAlias

    two_docs.apply(Tag(1, 1, "Kirill O. Garbuz", "person", rect=REGION))
    step = two_docs.history.undo_step()
    two_docs.apply(AddAlias("Kirill O. Garbuz", "Гарбуз"))
    with pytest.raises(HistoryConflictError, match="alias “Гарбуз”"):
        two_docs.history.undo(step.id)


def test_a_redo_is_refused_when_the_rows_changed_after_the_undo(two_docs):
    note = AddNote(1, "draft")
    two_docs.apply(note)
    two_docs.history.undo()
    with two_docs.write() as s:  # a row with the same id written behind the history's back
        s.add(Note(id=note.created_id, text="someone else's", author="mallory", document_id=1))
    with pytest.raises(HistoryConflictError, match="redo refused"):
        two_docs.history.redo()


def test_an_already_undone_step_cannot_be_undone_again(two_docs):
    two_docs.apply(AddNote(1, "x"))
    step = two_docs.history.undo_step()
    two_docs.history.undo(step.id)
    with pytest.raises(HistoryConflictError, match="already undone"):
        two_docs.history.undo(step.id)


def test_changes_name_the_kinds_documents_and_pages_touched(two_docs):
    changes = two_docs.apply(Tag(2, 1, "Kirill O. Garbuz", "person", rect=REGION))
    assert changes.kinds == {"entities", "mentions"}
    assert changes.documents == {2} and changes.pages == {(2, 1)}
    assert changes.touches_document(2, "mentions") and not changes.touches_document(1, "mentions")
    assert not changes.touches("notes")
    undone = two_docs.history.undo()
    assert undone == changes
