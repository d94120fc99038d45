"""Suggestions in the case: refreshing them from page text, listing, accepting, rejecting.

Refreshing keeps what the user decided (accepted and rejected suggestions are
never re-proposed) and keeps pending suggestions that are still found (their ids
stay stable for an open review). Accepting is one undoable edit however many
suggestions it covers: entity suggestions become accepted mentions; dates,
amounts and references become mentions of an entity of that type (created on
first use); field suggestions set the document's detail.

Refreshing is incremental: each page's text (with the rules' version and the known
aliases) is hashed into `page_analysis`, and a page whose hash did not change is
not read again (`force` reads everything)."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from evidence_desk.core import audit
from evidence_desk.core.case import Case
from evidence_desk.core.commands.suggestions import ENTITY_TYPE_OF, FIELDS, DecideSuggestions
from evidence_desk.core.db.models import Document, Entity, Mention, Page, PageAnalysis, Suggestion
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.entity_match import AliasPattern, alias_pattern
from evidence_desk.core.suggest.finder import Candidate, page_candidates
from evidence_desk.core.suggest.names import name_key

# "name": a person, organisation or place not yet registered (`field` holds its entity type,
# `normalized` its cross-script key); accepting it registers the entity, or tags the one
# registered under the same key ("JSC Integral" after "ОАО «Интеграл»").
KINDS = ("entity", "name", "date", "amount", "reference", "field")
# Bump when the reading rules change, so that every page is read again by the next refresh.
RULES_VERSION = "4"


def _patterns(session: Session) -> list[AliasPattern]:
    out = []
    for entity in session.execute(select(Entity).where(Entity.merged_into_id.is_(None))
                                  .where(Entity.type.not_in(tuple(ENTITY_TYPE_OF.values())))).scalars():
        for alias in {entity.name, *(a.alias for a in entity.aliases)}:
            pat = alias_pattern(entity.id, alias)
            if pat is not None:
                out.append(pat)
    return out


def _existing_key(s: Suggestion) -> tuple[Any, ...]:
    rect = s.region
    return Candidate(s.kind, s.page_number, s.value, s.normalized, s.quote, rect, s.entity_id, s.field).key()


def _tagged(session: Session, doc_id: int) -> set[tuple[int, int]]:
    return set(session.execute(select(Mention.entity_id, Mention.page_number)
                               .where(Mention.document_id == doc_id, Mention.status == "accepted")).all())


def _fingerprint(patterns: list[AliasPattern]) -> str:
    return hashlib.sha256(repr(sorted((p.entity_id, p.alias) for p in patterns)).encode()).hexdigest()


def _page_hash(text: str, context: str) -> str:
    return hashlib.sha256(f"{RULES_VERSION}\0{context}\0{text}".encode()).hexdigest()


def refresh_suggestions(case: Case, doc_ids: list[int] | None = None,
                        progress: Progress | None = None, *, force: bool = False) -> dict[str, int]:
    """Find suggestions on the pages of `doc_ids` (all documents when None) whose text changed
    since the last refresh (every page with `force`)."""
    progress = progress or Progress()
    with case.read() as s:
        patterns = _patterns(s)
        query = select(Document.id).order_by(Document.id)
        if doc_ids is not None:
            query = query.where(Document.id.in_(doc_ids))
        ids = list(s.execute(query).scalars())
    context = _fingerprint(patterns)
    known_keys = frozenset(name_key(p.alias) for p in patterns)
    progress.update(label="Finding suggestions", total=len(ids), done=0)
    counts = {"added": 0, "kept": 0, "removed": 0, "pages_read": 0, "pages_unchanged": 0}
    for doc_id in ids:
        progress.raise_if_cancelled()
        with case.read() as s:
            doc = s.get(Document, doc_id)
            pages = s.execute(select(Page.number, Page.words, Page.text).where(Page.document_id == doc_id)
                              .order_by(Page.number)).all()
            seen = dict(s.execute(select(PageAnalysis.page_number, PageAnalysis.text_hash)
                                  .where(PageAnalysis.document_id == doc_id)).all())
            tagged = _tagged(s, doc_id)
            current = {f: getattr(doc, f) for f in FIELDS}
        hashes = {number: _page_hash(text or "", context) for number, _, text in pages}
        changed = {n for n, h in hashes.items() if force or seen.get(n) != h}
        counts["pages_read"] += len(changed)
        counts["pages_unchanged"] += len(hashes) - len(changed)
        if not changed:
            progress.advance(1)
            continue
        found: dict[tuple[Any, ...], Candidate] = {}
        for number, words, text in pages:
            if number not in changed:
                continue
            for cand in page_candidates(number, words or [], text or "", patterns, number == 1, known_keys):
                if cand.kind == "entity" and (cand.entity_id, number) in tagged:
                    continue
                if cand.kind == "field" and current.get(cand.field or "") == cand.value:
                    continue
                found.setdefault(cand.key(), cand)
        _store(case, doc_id, found, counts, changed, {n: hashes[n] for n in changed})
        progress.advance(1)
    return counts


def _store(case: Case, doc_id: int, found: dict[tuple[Any, ...], Candidate], counts: dict[str, int],
           pages: set[int], hashes: dict[int, str]) -> None:
    with case.write() as s:
        existing = s.execute(select(Suggestion).where(Suggestion.document_id == doc_id)).scalars().all()
        have = {}
        for sug in existing:
            key = _existing_key(sug)
            if sug.status == "pending" and key not in found and (sug.page_number in pages or sug.page_number is None):
                s.delete(sug)
                counts["removed"] += 1
            else:
                have[key] = sug
        added = 0
        for key, cand in found.items():
            if key in have:
                counts["kept"] += 1
                continue
            r = cand.rect
            s.add(Suggestion(kind=cand.kind, document_id=doc_id, page_number=cand.page_number, value=cand.value,
                             normalized=cand.normalized, entity_id=cand.entity_id, field=cand.field,
                             quote=cand.quote, status="pending", note=cand.note, confidence=cand.confidence,
                             x0=r.x0 if r else None, y0=r.y0 if r else None,
                             x1=r.x1 if r else None, y1=r.y1 if r else None))
            added += 1
        counts["added"] += added
        rows = {row.page_number: row for row in
                s.execute(select(PageAnalysis).where(PageAnalysis.document_id == doc_id)).scalars()}
        for number, digest in hashes.items():
            row = rows.get(number)
            if row is None:
                s.add(PageAnalysis(document_id=doc_id, page_number=number, text_hash=digest))
            else:
                row.text_hash = digest
        if added:
            audit.append(s, author=case.author, action="suggest.refresh", target_type="documents",
                         target_id=doc_id, data={"added": added})


def suggestion_json(s: Suggestion, entity_name: str | None = None) -> dict[str, Any]:
    return {"id": s.id, "kind": s.kind, "doc": s.document_id, "page": s.page_number, "value": s.value,
            "normalized": s.normalized, "entity_id": s.entity_id, "entity": entity_name, "field": s.field,
            "quote": s.quote, "status": s.status, "note": s.note, "confidence": s.confidence,
            "rect": list(s.region.as_tuple()) if s.region else None}


def list_suggestions(case: Case, doc_id: int | None = None, kind: str | None = None,
                     status: str | None = "pending") -> list[dict[str, Any]]:
    if kind is not None and kind not in KINDS:
        raise InvalidInputError(f"suggestion kind must be one of {', '.join(KINDS)}")
    with case.read() as s:
        query = (select(Suggestion, Entity.name).outerjoin(Entity, Suggestion.entity_id == Entity.id)
                 .order_by(Suggestion.document_id, Suggestion.page_number, Suggestion.id))
        query = _filtered(query, doc_id=doc_id, kind=kind, status=status)
        return [suggestion_json(sug, name) for sug, name in s.execute(query)]


def decide(case: Case, ids: list[int], accept: bool) -> DecideSuggestions:
    """Accept (or reject) suggestions as one undoable step; returns the applied command
    (its `mention_ids` are the mentions accepting created)."""
    if not ids:
        raise InvalidInputError("no suggestions chosen")
    command = DecideSuggestions(list(dict.fromkeys(ids)), accept)
    case.apply(command)
    return command


def pending_ids(case: Case, doc_id: int | None = None, kind: str | None = None,
                field_name: str | None = None) -> list[int]:
    with case.read() as s:
        query = _filtered(select(Suggestion.id).order_by(Suggestion.id), doc_id=doc_id, kind=kind,
                          status="pending", field_name=field_name)
        return list(s.execute(query).scalars())


def _filtered(query: Select[Any], *, doc_id: int | None = None, kind: str | None = None,
              status: str | None = None, field_name: str | None = None) -> Select[Any]:
    """`query` narrowed by every filter that is given (None: no filter)."""
    for column, value in ((Suggestion.document_id, doc_id), (Suggestion.kind, kind),
                          (Suggestion.status, status), (Suggestion.field, field_name)):
        if value is not None:
            query = query.where(column == value)
    return query
