"""Notes on a case, a document, a page or a region."""

from __future__ import annotations

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Page
from evidence_desk.core.documents import resolve
from evidence_desk.core.edits import CreateRecord, Edit
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect


def add_note_edit(
    case: Case, doc_ref: str | int | None, text: str, page: int | None = None, rect: Rect | None = None
) -> CreateRecord:
    text = text.strip()
    if not text:
        raise InvalidInputError("a note needs some text")
    values: dict[str, object] = {"text": text, "author": case.author}
    if doc_ref is not None:
        with case.read() as s:
            doc = resolve(s, doc_ref)
            values["document_id"] = doc.id
            if page is not None:
                if not 1 <= page <= doc.page_count:
                    raise NotFoundError(f"document {doc.id} has pages 1–{doc.page_count}, not {page}")
                values["page_number"] = page
                if rect is not None:
                    pg = s.query(Page).filter_by(document_id=doc.id, number=page).one()
                    _check_rect(rect, pg.width, pg.height)
                    values.update(x0=rect.x0, y0=rect.y0, x1=rect.x1, y1=rect.y1)
    elif page is not None or rect is not None:
        raise InvalidInputError("a page or region note needs a document")
    return CreateRecord("notes", values, label="note.add")


def _check_rect(rect: Rect, width: float, height: float) -> None:
    if rect.is_empty:
        raise InvalidInputError("the rectangle is empty")
    if rect.x0 < -1 or rect.y0 < -1 or rect.x1 > width + 1 or rect.y1 > height + 1:
        raise InvalidInputError(f"the rectangle lies outside the page (0 0 {width:.0f} {height:.0f})")


def add_note(case: Case, doc_ref: str | int | None, text: str, page: int | None = None,
             rect: Rect | None = None) -> tuple[int, Edit]:
    """Add a note; return its id and the edit that undoes it."""
    edit = add_note_edit(case, doc_ref, text, page, rect)
    inverse = case.apply(edit)
    assert isinstance(edit.created_id, int)
    return edit.created_id, inverse
