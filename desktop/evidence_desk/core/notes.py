"""Notes on a case, a document, a page or a region."""

from __future__ import annotations

from evidence_desk.core.case import Case
from evidence_desk.core.documents import check_rect_on_page, resolve, resolve_page
from evidence_desk.core.edits import CreateRecord, Edit
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect


def add_note_edit(
    case: Case, doc_ref: str | int | None, text: str, page: int | None = None, rect: Rect | None = None,
    *, internal: bool = False,
) -> CreateRecord:
    """`internal`: the note stays in the case and internal bundles, never in a publication."""
    text = text.strip()
    if not text:
        raise InvalidInputError("a note needs some text")
    values: dict[str, object] = {"text": text, "author": case.author, "internal": internal}
    if doc_ref is not None:
        with case.read() as s:
            if page is None:
                values["document_id"] = resolve(s, doc_ref).id
            else:
                doc, pg = resolve_page(s, doc_ref, page)
                values.update(document_id=doc.id, page_number=page)
                if rect is not None:
                    check_rect_on_page(rect, pg)
                    values.update(rect.region_values())
    elif page is not None or rect is not None:
        raise InvalidInputError("a page or region note needs a document")
    return CreateRecord("notes", values, label="note.add")


def add_note(case: Case, doc_ref: str | int | None, text: str, page: int | None = None,
             rect: Rect | None = None, *, internal: bool = False) -> tuple[int, Edit]:
    """Add a note; return its id and the edit that undoes it."""
    edit = add_note_edit(case, doc_ref, text, page, rect, internal=internal)
    inverse = case.apply(edit)
    assert isinstance(edit.created_id, int)
    return edit.created_id, inverse
