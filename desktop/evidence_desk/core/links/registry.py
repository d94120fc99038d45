"""Document ↔ document links: automatic "cites" from the reference-number registry,
manual links of other kinds, and where a link's shared reference is printed. (Reading
a document's links is `core.queries.links`.)

The registry is every document's own `reference` field, normalised. A page that
mentions a reference belonging to another document cites that document; the
link keeps the citing page, the quoted reference and its region as evidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.links import LINK_KINDS, LinkReferences  # noqa: F401 - callers know LINK_KINDS here
from evidence_desk.core.db.models import Document, DocumentLink, Page, PageCitations, Suggestion
from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.links.refs import find_references, normalize_reference
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.reading import read_page
from evidence_desk.core.suggest.store import RULES_VERSION
from evidence_desk.core.text.stream import PageStream

# A pending own-reference suggestion at least this sure counts in the registry before it is accepted.
CONFIDENT = 0.8


def reference_registry(case: Case, *, confident: bool = True) -> dict[str, list[int]]:
    """Normalised reference → the documents that carry it as their own number: the accepted
    `reference` detail, and (with `confident`) an unchallenged own-reference suggestion of a
    document that has none yet."""
    out: dict[str, list[int]] = {}
    with case.read() as s:
        rows = list(s.execute(select(Document.id, Document.reference).where(Document.reference.is_not(None))))
        if confident:
            known = {doc_id for doc_id, _ in rows}
            for doc_id, value in s.execute(
                    select(Suggestion.document_id, Suggestion.value)
                    .where(Suggestion.kind == "field", Suggestion.field == "reference",
                           Suggestion.status == "pending", Suggestion.confidence >= CONFIDENT)
                    .order_by(Suggestion.id)):
                if doc_id not in known:
                    known.add(doc_id)
                    rows.append((doc_id, value))
    for doc_id, ref in rows:
        key = normalize_reference(ref or "")
        if key and doc_id not in out.get(key, []):
            out.setdefault(key, []).append(doc_id)
    return out


def _page_citations(text: str, first_page: bool) -> list[tuple[str, int, int, str]]:
    """(key, start, end, the citing words) of every number this page cites: those read as cited,
    and bare numbers (no prefix) outside the page's own ones."""
    reading = read_page(text, first_page=first_page)
    out = [(r.key, r.ref.value_start, r.ref.end, r.evidence) for r in reading.refs if r.role == "cited"]
    spans = [(r.ref.start, r.ref.end) for r in reading.refs]
    for ref in find_references(text, bare=True):
        if ref.prefix or any(ref.start < e and s < ref.end for s, e in spans):
            continue
        out.append((ref.key, ref.value_start, ref.end, " ".join(text[max(0, ref.start - 40):ref.end].split()[-8:])))
    return out


def _citation_hash(text: str, first_page: bool) -> str:
    return hashlib.sha256(f"{RULES_VERSION}\0{int(first_page)}\0{text}".encode()).hexdigest()


@dataclass
class CitationsRead:
    by_page: dict[tuple[int, int], list[list[Any]]]  # (document, page) → kept citation rows
    pages_read: int  # pages whose text was read again (the rest were unchanged)


def page_citations(case: Case, doc_ids: list[int] | None = None) -> CitationsRead:
    """(document, page) → the numbers the page cites, as kept rows. Only pages whose text (or the
    reading rules) changed since they were last read are read again; the rest come from
    `page_citations`, which this refreshes (derived data: not an edit, not in the history)."""
    with case.read() as s:
        query = select(Page.document_id, Page.number, Page.text)
        if doc_ids is not None:
            query = query.where(Page.document_id.in_(doc_ids))
        texts = s.execute(query).all()
        kept_query = select(PageCitations)
        if doc_ids is not None:
            kept_query = kept_query.where(PageCitations.document_id.in_(doc_ids))
        kept = {(k.document_id, k.page_number): (k.text_hash, k.citations)
                for k in s.execute(kept_query).scalars()}
    out: dict[tuple[int, int], list[list[Any]]] = {}
    stale: dict[tuple[int, int], str] = {}
    for doc_id, number, text in texts:
        digest = _citation_hash(text or "", number == 1)
        have = kept.get((doc_id, number))
        if have is not None and have[0] == digest:
            out[(doc_id, number)] = have[1]
        else:
            stale[(doc_id, number)] = digest
    if stale:
        fresh = _read_pages(case, stale)
        with case.write() as s:
            for (doc_id, number), digest in stale.items():
                rows = fresh.get((doc_id, number), [])
                out[(doc_id, number)] = rows
                s.merge(PageCitations(document_id=doc_id, page_number=number, text_hash=digest, citations=rows))
    return CitationsRead(out, len(stale))


