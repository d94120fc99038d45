"""Finding what to redact: every occurrence of a string, a pattern or an entity.

Matching is `core.text`'s (the rule search, tagging and the viewer use), run on
each page's word boxes, so every hit comes with rectangles, one per line of the
hit. A string is first looked up in the search index's vocabulary and only the
pages that can hold it are loaded; a pattern has to read every page. Both run
off the caller's thread when given a `Progress` (progress and cancel). Nothing
is marked here: `preview` lists the hits, and `redact_hits_edit` turns the
chosen ones into one undoable edit."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import Text, select, type_coerce

from evidence_desk.core.case import Case
from evidence_desk.core.commands.redaction import MarkRedaction, Spot
from evidence_desk.core.db.models import Document, Page
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.progress import Progress
from evidence_desk.core.text.index import candidate_pages
from evidence_desk.core.text.match import (
    TextMatch,
    check_literal,
    compile_pattern,
    find_literal,
    find_pattern,
)
from evidence_desk.core.text.stream import PageStream

MAX_HITS = 20_000
BATCH = 200  # pages read per database round trip


@dataclass(frozen=True, slots=True)
class Hit:
    document_id: int
    filename: str
    page: int
    rects: tuple[Rect, ...]
    text: str  # the words matched, as written on the page
    context: str  # a few words either side
    source: str = "text"  # text | alias | mention

    def key(self) -> tuple[int, int, tuple[tuple[float, float, float, float], ...]]:
        return (self.document_id, self.page, tuple(r.as_tuple() for r in self.rects))


@dataclass(frozen=True, slots=True)
class ScannedPage:
    document_id: int
    filename: str
    number: int
    stream: PageStream


def _doc_id(case: Case, doc: str | int | None) -> int | None:
    if doc is None:
        return None
    with case.read() as s:
        return resolve(s, doc).id


def scan_pages(case: Case, doc_id: int | None, page_ids: Sequence[int] | None,
               progress: Progress | None = None) -> Iterator[ScannedPage]:
    """The pages to match (all of the case or document when `page_ids` is None), read
    in batches so no more than one batch of word boxes is in memory at a time."""
    with case.read() as s:
        query = select(Page.id).join(Document, Document.id == Page.document_id)
        if doc_id is not None:
            query = query.where(Page.document_id == doc_id)
        if page_ids is not None:
            wanted = set(page_ids)
            ids = [i for i in s.execute(query.order_by(Page.document_id, Page.number)).scalars() if i in wanted]
        else:
            ids = list(s.execute(query.order_by(Page.document_id, Page.number)).scalars())
    if progress is not None:
        progress.update(total=len(ids), done=0)
    for at in range(0, len(ids), BATCH):
        if progress is not None:
            progress.raise_if_cancelled()
        chunk = ids[at:at + BATCH]
        with case.read() as s:
            # the word boxes as stored (JSON text), decoded and checked in one call by PageStream
            rows = s.execute(select(Page.id, Page.document_id, Document.filename, Page.number,
                                    type_coerce(Page.words, Text).label("words"), Page.text)
                             .join(Document, Document.id == Page.document_id)
                             .where(Page.id.in_(chunk))).all()
        order = {page_id: i for i, page_id in enumerate(chunk)}
        for row in sorted(rows, key=lambda r: order[r.id]):
            yield ScannedPage(row.document_id, row.filename, row.number, PageStream.from_json(row.words, row.text))
        if progress is not None:
            progress.advance(len(chunk))


def hit_from(page: ScannedPage, match: TextMatch, source: str = "text") -> Hit | None:
    rects = tuple(page.stream.regions(match.start, match.end))
    if not rects:
        return None
    text = " ".join(page.stream.text[match.start:match.end].split())
    return Hit(page.document_id, page.filename, page.number, rects, text,
               page.stream.context(match.start, match.end), source)


def collect(pages: Iterator[ScannedPage], finder: Callable[[ScannedPage], list[TextMatch]],
            source: str = "text") -> list[Hit]:
    hits: dict[tuple, Hit] = {}
    for page in pages:
        for match in finder(page):
            hit = hit_from(page, match, source)
            if hit is None:
                continue
            hits.setdefault(hit.key(), hit)
            if len(hits) > MAX_HITS:
                raise InvalidInputError(f"more than {MAX_HITS:,} matches: make the search more specific")
    return list(hits.values())


def find_hits(case: Case, query: str, doc: str | int | None = None, *, regex: bool = False,
              progress: Progress | None = None) -> list[Hit]:
    """Every occurrence of `query` (a string, or a regular expression) in the case or one document."""
    doc_id = _doc_id(case, doc)
    if regex:
        pattern = compile_pattern(query)
        pages = scan_pages(case, doc_id, None, progress)
        return drop_contained(collect(pages, lambda p: find_pattern(p.stream, pattern)))
    lit = check_literal(query)
    with case.read() as s:
        ids = candidate_pages(s, lit.forms, doc_id, lit.stems)
    return drop_contained(collect(scan_pages(case, doc_id, ids, progress), lambda p: find_literal(p.stream, lit)))


def drop_contained(hits: list[Hit]) -> list[Hit]:
    """Drop a hit whose every rectangle lies inside another hit's (an alias within a name)."""
    def inside(a: Rect, b: Rect) -> bool:
        return a.x0 >= b.x0 - 0.01 and a.y0 >= b.y0 - 0.01 and a.x1 <= b.x1 + 0.01 and a.y1 <= b.y1 + 0.01

    by_page: dict[tuple[int, int], list[Hit]] = {}
    for hit in hits:
        by_page.setdefault((hit.document_id, hit.page), []).append(hit)
    kept = []
    for group in by_page.values():
        for hit in group:
            if not any(other is not hit and other.key() != hit.key()
                       and all(any(inside(r, o) for o in other.rects) for r in hit.rects)
                       for other in group):
                kept.append(hit)
    kept.sort(key=lambda h: (h.document_id, h.page, h.rects[0].y0, h.rects[0].x0))
    return kept


def redact_hits_edit(case: Case, hits: Sequence[Hit], reason: str, *, note: str | None = None,
                     status: str = "proposed", group_label: str | None = None) -> MarkRedaction:
    """One undoable command marking every rectangle of every hit; each hit is one group."""
    if not hits:
        raise InvalidInputError("nothing to redact: no matches")
    spots = [Spot(h.document_id, h.page, tuple(h.rects), h.text or None) for h in hits]
    return MarkRedaction(spots, reason, note=note, status=status, label=group_label, group_each=True)
