"""Finding a document by id or SHA-256 prefix, checking regions against its pages, and
editing its details. (Reading documents for display lives in `core.queries.documents`.)"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Page
from evidence_desk.core.errors import AmbiguousError, InvalidInputError, NotFoundError
from evidence_desk.core.geometry import PageGeometry, Rect

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
    if not 1 <= number <= max(doc.page_count, 1):  # also keeps numbers SQLite cannot hold away
        raise NotFoundError(f"document {doc.id} has pages 1–{doc.page_count}, not {number}")
    page = session.execute(
        select(Page).where(Page.document_id == doc.id, Page.number == number)
    ).scalar_one_or_none()
    if page is None:
        raise NotFoundError(f"document {doc.id} has pages 1–{doc.page_count}, not {number}")
    return doc, page


EDGE_SLACK = 1.0


def check_rect_on_page(rect: Rect, page: Page) -> None:
    """A region must be finite, have an area and lie on the page (PDF points, unrotated
    page; a point of slack for boxes drawn to the page's edge)."""
    values = (rect.x0, rect.y0, rect.x1, rect.y1)
    if not all(math.isfinite(v) for v in values):
        raise InvalidInputError("the rectangle's coordinates must be finite numbers")
    if rect.x0 < -EDGE_SLACK or rect.y0 < -EDGE_SLACK or rect.x1 > page.width + EDGE_SLACK \
            or rect.y1 > page.height + EDGE_SLACK:
        raise InvalidInputError(
            f"the rectangle {rect.x0:.0f} {rect.y0:.0f} {rect.x1:.0f} {rect.y1:.0f} is outside "
            f"the page (0 0 {page.width:.0f} {page.height:.0f})")
    if not PageGeometry(page.number, page.width, page.height).contains(rect):
        raise InvalidInputError(
            f"the rectangle {rect.x0:.0f} {rect.y0:.0f} {rect.x1:.0f} {rect.y1:.0f} is empty or outside "
            f"the page (0 0 {page.width:.0f} {page.height:.0f})")


def update_details(case: Case, ref: str | int, **changes: Any) -> None:
    """Set document details (kind, date, reference, …) as one undoable, audited step."""
    from evidence_desk.core.commands.details import SetDetails

    case.apply(SetDetails(ref, changes))
