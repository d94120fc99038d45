"""Everything suggestible on one page, as plain records (no database access)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evidence_desk.core.entities.locate import region, tokens
from evidence_desk.core.geometry import Rect
from evidence_desk.core.suggest.entity_match import AliasPattern, find_entities
from evidence_desk.core.suggest.fields import suggest_fields
from evidence_desk.core.suggest.names import find_names
from evidence_desk.core.suggest.patterns import find_amounts, find_dates
from evidence_desk.core.suggest.reading import read_page
from evidence_desk.core.text.stream import PageStream


@dataclass(frozen=True)
class Candidate:
    kind: str  # entity|name|date|amount|reference|field
    page_number: int | None
    value: str
    normalized: str | None
    quote: str | None
    rect: Rect | None = None
    entity_id: int | None = None
    field: str | None = None
    note: str | None = None
    confidence: float | None = None

    def key(self) -> tuple[Any, ...]:
        r = self.rect
        box = (round(r.x0), round(r.y0)) if r is not None else None
        return (self.kind, self.page_number, self.normalized or self.value, self.entity_id, self.field, box)


def page_candidates(number: int, words: Sequence[Any], text: str, patterns: Sequence[AliasPattern],
                    with_fields: bool, known_keys: frozenset[str] = frozenset()) -> list[Candidate]:
    """`known_keys`: the name keys of registered entities (their names are suggested as
    those entities, not as new names)."""
    out: list[Candidate] = []
    toks = tokens(words)
    for hit in find_entities(toks, patterns):
        span = toks[hit.start:hit.end]
        out.append(Candidate("entity", number, hit.alias, str(hit.entity_id),
                             " ".join(t.text for t in span).strip(".,;:!?"), region(span),
                             entity_id=hit.entity_id, note=None if hit.exact else "close spelling",
                             confidence=1.0 if hit.exact else 0.8))
    pt = PageStream.build(words, text)
    for found in find_dates(pt.text):
        out.append(Candidate("date", number, found.text, found.normalized, found.text,
                             pt.region(found.start, found.end)))
    for found in find_amounts(pt.text):
        out.append(Candidate("amount", number, found.text, found.normalized, found.text,
                             pt.region(found.start, found.end)))
    for name in find_names(pt.text):
        if name.key in known_keys:
            continue
        out.append(Candidate("name", number, name.text, name.key, name.text, pt.region(name.start, name.end),
                             field=name.type, note=f"new {name.type.replace('_', ' ')}", confidence=0.7))
    reading = read_page(pt.text, first_page=with_fields)
    for r in reading.refs:
        if r.role in ("incoming", "identifier"):
            continue  # a registration stamp, a customer or account number: no paper's reference
        note = f"own reference ({r.cue})" if r.role == "own" else f"cited ({r.cue or 'in the body'})"
        out.append(Candidate("reference", number, r.ref.value, r.ref.key, r.evidence,
                             pt.region(r.ref.value_start, r.ref.end), note=note,
                             confidence=0.9 if r.strength >= 2 else 0.6))
    if with_fields:
        for f in suggest_fields(pt.text, reading):
            out.append(Candidate("field", number, f.value, f.value, f.quote, pt.region(f.start, f.end),
                                 field=f.field, note=f.note or None, confidence=f.confidence))
    return out
