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

# A word whose box is this many times taller than the page's typical word is drawn across
# the page (a watermark: rotated "CONFIDENTIAL", a huge "DRAFT"), not part of the text.
WATERMARK_HEIGHT_RATIO = 2.5
# Faint text (pale grey, white, see-through: `Word.faint`) is a watermark when it is also
# bigger than the body or runs across the page; faint text of body size on a short line
# (white letters in a dark table header, a pale footer) stays part of the text.
FAINT_HEIGHT_RATIO = 1.5
FAINT_LINE_WIDTH = 15.0  # in typical word heights: ~1/3 of a page of 10-point text
MIN_BODY_WORDS = 5  # below this a page has no "typical" word to compare with
# A drag starts on a watermark only this far (in typical word heights) from every body word.
WATERMARK_REACH = 3.0


class TextLayer:
    def __init__(self, rows: Iterable[Sequence[object]]) -> None:
        self.words: list[Word] = []
        for row in rows:
            try:
                self.words.append(Word.from_row(list(row)))
            except (TypeError, ValueError, IndexError):
                continue  # one bad row must not cost the page its text layer
        self.line_height = 0.0  # the typical word height, once the page has enough words
        self.watermark = self._find_watermark()

    def __bool__(self) -> bool:
        return bool(self.words)

    def _find_watermark(self) -> frozenset[int]:
        """Indexes of words drawn as a watermark: a rotated word's upright box, or a huge
        word's, is far taller than the body's lines; and faint text (drawn very light, see
        `Word.faint`) that is bigger than the body or whose line runs across the page. Rows
        stored before faintness was read have boxes only, and only the first test applies."""
        heights = sorted(w.rect.height for w in self.words
                         if len(w.text) > 1 and w.rect.height > 0 and not w.faint)
        if len(heights) < MIN_BODY_WORDS:
            return frozenset()
        self.line_height = typical = heights[len(heights) // 2]
        faint_lines: dict[tuple[int, int], Rect] = {}
        for w in self.words:
            if w.faint:
                key = (w.block, w.line)
                faint_lines[key] = faint_lines[key].union(w.rect) if key in faint_lines else w.rect
        wide = {key for key, r in faint_lines.items() if r.width > FAINT_LINE_WIDTH * typical}
        marked = frozenset(
            i for i, w in enumerate(self.words)
            if w.rect.height > WATERMARK_HEIGHT_RATIO * typical
            or (w.faint and (w.rect.height > FAINT_HEIGHT_RATIO * typical or (w.block, w.line) in wide)))
        return marked if len(self.words) - len(marked) >= MIN_BODY_WORDS else frozenset()

    def anchor_at(self, x: float, y: float) -> int | None:
        """Where a drag that starts at (x, y) starts: the body word under it or nearest to it,
        unless the press is on a watermark word and away from every body word."""
        body = self.word_at(x, y)
        if not self.watermark or body is None:
            return body
        on_mark = self.word_at(x, y, nearest=False, watermark=True)
        if on_mark is None:
            return body
        r = self.words[body].rect
        distance = max(r.x0 - x, 0.0, x - r.x1, r.y0 - y, 0.0, y - r.y1)
        return on_mark if distance > WATERMARK_REACH * self.line_height else body

    def word_at(self, x: float, y: float, *, nearest: bool = True, watermark: bool = False) -> int | None:
        """Index of the word under (x, y) in PDF points; else the nearest one (if asked).
        Only body words count, or (`watermark`) only watermark words."""
        best, best_distance = None, float("inf")
        for i, word in enumerate(self.words):
            if (i in self.watermark) != watermark:
                continue
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
        """The words from `a` to `b` in reading order, of `a`'s kind: a selection started on the
        body skips the watermark words between (and one started on the watermark, the body)."""
        lo, hi = min(a, b), max(a, b)
        marked = a in self.watermark
        return [w for i, w in enumerate(self.words[lo:hi + 1], lo) if (i in self.watermark) == marked]

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
