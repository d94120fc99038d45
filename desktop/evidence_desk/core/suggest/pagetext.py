"""A page's words joined into one searchable string that remembers where each word is,
so a regular-expression match becomes page regions (one box per line it covers)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from evidence_desk.core.geometry import Rect, Word


@dataclass
class PageText:
    text: str
    spans: list[tuple[int, int, Word]]  # character span of each word in `text`

    @classmethod
    def build(cls, rows: Sequence[Any], fallback_text: str = "") -> PageText:
        if not rows:
            return cls(fallback_text, [])
        parts: list[str] = []
        spans: list[tuple[int, int, Word]] = []
        pos = 0
        prev: tuple[int, int] | None = None
        for row in rows:
            w = Word.from_row(row)
            if not w.text.strip():
                continue
            if prev is not None:
                sep = " " if (w.block, w.line) == prev else "\n"
                parts.append(sep)
                pos += 1
            parts.append(w.text)
            spans.append((pos, pos + len(w.text), w))
            pos += len(w.text)
            prev = (w.block, w.line)
        return cls("".join(parts), spans)

    def words_in(self, start: int, end: int) -> list[Word]:
        return [w for s, e, w in self.spans if s < end and start < e]

    def regions(self, start: int, end: int) -> list[Rect]:
        """One rectangle per line of the words a character range touches."""
        by_line: dict[tuple[int, int], Rect] = {}
        for w in self.words_in(start, end):
            key = (w.block, w.line)
            by_line[key] = by_line[key].union(w.rect) if key in by_line else w.rect
        return list(by_line.values())

    def region(self, start: int, end: int) -> Rect | None:
        rects = self.regions(start, end)
        if not rects:
            return None
        out = rects[0]
        for r in rects[1:]:
            out = out.union(r)
        return out
