"""A page's word boxes as match tokens for entity matching (`core.suggest.entity_match`).

Words are compared on folded keys (case, accents, surrounding punctuation and
quotes removed), so «Завод Пример», the OCR's "«Завод" "Пример»" and a typed
"Завод Пример" all line up. Finding a quote or a string is `core.text.match`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.geometry import Rect, Word

_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def token_key(text: str) -> str:
    return _EDGE.sub("", normalize_name(text))


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    rect: Rect
    line: tuple[int, int]


def tokens(rows: Sequence[Any]) -> list[Token]:
    """Page word rows (geometry.Word rows) as match tokens, in reading order, empties dropped."""
    out = []
    for row in rows:
        w = row if isinstance(row, Word) else Word.from_row(row)
        key = token_key(w.text)
        if key:
            out.append(Token(w.text, key, w.rect, (w.block, w.line)))
    return out


def region(toks: Sequence[Token]) -> Rect:
    rect = toks[0].rect
    for t in toks[1:]:
        rect = rect.union(t.rect)
    return rect


def line_regions(toks: Sequence[Token]) -> list[Rect]:
    """One rectangle per line the tokens cover (a quote across a line break is two boxes)."""
    by_line: dict[tuple[int, int], list[Token]] = {}
    for t in toks:
        by_line.setdefault(t.line, []).append(t)
    return [region(group) for group in by_line.values()]

