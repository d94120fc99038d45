"""Document ↔ document links: automatic "cites" from the reference-number registry,
manual links of other kinds, and where a link's shared reference is printed. (Reading
a document's links is `core.queries.links`.)

The registry is every document's own `reference` field, normalised. A page that
mentions a reference belonging to another document cites that document; the
link keeps the citing page, the quoted reference and its region as evidence."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, DocumentLink, Page
from evidence_desk.core.documents import resolve
from evidence_desk.core.edits import Batch, CreateRecord, DeleteRecord, Edit
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.links.refs import find_references, normalize_reference
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.pagetext import PageText

LINK_KINDS = ("cites", "replies_to", "pays_for", "ships_under", "related")


def reference_registry(case: Case) -> dict[str, list[int]]:
    """Normalised reference → the documents that carry it as their own number."""
    out: dict[str, list[int]] = {}
    with case.read() as s:
        for doc_id, ref in s.execute(select(Document.id, Document.reference).where(Document.reference.is_not(None))):
            key = normalize_reference(ref or "")
            if key:
                out.setdefault(key, []).append(doc_id)
    return out


def find_citations(case: Case, doc_ids: list[int] | None = None) -> list[dict[str, Any]]:
    """Candidate "cites" links (not yet stored) found on the pages of `doc_ids`."""
    registry = reference_registry(case)
    if not registry:
        return []
    out: list[dict[str, Any]] = []
    with case.read() as s:
        existing = set(s.execute(select(DocumentLink.kind, DocumentLink.source_id, DocumentLink.target_id,
                                        DocumentLink.page_number)).all())
        query = select(Page.document_id, Page.number, Page.words, Page.text).order_by(Page.document_id, Page.number)
        if doc_ids is not None:
            query = query.where(Page.document_id.in_(doc_ids))
        pages = s.execute(query).all()
    seen: set[tuple[int, int, int]] = set()
    for doc_id, number, words, text in pages:
        pt = PageText.build(words or [], text or "")
        for ref in find_references(pt.text, bare=True):
            for target in registry.get(ref.key, ()):
                key = (doc_id, target, number)
                if target == doc_id or key in seen or ("cites", *key) in existing:
                    continue
                seen.add(key)
                rect = pt.region(ref.value_start, ref.end)
                out.append({"kind": "cites", "source_id": doc_id, "target_id": target, "page_number": number,
                            "quote": " ".join(pt.text[ref.start:ref.end].split()), "origin": "auto",
                            "note": f"cites reference {ref.key}",
                            **({"x0": rect.x0, "y0": rect.y0, "x1": rect.x1, "y1": rect.y1} if rect else {})})
    return out


def build_reference_links(case: Case, doc_ids: list[int] | None = None,
                          progress: Progress | None = None) -> list[int]:
    """Store every citation found as a "cites" link (one undoable edit); return the new link ids."""
    progress = progress or Progress()
    progress.update(label="Linking documents by reference", total=None)
    found = find_citations(case, doc_ids)
    if not found:
        return []
    steps = [CreateRecord("document_links", {**values, "author": case.author}, label="link.add")
             for values in found]
    case.apply(Batch(list(steps), label="links.auto"), action="links.auto")
    return [int(step.created_id) for step in steps]  # type: ignore[arg-type]


def link_edit(case: Case, source: str | int, target: str | int, kind: str, *, page: int | None = None,
              rect: Rect | None = None, quote: str | None = None, note: str | None = None) -> CreateRecord:
    kind = kind.strip().lower().replace("-", "_").replace(" ", "_")
    if kind not in LINK_KINDS:
        raise InvalidInputError(f"link kind must be one of {', '.join(LINK_KINDS)}")
    with case.read() as s:
        src, dst = resolve(s, source), resolve(s, target)
        if src.id == dst.id:
            raise InvalidInputError("a document cannot link to itself")
        if page is not None and not 1 <= page <= src.page_count:
            raise NotFoundError(f"document {src.id} has pages 1–{src.page_count}, not {page}")
        dup = s.execute(select(DocumentLink.id).where(
            DocumentLink.kind == kind, DocumentLink.source_id == src.id, DocumentLink.target_id == dst.id,
            DocumentLink.page_number.is_(None) if page is None else DocumentLink.page_number == page)).first()
        if dup:
            raise InvalidInputError(f"document {src.id} already {kind.replace('_', ' ')} document {dst.id}"
                                    f"{'' if page is None else f' on page {page}'} (link {dup[0]})")
    values: dict[str, Any] = {"kind": kind, "source_id": src.id, "target_id": dst.id, "page_number": page,
                              "quote": quote, "note": note, "origin": "manual", "author": case.author}
    if rect is not None:
        values.update(x0=rect.x0, y0=rect.y0, x1=rect.x1, y1=rect.y1)
    return CreateRecord("document_links", values, label="link.add")


def remove_link_edit(link_id: int) -> Edit:
    return DeleteRecord("document_links", link_id, label="link.remove")


def _reference_on(case: Case, doc_id: int, key: str) -> tuple[int, Rect | None] | None:
    """Where document `doc_id` prints the reference `key` (first occurrence)."""
    with case.read() as s:
        pages = s.execute(select(Page.number, Page.words, Page.text).where(Page.document_id == doc_id)
                          .order_by(Page.number)).all()
    for number, words, text in pages:
        pt = PageText.build(words or [], text or "")
        for ref in find_references(pt.text, bare=True):
            if ref.key == key:
                return number, pt.region(ref.value_start, ref.end)
        plain = pt.text.translate(str.maketrans("АВЕКМНОРСТХУ", "ABEKMHOPCTXY")).upper()
        pos = plain.find(key)
        if pos >= 0:
            return number, pt.region(pos, pos + len(key))
    return None


def shared_reference(case: Case, link_id: int) -> dict[str, Any]:
    """Both ends of a link, for showing them side by side: each document, page and the region of the
    shared reference (the citing quote on the source; the reference as printed on the target)."""
    with case.read() as s:
        link = s.get(DocumentLink, link_id)
        if link is None:
            raise NotFoundError(f"no link {link_id}")
        target_ref = (s.get(Document, link.target_id).reference or "")  # type: ignore[union-attr]
        src_rect = link.region
        out: dict[str, Any] = {"link": link.id, "kind": link.kind, "source": link.source_id,
                               "source_page": link.page_number or 1, "source_rect": src_rect,
                               "target": link.target_id, "target_page": 1, "target_rect": None,
                               "reference": normalize_reference(target_ref) or None}
    key = out["reference"]
    if key:
        found = _reference_on(case, link.target_id, key)
        if found is not None:
            out["target_page"], out["target_rect"] = found
    return out
