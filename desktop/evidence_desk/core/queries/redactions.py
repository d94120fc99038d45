"""Redactions as the panels, the viewer and `redact --list` see them."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Redaction
from evidence_desk.core.documents import resolve
from evidence_desk.core.geometry import Rect

NO_REGION = Rect(0.0, 0.0, 0.0, 0.0)


@dataclass(frozen=True)
class RedactionView:
    id: int
    document_id: int
    filename: str
    page: int
    rect: Rect
    reason: str
    status: str  # proposed | approved | rejected
    author: str
    reviewer: str | None
    note: str | None
    text: str | None  # the matched text of a text redaction; None for a drawn box
    group: str | None
    created_at: str
    decided_at: str | None

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["rect"] = [round(v, 2) for v in self.rect.as_tuple()]
        return out


def list_redactions(case: Case, doc: str | int | None = None, *, status: str | None = None,
                    page: int | None = None) -> list[RedactionView]:
    """Every redaction of the case, of one document (id or SHA-256 prefix), or of one of its pages."""
    with case.read() as s:
        query = select(Redaction, Document.filename).join(Document, Document.id == Redaction.document_id)
        if doc is not None:  # an id as the window holds it, or a reference as typed
            doc_id = doc if isinstance(doc, int) else resolve(s, doc).id
            query = query.where(Redaction.document_id == doc_id)
        if status is not None:
            query = query.where(Redaction.status == status)
        if page is not None:
            query = query.where(Redaction.page_number == page)
        rows = s.execute(query.order_by(Redaction.document_id, Redaction.page_number, Redaction.id)).all()
        return [
            RedactionView(r.id, r.document_id, filename, r.page_number, r.region or NO_REGION, r.reason,
                          r.status, r.author, r.reviewer, r.note, r.match_text, r.group_uid,
                          r.created_at.isoformat() if r.created_at else "",
                          r.decided_at.isoformat() if r.decided_at else None)
            for r, filename in rows
        ]
