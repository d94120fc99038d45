"""Everything suggestible on one page, as plain records (no database access)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evidence_desk.core.entities.locate import region, tokens
from evidence_desk.core.geometry import Rect
from evidence_desk.core.links.refs import find_references
from evidence_desk.core.suggest.entity_match import AliasPattern, find_entities
from evidence_desk.core.suggest.fields import suggest_fields
from evidence_desk.core.suggest.pagetext import PageText
from evidence_desk.core.suggest.patterns import find_amounts, find_dates


@dataclass(frozen=True)
class Candidate:
    kind: str  # entity|date|amount|reference|field
    page_number: int | None
    value: str
    normalized: str | None
    quote: str | None
    rect: Rect | None = None
    entity_id: int | None = None
    field: str | None = None

    def key(self) -> tuple[Any, ...]:
        r = self.rect
        box = (round(r.x0), round(r.y0)) if r is not None else None
        return (self.kind, self.page_number, self.normalized or self.value, self.entity_id, self.field, box)


def page_candidates(number: int, words: Sequence[Any], text: str,
                    patterns: Sequence[AliasPattern], with_fields: bool) -> list[Candidate]:
    out: list[Candidate] = []
    toks = tokens(words)
    for hit in find_entities(toks, patterns):
        span = toks[hit.start:hit.end]
        out.append(Candidate("entity", number, hit.alias, str(hit.entity_id),
                             " ".join(t.text for t in span).strip(".,;:!?"), region(span),
                             entity_id=hit.entity_id))
    pt = PageText.build(words, text)
    for found in find_dates(pt.text):
        out.append(Candidate("date", number, found.text, found.normalized, found.text,
                             pt.region(found.start, found.end)))
    for found in find_amounts(pt.text):
        out.append(Candidate("amount", number, found.text, found.normalized, found.text,
                             pt.region(found.start, found.end)))
    for ref in find_references(pt.text):
        out.append(Candidate("reference", number, ref.value, ref.key, " ".join(pt.text[ref.start:ref.end].split()),
                             pt.region(ref.value_start, ref.end)))
    if with_fields:
        for f in suggest_fields(pt.text):
            out.append(Candidate("field", number, f.value, f.value, f.quote, pt.region(f.start, f.end),
                                 field=f.field))
    return out
