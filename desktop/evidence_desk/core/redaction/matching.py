"""Finding what to redact: every occurrence of a string, a pattern or an entity.

Search runs over each page's word boxes (`pages.words`: embedded text or OCR,
whichever the page has), so every hit comes with rectangles. A page's words are
joined into one case-folded stream — a space between words, nothing where a
word broken by a hyphen at a line end continues on the next line — so a name
split across lines or hyphenated still matches. A hit spanning lines gives one
rectangle per line. Nothing is marked here: `preview` lists the hits, and
`redact_hits_edit` turns the chosen ones into one undoable edit."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import (
    Document,
    Entity,
    EntityAlias,
    Mention,
    Page,
    new_uid,
    now_utc,
)
from evidence_desk.core.documents import resolve
from evidence_desk.core.edits import Batch, CreateRecord, Edit
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect, Word

MAX_HITS = 20_000
CONTEXT_WORDS = 6
HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")


@dataclass(frozen=True)
class Hit:
    document_id: int
    filename: str
    page: int
    rects: tuple[Rect, ...]
    text: str  # the words matched, as written on the page
    context: str  # a few words either side
    source: str = "text"  # text | mention

    def key(self) -> tuple[int, int, tuple[tuple[float, float, float, float], ...]]:
        return (self.document_id, self.page, tuple(r.as_tuple() for r in self.rects))


@dataclass
class _Stream:
    """A page's words as one searchable string, with the owner of every character."""

    words: list[Word]
    text: str
    owners: list[tuple[int, int] | None]  # (word index, char index in word) or None (separator)


def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).casefold()


def build_stream(words: Sequence[Word]) -> _Stream:
    chars: list[str] = []
    owners: list[tuple[int, int] | None] = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        new_line_next = nxt is not None and (nxt.block, nxt.line) != (word.block, word.line)
        text = word.text
        joined = new_line_next and len(text) > 1 and text.endswith(HYPHENS)
        if joined:
            text = text[:-1]  # "Luka-" + "shenko" → "lukashenko"
        for j, ch in enumerate(text):
            for folded in _fold(ch):
                chars.append(folded)
                owners.append((i, j))
        if nxt is not None and not joined:
            chars.append(" ")
            owners.append(None)
    return _Stream(list(words), "".join(chars), owners)


def _rects_for(stream: _Stream, start: int, end: int) -> tuple[tuple[Rect, ...], str, list[int]]:
    """Rectangles (one per line) covering characters start..end-1 of the stream."""
    spans: dict[int, list[int]] = {}
    for owner in stream.owners[start:end]:
        if owner is not None:
            spans.setdefault(owner[0], []).append(owner[1])
    per_line: dict[tuple[int, int], Rect] = {}
    order: list[tuple[int, int]] = []
    for index in sorted(spans):
        word = stream.words[index]
        first, last = min(spans[index]), max(spans[index])
        length = len(word.text.rstrip("".join(HYPHENS))) or len(word.text)
        rect = word.rect
        if first > 0 or last < length - 1:
            # Part of a word ("Smith" in "Smith's"): a proportional slice, padded by half a
            # character each side, never outside the word.
            unit = rect.width / max(1, len(word.text))
            rect = Rect(max(rect.x0, rect.x0 + (first - 0.5) * unit), rect.y0,
                        min(rect.x1, rect.x0 + (last + 1.5) * unit), rect.y1)
        line = (word.block, word.line)
        if line not in per_line:
            order.append(line)
            per_line[line] = rect
        else:
            per_line[line] = per_line[line].union(rect)
    return tuple(per_line[k] for k in order), _original(stream, start, end), sorted(spans)


def _original(stream: _Stream, start: int, end: int) -> str:
    """The matched characters as written on the page (not case-folded)."""
    out: list[str] = []
    last: tuple[int, int] | None = None
    for owner in stream.owners[start:end]:
        if owner is None or owner == last:
            continue
        if last is not None and owner[0] != last[0]:
            joined = stream.words[last[0]].text.endswith(HYPHENS) and last[1] == len(stream.words[last[0]].text) - 2
            out.append("" if joined else " ")
        out.append(stream.words[owner[0]].text[owner[1]])
        last = owner
    return "".join(out)


def _context(stream: _Stream, indexes: list[int]) -> str:
    lo = max(0, indexes[0] - CONTEXT_WORDS)
    hi = min(len(stream.words), indexes[-1] + CONTEXT_WORDS + 1)
    before = " ".join(w.text for w in stream.words[lo:indexes[0]])
    hit = " ".join(w.text for w in stream.words[indexes[0]:indexes[-1] + 1])
    after = " ".join(w.text for w in stream.words[indexes[-1] + 1:hi])
    return f"{'…' if lo else ''}{before} [{hit}] {after}{'…' if hi < len(stream.words) else ''}".strip()


def compile_query(query: str, *, regex: bool = False) -> list[re.Pattern[str]]:
    """Patterns to run over a folded stream: a literal string matches across any
    run of whitespace, and also without its hyphens (a hyphenated word broken at
    a line end is joined in the stream)."""
    if not query or not query.strip():
        raise InvalidInputError("nothing to search for: the text is empty")
    if regex:
        try:
            return [re.compile(query, re.IGNORECASE | re.MULTILINE)]
        except re.error as exc:
            raise InvalidInputError(f"not a valid regular expression: {exc}") from exc
    folded = "".join(_fold(ch) for ch in " ".join(query.split()))
    patterns = [re.compile(r"\s+".join(re.escape(part) for part in folded.split(" ")))]
    if any(h in folded for h in HYPHENS):
        bare = re.sub("[" + "".join(HYPHENS) + "]", "", folded)
        patterns.append(re.compile(r"\s+".join(re.escape(part) for part in bare.split(" "))))
    return patterns


