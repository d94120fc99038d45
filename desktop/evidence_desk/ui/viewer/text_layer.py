"""A page's words as a text layer: hit testing, selection in reading order, term boxes.

Pure Python on `core.geometry` types (no Qt), so it is tested on its own. Word
rows come from `pages.words` (embedded text or OCR), already in reading order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from evidence_desk.core.geometry import Rect, Word

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fold(text: str) -> str:
    """The matching form of a token: case-folded, without accents (as FTS5 unicode61 does)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> list[str]:
    return [fold(t) for t in _TOKEN.findall(text)]


class TextLayer:
    def __init__(self, rows: Iterable[Sequence[object]]) -> None:
        self.words: list[Word] = []
        for row in rows:
            try:
                self.words.append(Word.from_row(list(row)))
            except (TypeError, ValueError, IndexError):
                continue  # one bad row must not cost the page its text layer

    def __bool__(self) -> bool:
        return bool(self.words)

    def word_at(self, x: float, y: float, *, nearest: bool = True) -> int | None:
        """Index of the word under (x, y) in PDF points; else the nearest one (if asked)."""
        best, best_distance = None, float("inf")
        for i, word in enumerate(self.words):
            r = word.rect
            dx = max(r.x0 - x, 0.0, x - r.x1)
            dy = max(r.y0 - y, 0.0, y - r.y1)
            if dx == 0 and dy == 0:
                return i
            distance = dx * dx + dy * dy * 4  # lines are closer in reading than columns
            if distance < best_distance:
                best, best_distance = i, distance
        return best if nearest else None

    def span(self, a: int, b: int) -> list[Word]:
        lo, hi = min(a, b), max(a, b)
        return self.words[lo:hi + 1]

    @staticmethod
    def quote(words: Sequence[Word]) -> str:
        """The selected text: words joined by spaces, lines by newlines."""
        parts: list[str] = []
        previous: Word | None = None
        for word in words:
            if previous is not None:
                same_line = (word.block, word.line) == (previous.block, previous.line)
                parts.append(" " if same_line else "\n")
            parts.append(word.text)
            previous = word
        return "".join(parts)

    @staticmethod
    def line_rects(words: Sequence[Word]) -> list[Rect]:
        """One rectangle per line of the selection (fewer, tidier boxes than per word)."""
        rects: list[Rect] = []
        current: Rect | None = None
        current_line: tuple[int, int] | None = None
        for word in words:
            line = (word.block, word.line)
            if current is not None and line == current_line:
                current = current.union(word.rect)
            else:
                if current is not None:
                    rects.append(current)
                current, current_line = word.rect, line
        if current is not None:
            rects.append(current)
        return rects

    def find(self, terms: Iterable[str]) -> list[Rect]:
        """Boxes of every occurrence of each term (a word or a phrase), one box per word."""
        word_tokens = [tokens(w.text) for w in self.words]
        flat: list[tuple[str, int]] = [(t, i) for i, toks in enumerate(word_tokens) for t in toks]
        hits: set[int] = set()
        for term in terms:
            wanted = tokens(term)
            if not wanted:
                continue
            n = len(wanted)
            for start in range(len(flat) - n + 1):
                if all(flat[start + k][0] == wanted[k] for k in range(n)):
                    hits.update(flat[start + k][1] for k in range(n))
        return [self.words[i].rect for i in sorted(hits)]
