"""What the viewer reads from the case: page geometry, word boxes and overlays.

Quick read-only queries (`case.read()`), no Qt and no parsing: a document opens
from its `pages` rows alone, however many pages it has. Everything is in PDF
points of the unrotated page (`core.geometry`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Entity, Mention, Note, Page, Redaction
from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.ui.viewer.text_layer import TextLayer


@dataclass(frozen=True)
class PageGeom:
    number: int  # 1-based
    width: float  # points, unrotated
    height: float
    rotation: int  # the page's own /Rotate


@dataclass
class ViewerDocument:
    id: int
    sha256: str
    path: str
    media_type: str
    filename: str
    pages: list[PageGeom] = field(default_factory=list)


@dataclass(frozen=True)
class Overlay:
    kind: str  # mention | redaction | note
    id: int
    page: int
    rect: Rect | None  # None: the whole page (a page note)
    style: str  # entity type, redaction status, or "note"
    label: str  # tooltip
    status: str = ""


def load_document(case: Case, doc_id: int) -> ViewerDocument:
    with case.read() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            raise NotFoundError(f"no document with id {doc_id}")
        rows = s.execute(
            select(Page.number, Page.width, Page.height, Page.rotation)
            .where(Page.document_id == doc_id).order_by(Page.number)
        ).all()
        pages = [PageGeom(r.number, float(r.width), float(r.height), int(r.rotation or 0) % 360)
                 for r in rows]
        path = str(case.originals.path_for(doc.sha256))
        return ViewerDocument(doc.id, doc.sha256, path, doc.media_type, doc.filename, pages)


def load_words(case: Case, doc_id: int, pages: Iterable[int]) -> dict[int, TextLayer]:
    numbers = sorted(set(pages))
    if not numbers:
        return {}
    with case.read() as s:
        rows = s.execute(
            select(Page.number, Page.words)
            .where(Page.document_id == doc_id, Page.number.in_(numbers))
        ).all()
    return {r.number: TextLayer(r.words or []) for r in rows}


def _rect(row: Mention | Redaction | Note) -> Rect | None:
    if row.x0 is None or row.y0 is None or row.x1 is None or row.y1 is None:
        return None
    return Rect.normalized(row.x0, row.y0, row.x1, row.y1)


def load_overlays(case: Case, doc_id: int) -> dict[int, list[Overlay]]:
    """Every mention, redaction and note of a document, by page number."""
    by_page: dict[int, list[Overlay]] = defaultdict(list)
    with case.read() as s:
        mentions = s.execute(
            select(Mention, Entity.name, Entity.type)
            .join(Entity, Entity.id == Mention.entity_id)
            .where(Mention.document_id == doc_id, Mention.status != "rejected")
        ).all()
        for m, name, etype in mentions:
            rect = _rect(m)
            if rect is None:
                continue  # a quote-only mention has no place to draw
            label = f"{name} ({etype.replace('_', ' ')})"
            if m.status == "suggested":
                label += " — suggested"
            by_page[m.page_number].append(Overlay("mention", m.id, m.page_number, rect, etype, label,
                                                  m.status))
        for r in s.execute(select(Redaction).where(Redaction.document_id == doc_id)).scalars():
            rect = _rect(r)
            if rect is None:
                continue
            label = f"Redaction ({r.status}): {r.reason}" + (f" — {r.note}" if r.note else "")
            by_page[r.page_number].append(Overlay("redaction", r.id, r.page_number, rect, r.status,
                                                  label, r.status))
        notes = s.execute(
            select(Note).where(Note.document_id == doc_id, Note.page_number.is_not(None))
        ).scalars()
        for n in notes:
            assert n.page_number is not None
            text = n.text if len(n.text) <= 300 else n.text[:300] + "…"
            by_page[n.page_number].append(Overlay("note", n.id, n.page_number, _rect(n), "note",
                                                  f"{n.author}: {text}" if n.author else text))
    return dict(by_page)
