"""Every occurrence of an entity: its tagged regions, and each of its names and aliases
on every page — literally (the `core.text` rule) and with Russian case endings,
other transliterations and small OCR slips (`core.suggest.entity_match`, the
matching suggestions use: "Гарбузу" is "Гарбуз", "Garbuz" is "Гарбуз").

`find_occurrences` is what "redact every occurrence" runs in the window and in
the command line: a string that names an entity reaches all of its aliases."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Entity, EntityAlias, Mention
from evidence_desk.core.documents import resolve
from evidence_desk.core.entities.locate import line_regions, tokens
from evidence_desk.core.entities.manage import resolve_entity
from evidence_desk.core.entities.translit import SCHEMES, has_cyrillic, transliterate
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.progress import Progress
from evidence_desk.core.redaction.matching import (
    MAX_HITS,
    Hit,
    ScannedPage,
    drop_contained,
    find_hits,
    hit_from,
    scan_pages,
)
from evidence_desk.core.suggest.entity_match import AliasPattern, alias_pattern, find_entities
from evidence_desk.core.text.fold import fold_tokens
from evidence_desk.core.text.index import candidate_pages
from evidence_desk.core.text.match import find_forms, literal_forms

CONTEXT_TOKENS = 6


def _resolve_entity(case: Case, name_or_id: str | int) -> Entity | None:
    """The entity an id or a name or alias (any script) names, its survivor if merged."""
    with case.read() as s:
        try:
            entity = resolve_entity(s, name_or_id)
        except NotFoundError:
            return None
        s.expunge(entity)
        return entity


def entity_names(case: Case, name_or_id: str | int) -> tuple[int, list[str]]:
    """An entity's id and every name it goes by: its name, its aliases, and those of
    entities merged into it (longest first)."""
    entity = _resolve_entity(case, name_or_id)
    if entity is None:
        raise NotFoundError(f"no entity named {str(name_or_id).strip()!r}; see `entity list`")
    with case.read() as s:
        ids = [entity.id, *s.execute(select(Entity.id).where(Entity.merged_into_id == entity.id)).scalars()]
        names = set(s.execute(select(Entity.name).where(Entity.id.in_(ids))).scalars())
        names |= set(s.execute(select(EntityAlias.alias).where(EntityAlias.entity_id.in_(ids))).scalars())
    return entity.id, sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)


def _spellings(name: str) -> list[str]:
    """A name as written, and in every Latin transliteration when it is Cyrillic."""
    out = [name]
    if has_cyrillic(name):
        out += [transliterate(name, scheme) for scheme in SCHEMES]
    return out


def _stem_forms(names: Sequence[str]) -> list[str]:
    """Literal forms that narrow the pages to read for inflected or transliterated names:
    the longest word of each spelling cut to its stem (case endings are at most three
    letters); the pages found are then matched word by word."""
    forms: list[str] = []
    for name in names:
        for spelling in _spellings(name):
            words = fold_tokens(spelling)
            if words:
                longest = max(words, key=len)
                forms.append(longest if len(longest) < 5 else longest[:max(3, len(longest) - 3)])
    return list(dict.fromkeys(forms))


def _fuzzy_hits(page: ScannedPage, patterns: Sequence[AliasPattern]) -> list[Hit]:
    toks = tokens(page.stream.words)
    out = []
    for found in find_entities(toks, patterns):
        span = toks[found.start:found.end]
        before = " ".join(t.text for t in toks[max(0, found.start - CONTEXT_TOKENS):found.start])
        after = " ".join(t.text for t in toks[found.end:found.end + CONTEXT_TOKENS])
        text = " ".join(t.text for t in span)
        out.append(Hit(page.document_id, page.filename, page.number, tuple(line_regions(span)), text,
                       f"{before} [{text}] {after}".strip(), "alias"))
    return out


def _mention_hits(case: Case, entity_id: int, doc_id: int | None) -> list[Hit]:
    with case.read() as s:
        query = (select(Mention, Document.filename).join(Document, Document.id == Mention.document_id)
                 .where(Mention.entity_id == entity_id, Mention.status != "rejected", Mention.x0.is_not(None)))
        if doc_id is not None:
            query = query.where(Mention.document_id == doc_id)
        out = []
        for mention, filename in s.execute(query).all():
            rect = Rect.normalized(mention.x0, mention.y0, mention.x1, mention.y1)  # type: ignore[arg-type]
            out.append(Hit(mention.document_id, filename, mention.page_number, (rect,), mention.quote or "",
                           f"tagged region{': ' + mention.quote if mention.quote else ''}", "mention"))
        return out


def find_entity_hits(case: Case, name_or_id: str | int, doc: str | int | None = None,
                     progress: Progress | None = None) -> list[Hit]:
    """Every tagged region of an entity and every occurrence of its names and aliases."""
    entity_id, names = entity_names(case, name_or_id)
    doc_id = None
    if doc is not None:
        with case.read() as s:
            doc_id = resolve(s, doc).id
    forms = list(dict.fromkeys(f for n in names for f in literal_forms(n)))
    patterns = [p for p in (alias_pattern(entity_id, n) for n in names) if p is not None]
    with case.read() as s:
        literal = candidate_pages(s, forms, doc_id)
        stems = candidate_pages(s, _stem_forms(names), doc_id)
    ids = None if literal is None or stems is None else sorted(set(literal) | set(stems))
    hits: dict[tuple, Hit] = {}
    for page in scan_pages(case, doc_id, ids, progress):
        found = [h for h in (hit_from(page, m, "alias") for m in find_forms(page.stream, forms)) if h]
        for hit in found + _fuzzy_hits(page, patterns):
            hits.setdefault(hit.key(), hit)
        if len(hits) > MAX_HITS:
            raise InvalidInputError(f"more than {MAX_HITS:,} matches: make the search more specific")
    for hit in _mention_hits(case, entity_id, doc_id):
        hits.setdefault(hit.key(), hit)
    return drop_contained(list(hits.values()))


def find_occurrences(case: Case, query: str, doc: str | int | None = None, *, regex: bool = False,
                     entity: bool = False, progress: Progress | None = None) -> list[Hit]:
    """What "redact every occurrence" marks, in the window and the command line alike:
    an entity's every occurrence (`entity`), a pattern's matches (`regex`), or a
    string's — and when the string is an entity's name or alias, the entity's too."""
    if entity:
        return find_entity_hits(case, query, doc, progress)
    if regex:
        return find_hits(case, query, doc, regex=True, progress=progress)
    hits = find_hits(case, query, doc, progress=progress)
    named = _resolve_entity(case, query) if not query.strip().isdigit() else None
    if named is None:
        return hits
    merged = {h.key(): h for h in hits}
    for hit in find_entity_hits(case, named.id, doc, progress):
        merged.setdefault(hit.key(), hit)
    return drop_contained(list(merged.values()))
