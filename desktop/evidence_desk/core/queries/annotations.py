"""What is marked on a document's pages: mentions (with their entity) and notes.

Redactions have their own module (`queries.redactions`): the review workflow lists
them across documents too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Entity, Mention, Note
from evidence_desk.core.geometry import Rect


def rect_json(rect: Rect | None) -> list[float] | None:
    return None if rect is None else list(rect.as_tuple())


@dataclass(frozen=True)
class MentionRow:
    """An entity tagged on a page: a region, a quote, or both."""

    id: int
    document_id: int
    page: int
    entity_id: int
    entity: str
    entity_type: str
    quote: str | None
    status: str  # suggested | accepted | rejected
    rect: Rect | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "page": self.page, "entity": self.entity, "entity_id": self.entity_id,
                "type": self.entity_type, "quote": self.quote, "status": self.status,
                "rect": rect_json(self.rect)}


def document_mentions(case: Case, doc_id: int, page: int | None = None, *,
                      include_rejected: bool = False) -> list[MentionRow]:
    """The mentions of a document (or of one of its pages), by page then creation."""
    query = (select(Mention, Entity.name, Entity.type).join(Entity, Entity.id == Mention.entity_id)
             .where(Mention.document_id == doc_id).order_by(Mention.page_number, Mention.id))
    if page is not None:
        query = query.where(Mention.page_number == page)
    if not include_rejected:
        query = query.where(Mention.status != "rejected")
    with case.read() as s:
        return [MentionRow(m.id, m.document_id, m.page_number, m.entity_id, name, etype, m.quote,
                           m.status, m.region)
                for m, name, etype in s.execute(query)]


@dataclass(frozen=True)
class NoteRow:
    """A note on a document, a page (`page`) or a region of it (`rect`)."""

    id: int
    document_id: int | None
    page: int | None
    text: str
    author: str
    created_at: datetime
    rect: Rect | None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "page": self.page, "text": self.text, "author": self.author,
                "created_at": self.created_at.isoformat(), "rect": rect_json(self.rect)}


def document_notes(case: Case, doc_id: int, page: int | None = None) -> list[NoteRow]:
    """The notes of a document (document notes first), or those of one page."""
    query = select(Note).where(Note.document_id == doc_id).order_by(Note.page_number.asc().nulls_first(), Note.id)
    if page is not None:
        query = query.where(Note.page_number == page)
    with case.read() as s:
        return [NoteRow(n.id, n.document_id, n.page_number, n.text, n.author, n.created_at, n.region)
                for n in s.execute(query).scalars()]
