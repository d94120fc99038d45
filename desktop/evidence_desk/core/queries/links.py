"""Document ↔ document links as the links panel and `links [DOC]` show them.

Making links (the reference registry, manual links) is `core.links.registry`'s job;
this only reads them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, DocumentLink
from evidence_desk.core.documents import resolve
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.annotations import rect_json


@dataclass(frozen=True)
class LinkView:
    """One link seen from one of its documents: `other` is the document at the far end."""

    id: int
    kind: str
    direction: str  # out: this document is the source; in: it is the target
    other: int
    other_filename: str
    other_reference: str | None
    source: int
    target: int
    page: int | None  # the evidence page on the source
    quote: str | None
    origin: str  # manual | auto
    note: str | None
    rect: Rect | None

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["rect"] = rect_json(self.rect)
        return out


@dataclass(frozen=True)
class DocumentLinks:
    """One document's links: what it cites, what cites it, and its other links (both ways)."""

    doc: int
    reference: str | None
    cites: tuple[LinkView, ...]
    cited_by: tuple[LinkView, ...]
    other: tuple[LinkView, ...]

    @property
    def count(self) -> int:
        return len(self.cites) + len(self.cited_by) + len(self.other)

    def to_json(self) -> dict[str, Any]:
        return {"doc": self.doc, "reference": self.reference, "cites": [v.to_json() for v in self.cites],
                "cited_by": [v.to_json() for v in self.cited_by], "other": [v.to_json() for v in self.other]}


def _view(link: DocumentLink, other: Document, direction: str) -> LinkView:
    return LinkView(link.id, link.kind, direction, other.id, other.filename, other.reference,
                    link.source_id, link.target_id, link.page_number, link.quote, link.origin, link.note,
                    link.region)


def document_links(case: Case, ref: str | int) -> DocumentLinks:
    with case.read() as s:
        doc = resolve(s, ref)
        rows = s.execute(select(DocumentLink).where((DocumentLink.source_id == doc.id)
                                                    | (DocumentLink.target_id == doc.id))
                         .order_by(DocumentLink.id)).scalars().all()
        groups: dict[str, list[LinkView]] = {"cites": [], "cited_by": [], "other": []}
        for link in rows:
            outgoing = link.source_id == doc.id
            other = s.get(Document, link.target_id if outgoing else link.source_id)
            assert other is not None  # (foreign keys cascade: a link never outlives a document)
            view = _view(link, other, "out" if outgoing else "in")
            groups[("cites" if outgoing else "cited_by") if link.kind == "cites" else "other"].append(view)
        return DocumentLinks(doc.id, doc.reference, tuple(groups["cites"]), tuple(groups["cited_by"]),
                             tuple(groups["other"]))


def all_links(case: Case) -> list[LinkView]:
    """Every link of the case, seen from its source."""
    with case.read() as s:
        docs = {d.id: d for d in s.execute(select(Document)).scalars()}
        return [_view(link, docs[link.target_id], "out")
                for link in s.execute(select(DocumentLink).order_by(DocumentLink.id)).scalars()]