def _pages(case: Case, doc: str | int | None) -> Iterable[tuple[Document, Page]]:
    with case.read() as s:
        query = select(Document, Page).join(Page, Page.document_id == Document.id)
        if doc is not None:
            query = query.where(Document.id == resolve(s, doc).id)
        rows = s.execute(query.order_by(Document.id, Page.number)).all()
        return [(d, p) for d, p in rows]


def find_hits(case: Case, query: str, doc: str | int | None = None, *, regex: bool = False) -> list[Hit]:
    """Every occurrence of `query` (a string, or a regular expression) in the case or one document."""
    patterns = compile_query(query, regex=regex)
    hits: dict[tuple, Hit] = {}
    for document, page in _pages(case, doc):
        if not page.words:
            continue
        stream = build_stream([Word.from_row(r) for r in page.words])
        for pattern in patterns:
            for match in pattern.finditer(stream.text):
                if match.end() <= match.start():
                    continue
                rects, text, indexes = _rects_for(stream, match.start(), match.end())
                if not rects:
                    continue
                hit = Hit(document.id, document.filename, page.number, rects, text, _context(stream, indexes))
                hits.setdefault(hit.key(), hit)
                if len(hits) > MAX_HITS:
                    raise InvalidInputError(f"more than {MAX_HITS:,} matches: make the search more specific")
    return _drop_contained(list(hits.values()))


def _drop_contained(hits: list[Hit]) -> list[Hit]:
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


def entity_names(case: Case, name_or_id: str | int) -> tuple[int, list[str]]:
    """An entity's id and every name it goes by: its name, its aliases, and those of
    entities merged into it."""
    with case.read() as s:
        entity: Entity | None = None
        text = str(name_or_id).strip()
        if text.isdigit():
            entity = s.get(Entity, int(text))
        if entity is None:
            from evidence_desk.core.entities.registry import find_entity

            entity = find_entity(s, text)
        if entity is None:
            raise NotFoundError(f"no entity named {text!r}; see `entity list`")
        while entity.merged_into_id is not None:
            entity = s.get(Entity, entity.merged_into_id) or entity
            if entity.merged_into_id == entity.id:
                break
        ids = [entity.id, *s.execute(select(Entity.id).where(Entity.merged_into_id == entity.id)).scalars()]
        names = set(s.execute(select(Entity.name).where(Entity.id.in_(ids))).scalars())
        names |= set(s.execute(select(EntityAlias.alias).where(EntityAlias.entity_id.in_(ids))).scalars())
        return entity.id, sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)


def find_entity_hits(case: Case, name_or_id: str | int, doc: str | int | None = None) -> list[Hit]:
    """Every occurrence of an entity's names and aliases, plus its tagged regions."""
    entity_id, names = entity_names(case, name_or_id)
    hits: dict[tuple, Hit] = {}
    for name in names:
        for hit in find_hits(case, name, doc):
            hits.setdefault(hit.key(), hit)
    with case.read() as s:
        doc_id = resolve(s, doc).id if doc is not None else None
        query = (select(Mention, Document.filename).join(Document, Document.id == Mention.document_id)
                 .where(Mention.entity_id == entity_id, Mention.status != "rejected",
                        Mention.x0.is_not(None)))
        if doc_id is not None:
            query = query.where(Mention.document_id == doc_id)
        for mention, filename in s.execute(query).all():
            rect = Rect.normalized(mention.x0, mention.y0, mention.x1, mention.y1)  # type: ignore[arg-type]
            hit = Hit(mention.document_id, filename, mention.page_number, (rect,), mention.quote or "",
                      f"tagged region{': ' + mention.quote if mention.quote else ''}", "mention")
            hits.setdefault(hit.key(), hit)
    return _drop_contained(list(hits.values()))


def redact_hits_edit(case: Case, hits: Sequence[Hit], reason: str, *, note: str | None = None,
                     status: str = "proposed", group_label: str | None = None) -> Edit:
    """One undoable edit marking every rectangle of every hit; each hit is one group."""
    from evidence_desk.core.redaction.marking import _check_reason, _check_status

    _check_reason(case, reason)
    _check_status(status)
    if not hits:
        raise InvalidInputError("nothing to redact: no matches")
    decided = now_utc().isoformat() if status != "proposed" else None
    edits: list[Edit] = []
    for hit in hits:
        group = new_uid()
        for r in hit.rects:
            edits.append(CreateRecord("redactions", {
                "document_id": hit.document_id, "page_number": hit.page,
                "x0": r.x0, "y0": r.y0, "x1": r.x1, "y1": r.y1,
                "reason": reason, "note": note, "status": status, "author": case.author,
                "match_text": hit.text or group_label, "group_uid": group, "decided_at": decided,
                "reviewer": case.author if status != "proposed" else None,
            }, label="redaction.add"))
    doc_ids = {h.document_id for h in hits}
    target = ("documents", next(iter(doc_ids))) if len(doc_ids) == 1 else ("case", None)
    return Batch(edits, label="redaction.add", target_hint=target)
