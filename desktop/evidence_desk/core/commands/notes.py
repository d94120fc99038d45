"""Notes on a case, a document, a page or a region: `add_note`, `delete_note`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from evidence_desk.core.commands.base import Command, rect_json, region_columns
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import Note
from evidence_desk.core.documents import check_rect_on_page, resolve, resolve_page
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect


def _where(document_id: int | None, page: int | None) -> str:
    if document_id is None:
        return "the case"
    return f"document {document_id}" + ("" if page is None else f", page {page}")


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class AddNote(Command):
    """A note on the case (`doc` None), a document, one of its pages, or a region of a page."""

    action = "add_note"

    doc: str | int | None
    text: str
    page: int | None = None
    rect: Rect | None = None
    internal: bool = False  # never published (the bundle's publication profile leaves it out)
    created_id: int | None = field(default=None, init=False)
    document_id: int | None = field(default=None, init=False)

    def run(self, rows: Rows) -> None:
        text = self.text.strip()
        if not text:
            raise InvalidInputError("a note needs some text")
        values: dict[str, Any] = {"text": text, "author": rows.author, "internal": self.internal}
        if self.doc is None:
            if self.page is not None or self.rect is not None:
                raise InvalidInputError("a page or region note needs a document")
        elif self.page is None:
            if self.rect is not None:
                raise InvalidInputError("a region note needs a page")
            values["document_id"] = resolve(rows.session, self.doc).id
        else:
            doc, page = resolve_page(rows.session, self.doc, self.page)
            values.update(document_id=doc.id, page_number=self.page)
            if self.rect is not None:
                check_rect_on_page(self.rect, page)
                values.update(region_columns(self.rect))
        note = rows.insert(Note, **values)
        self.created_id, self.document_id = note.id, note.document_id

    def title(self) -> str:
        return f"Note “{_short(self.text)}” on {_where(self.document_id, self.page)}"

    def intent(self) -> dict[str, Any]:
        return {"note": self.created_id, "document": self.document_id, "page": self.page,
                "rect": rect_json(self.rect), "text": self.text.strip(), "internal": self.internal}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("notes", self.created_id)


@dataclass
class DeleteNote(Command):
    action = "delete_note"

    note_id: int
    removed: dict[str, Any] = field(default_factory=dict, init=False)

    def run(self, rows: Rows) -> None:
        note = rows.get(Note, self.note_id)
        if note is None:
            raise NotFoundError(f"no note {self.note_id}; was it already deleted?")
        self.removed = {"note": note.id, "document": note.document_id, "page": note.page_number,
                        "text": note.text, "author": note.author}
        rows.delete(note)

    def title(self) -> str:
        r = self.removed
        return f"Delete note “{_short(r.get('text', ''))}” on {_where(r.get('document'), r.get('page'))}"

    def intent(self) -> dict[str, Any]:
        return self.removed

    @property
    def target(self) -> tuple[str, object | None]:
        return ("notes", self.note_id)
