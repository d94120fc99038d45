"""`add_note` and `delete_note`."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.notes import AddNote, DeleteNote
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from tests.core.commands.conftest import assert_exact_inverse, rows_of


def test_a_region_note_is_audited_with_its_text_and_place_and_undone_exactly(two_docs):
    action, data = assert_exact_inverse(two_docs, AddNote(1, "Signature differs", page=2,
                                                          rect=Rect(60, 60, 200, 90)))
    assert action == "add_note"
    assert {k: data["intent"][k] for k in ("document", "page", "text")} == {
        "document": 1, "page": 2, "text": "Signature differs"}
    assert two_docs.history.undo_name == "Note “Signature differs” on document 1, page 2"


def test_deleting_a_note_is_undone_with_the_same_id(two_docs):
    note = AddNote(None, "Whole-case remark")
    two_docs.apply(note)
    action, data = assert_exact_inverse(two_docs, DeleteNote(note.created_id))
    assert action == "delete_note" and data["intent"]["text"] == "Whole-case remark"


@pytest.mark.parametrize(("command", "error", "message"), [
    (AddNote(1, "   "), InvalidInputError, "needs some text"),
    (AddNote(None, "x", page=1), InvalidInputError, "needs a document"),
    (AddNote(1, "x", rect=Rect(1, 1, 5, 5)), InvalidInputError, "needs a page"),
    (AddNote(1, "x", page=3), NotFoundError, "pages 1–2"),
    (DeleteNote(77), NotFoundError, "no note 77"),
])
def test_a_bad_note_is_refused_and_writes_nothing(two_docs, command, error, message):
    before = rows_of(two_docs)
    with pytest.raises(error, match=message):
        two_docs.apply(command)
    assert rows_of(two_docs) == before
