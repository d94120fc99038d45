"""A page's words as a text layer: hit testing, selection in reading order, term boxes.

Pure Python on `core.geometry` types (no Qt), so it is tested on its own. Word
rows come from `pages.words` (embedded text or OCR), already in reading order.
Find highlighting is `core.text`'s matching, the rule redaction marks by: what
the viewer highlights is what "redact every occurrence" would black out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property

from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.text.match import find_text
from evidence_desk.core.text.stream import PageStream


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

    @cached_property
    def stream(self) -> PageStream:
        return PageStream.build(self.words)

    def find(self, terms: Iterable[str]) -> list[Rect]:
        """Boxes of every occurrence of each term (a word or a phrase), one box per line of
        each occurrence, in reading order."""
        rects: list[Rect] = []
        for term in terms:
            try:
                matches = find_text(self.stream, term)
            except InvalidInputError:
                continue  # a term with no letters or digits highlights nothing
            for m in matches:
                rects.extend(r for r in self.stream.regions(m.start, m.end) if r not in rects)
        return rects
