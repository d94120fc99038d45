"""Finding documents and describing them (the `list` and `show` views)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import (
    DOCUMENT_KINDS,
    REVIEW_STATUSES,
    Document,
    Entity,
    Mention,
    Note,
    Page,
    Provenance,
    Redaction,
)
from evidence_desk.core.edits import UpdateRecord
from evidence_desk.core.errors import AmbiguousError, InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect

EDITABLE_FIELDS = ("kind", "doc_date", "reference", "languages", "sender", "recipient",
                   "review_status", "title")


def resolve(session: Session, ref: str | int) -> Document:
    """A document by id (as printed by `list`) or by a unique prefix of its SHA-256."""
    text = str(ref).strip()
    if text.isdigit():
        doc = session.get(Document, int(text))
        if doc is not None:
            return doc
        if len(text) < 4:
            raise NotFoundError(f"no document with id {text}")
    prefix = text.lower()
    if len(prefix) < 4 or any(c not in "0123456789abcdef" for c in prefix):
        raise NotFoundError(f"no document {text!r} (give an id from `list` or a SHA-256 prefix of 4+ hex digits)")
    rows = session.execute(
        select(Document).where(Document.sha256.like(prefix + "%")).limit(3)
    ).scalars().all()
    if not rows:
        raise NotFoundError(f"no document with id or SHA-256 prefix {text!r}")
    if len(rows) > 1:
        raise AmbiguousError(f"SHA-256 prefix {text!r} matches several documents; give more digits")
    return rows[0]


def resolve_page(session: Session, ref: str | int, number: int) -> tuple[Document, Page]:
    """A document and one of its pages (1-based), or a NotFoundError naming the range."""
    doc = resolve(session, ref)
    page = session.execute(
        select(Page).where(Page.document_id == doc.id, Page.number == number)
    ).scalar_one_or_none()
    if page is None:
        raise NotFoundError(f"document {doc.id} has pages 1–{doc.page_count}, not {number}")
    return doc, page


def check_rect_on_page(rect: Rect, page: Page) -> None:
    """A region must have an area and overlap the page (PDF points, unrotated page)."""
    if rect.is_empty or rect.x1 <= 0 or rect.y1 <= 0 or rect.x0 >= page.width or rect.y0 >= page.height:
        raise InvalidInputError(
            f"the rectangle {rect.x0:.0f} {rect.y0:.0f} {rect.x1:.0f} {rect.y1:.0f} is empty or outside "
            f"the page (0 0 {page.width:.0f} {page.height:.0f})")


def summary(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "uid": doc.uid,
        "sha256": doc.sha256,
        "filename": doc.filename,
        "pages": doc.page_count,
        "media_type": doc.media_type,
        "size_bytes": doc.size_bytes,
        "kind": doc.kind,
        "date": doc.doc_date,
        "reference": doc.reference,
        "languages": doc.languages,
        "sender": doc.sender,
        "recipient": doc.recipient,
        "review_status": doc.review_status,
        "title": doc.title,
        "imported_at": doc.imported_at.isoformat() if doc.imported_at else None,
        "warnings": list(doc.warnings or []),
    }


def list_documents(case: Case) -> list[dict[str, Any]]:
    with case.read() as s:
        docs = s.execute(select(Document).order_by(Document.id)).scalars().all()
        return [summary(d) for d in docs]


@dataclass(frozen=True)
class PageInfo:
    number: int
    width: float
    height: float
    rotation: int
    text_source: str
    needs_ocr: bool
    chars: int


def show_document(case: Case, ref: str | int) -> dict[str, Any]:
    with case.read() as s:
        doc = resolve(s, ref)
        out = summary(doc)
        out["pages_detail"] = [
            {"number": p.number, "width": round(p.width, 2), "height": round(p.height, 2),
             "rotation": p.rotation, "text_source": p.text_source, "needs_ocr": p.needs_ocr,
             "chars": len(p.text or "")}
            for p in doc.pages
        ]
        out["source_metadata"] = dict(doc.source_metadata or {})
        mentions = s.execute(
            select(Mention, Entity).join(Entity, Mention.entity_id == Entity.id)
            .where(Mention.document_id == doc.id).order_by(Mention.page_number, Mention.id)
        ).all()
        out["mentions"] = [
            {"id": m.id, "page": m.page_number, "entity": e.name, "entity_id": e.id, "type": e.type,
             "quote": m.quote, "status": m.status,
             "rect": [m.x0, m.y0, m.x1, m.y1] if m.x0 is not None else None}
            for m, e in mentions
        ]
        notes = s.execute(
            select(Note).where(Note.document_id == doc.id).order_by(Note.page_number, Note.id)
        ).scalars().all()
        out["notes"] = [
            {"id": n.id, "page": n.page_number, "text": n.text, "author": n.author,
             "created_at": n.created_at.isoformat(),
             "rect": [n.x0, n.y0, n.x1, n.y1] if n.x0 is not None else None}
            for n in notes
        ]
        out["redactions"] = [
            {"id": r.id, "page": r.page_number, "reason": r.reason, "status": r.status,
             "rect": [r.x0, r.y0, r.x1, r.y1], "text": r.match_text}
            for r in s.execute(select(Redaction).where(Redaction.document_id == doc.id)
                               .order_by(Redaction.page_number, Redaction.id)).scalars()
        ]
        prov = s.get(Provenance, doc.id)
        out["provenance"] = None if prov is None else {
            "source": prov.source_code, "received": prov.received_at, "method": prov.method,
            "verification": prov.verification_status, "confidence": prov.confidence,
        }
        return out


def page_count_total(case: Case) -> int:
    with case.read() as s:
        return int(s.execute(select(func.count(Page.id))).scalar_one())


def update_details(case: Case, ref: str | int, **changes: Any) -> None:
    """Set document details (kind, date, reference, …) as one undoable, audited edit."""
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInputError(f"cannot edit {', '.join(sorted(unknown))}")
    if changes.get("kind") not in (None, *DOCUMENT_KINDS):
        raise InvalidInputError(f"kind must be one of {', '.join(DOCUMENT_KINDS)}")
    if "review_status" in changes and changes["review_status"] not in REVIEW_STATUSES:
        raise InvalidInputError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
    with case.read() as s:
        doc_id = resolve(s, ref).id
    case.apply(UpdateRecord("documents", doc_id, changes, label="document.update"))