def _read_pages(case: Case, pages: dict[tuple[int, int], str]) -> dict[tuple[int, int], list[list[Any]]]:
    wanted: dict[int, set[int]] = {}
    for doc_id, number in pages:
        wanted.setdefault(doc_id, set()).add(number)
    out: dict[tuple[int, int], list[list[Any]]] = {}
    for doc_id, numbers in wanted.items():
        with case.read() as s:
            rows = s.execute(select(Page.number, Page.words, Page.text)
                             .where(Page.document_id == doc_id, Page.number.in_(numbers))).all()
        for number, words, text in rows:
            pt = PageStream.build(words or [], text or "")
            found = []
            for key, start, end, evidence in _page_citations(pt.text, number == 1):
                rect = pt.region(start, end)
                found.append([key, start, end, evidence, *((rect.x0, rect.y0, rect.x1, rect.y1) if rect else
                                                           (None, None, None, None))])
            out[(doc_id, number)] = found
    return out


def find_citations(case: Case, doc_ids: list[int] | None = None, *, new_only: bool = True) -> list[dict[str, Any]]:
    """"cites" links found on the pages of `doc_ids` (by default only those not yet stored)."""
    registry = reference_registry(case)
    if not registry:
        return []
    own_of: dict[int, set[str]] = {}
    for key, docs in registry.items():
        for d in docs:
            own_of.setdefault(d, set()).add(key)
    with case.read() as s:
        existing = set(s.execute(select(DocumentLink.kind, DocumentLink.source_id, DocumentLink.target_id,
                                        DocumentLink.page_number)).all())
    out: list[dict[str, Any]] = []
    seen: set[tuple[int, int, int]] = set()
    for (doc_id, number), rows in sorted(page_citations(case, doc_ids).by_page.items()):
        for key, _start, _end, evidence, x0, y0, x1, y1 in rows:
            if key in own_of.get(doc_id, ()):
                continue
            for target in registry.get(key, ()):
                link_key = (doc_id, target, number)
                if target == doc_id or link_key in seen or (new_only and ("cites", *link_key) in existing):
                    continue
                seen.add(link_key)
                out.append({"kind": "cites", "source_id": doc_id, "target_id": target, "page_number": number,
                            "quote": evidence, "origin": "auto", "note": f"cites reference {key}",
                            **({"x0": x0, "y0": y0, "x1": x1, "y1": y1} if x0 is not None else {})})
    return out


def plan_reference_links(case: Case, doc_ids: list[int] | None = None, *,
                         prune: bool = False) -> tuple[list[dict[str, Any]], list[int]]:
    """What `build_reference_links` would do, read only: the new "cites" links (as row values)
    and, with `prune`, the automatic links whose citation is no longer read so."""
    found = find_citations(case, None, new_only=False)
    stale: list[int] = []
    if prune:
        wanted = {(f["source_id"], f["target_id"], f["page_number"]) for f in found}
        with case.read() as s:
            stale = [link_id for link_id, src, dst, page in s.execute(
                select(DocumentLink.id, DocumentLink.source_id, DocumentLink.target_id, DocumentLink.page_number)
                .where(DocumentLink.kind == "cites", DocumentLink.origin == "auto"))
                if (src, dst, page) not in wanted]
    with case.read() as s:
        existing = set(s.execute(select(DocumentLink.source_id, DocumentLink.target_id,
                                        DocumentLink.page_number).where(DocumentLink.kind == "cites")).all())
    wanted_docs = None if doc_ids is None else set(doc_ids)
    creates = [values for values in found
               if (values["source_id"], values["target_id"], values["page_number"]) not in existing
               and (wanted_docs is None or values["source_id"] in wanted_docs or values["target_id"] in wanted_docs)]
    return creates, stale


def build_reference_links(case: Case, doc_ids: list[int] | None = None,
                          progress: Progress | None = None, *, prune: bool = False) -> list[int]:
    """Store every citation found as a "cites" link (one undoable step); return the new link ids.
    With `prune`, automatic links whose citation is no longer read so are removed in the same step
    (a reference the user corrected, a reading that changed); manual links are never touched."""
    progress = progress or Progress()
    progress.update(label="Linking documents by reference", total=None)
    creates, stale = plan_reference_links(case, doc_ids, prune=prune)
    if not creates and not stale:
        return []
    command = LinkReferences(creates, stale)
    case.apply(command)
    return command.created_ids


def _reference_on(case: Case, doc_id: int, key: str) -> tuple[int, Rect | None] | None:
    """Where document `doc_id` prints the reference `key` (first occurrence)."""
    with case.read() as s:
        pages = s.execute(select(Page.number, Page.words, Page.text).where(Page.document_id == doc_id)
                          .order_by(Page.number)).all()
    for number, words, text in pages:
        pt = PageStream.build(words or [], text or "")
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
