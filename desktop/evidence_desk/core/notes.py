"""Notes on a case, a document, a page or a region (the commands are in
`core.commands.notes`)."""

from __future__ import annotations

from evidence_desk.core.case import Case
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.geometry import Rect


def add_note_edit(case: Case, doc_ref: str | int | None, text: str, page: int | None = None,
                  rect: Rect | None = None, *, internal: bool = False) -> AddNote:
    """The command adding a note (checked when applied). `internal`: the note stays in the case
    and internal bundles, never in a publication."""
    return AddNote(doc_ref, text, page, rect, internal=internal)


def add_note(case: Case, doc_ref: str | int | None, text: str, page: int | None = None,
             rect: Rect | None = None, *, internal: bool = False) -> int:
    """Add a note (one undoable step); return its id."""
    command = AddNote(doc_ref, text, page, rect, internal=internal)
    case.apply(command)
    assert command.created_id is not None
    return command.created_id
