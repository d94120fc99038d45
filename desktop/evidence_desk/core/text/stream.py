"""A page's words as one text, with the way back from every character to its word.

`PageStream.build(words)` joins a page's word boxes (`pages.words`: embedded
text or OCR) in reading order: a space between words of a line, a newline
between lines, and nothing where a word broken by a hyphen at a line end
continues on the next line ("Luka-" / "shenko" → "Lukashenko"). Three views:

- `text`: the words as written (regular expressions and suggestions run on it);
- `folded`: `text` in the fold form (what the search index stores);
- `tokens`: the folded tokens joined by single spaces (literal matching).

Any range of any view maps back to rectangles, one per line (`regions`)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import accumulate, chain, pairwise
from typing import Any

import msgspec

from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.text.fold import (
    fold,
    fold_mapped,
    is_token_char,
    token_run,
    token_spans,
)
from evidence_desk.core.text.stems import stems_of, stems_text

HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")
CONTEXT_WORDS = 6


class WordRow(msgspec.Struct, array_like=True, frozen=True, gc=False):
    """A word row as stored in `pages.words`: [x0, y0, x1, y1, text, block, line, index(, confidence)].
    Not tracked by the garbage collector (it holds only numbers and a string): a search
    makes millions, and tracked they would set off full collections that stall the window."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    block: int
    line: int
    index: int
    confidence: float | None = None

    @property
    def rect(self) -> Rect:
        return Rect(self.x0, self.y0, self.x1, self.y1)

    def word(self) -> Word:
        return Word(self.rect, self.text, self.block, self.line, self.index, self.confidence)


_decode_rows = msgspec.json.Decoder(list[WordRow]).decode  # checks every row's shape in C


def _row_of(item: Any) -> WordRow | None:
    """A word row from a `Word` or a row read some other way (`Word.from_row`'s rules), or
    None when it cannot be read or holds no text."""
    if isinstance(item, WordRow):
        row = item
    else:
        try:
            word = item if isinstance(item, Word) else Word.from_row(list(item))
        except (TypeError, ValueError, IndexError):
            return None  # one bad row must not cost the page its text
        r = word.rect
        row = WordRow(r.x0, r.y0, r.x1, r.y1, word.text, word.block, word.line, word.index, word.confidence)
    return row if row.text.strip() else None


def _joins_next(row: WordRow, text: str, nxt: WordRow | None) -> bool:
    """A word hyphenated at a line end: "Luka-" followed by "shenko" on the next line."""
    if nxt is None or (nxt.block == row.block and nxt.line == row.line):
        return False
    return len(text) > 1 and text.endswith(HYPHENS) and text[-2].isalpha() and nxt.text[:1].isalpha()


@dataclass
class PageStream:
    """Built from word rows; `Word` objects are made only when asked for (`words`), since
    matching a page needs the text of every word but the box of only the few it hits."""

    rows: list[WordRow]  # the page's readable word rows, in reading order
    text: str
    starts: list[int]  # per word: where its characters begin in `text`
    lengths: list[int]  # per word: how many characters of `text` it owns (a joining hyphen is dropped)

    @cached_property
    def words(self) -> list[Word]:
        return [row.word() for row in self.rows]

    @cached_property
    def _folded_view(self) -> tuple[str, list[int] | None]:
        """The folded text, and for each of its characters the character of `text` it
        came from (None when folding kept every length: then the offsets are the same)."""
        return fold_mapped(self.text)

    @property
    def folded(self) -> str:
        return self._folded_view[0]

    @cached_property
    def _tokens_view(self) -> tuple[str, list[int]]:
        folded, src = self._folded_view
        parts: list[str] = []
        tsrc: list[int] = []
        for start, end in token_spans(folded):
            if parts:
                parts.append(" ")
                tsrc.append(src[start] if src is not None else start)
            parts.append(folded[start:end])
            tsrc.extend(src[start:end] if src is not None else range(start, end))
        return "".join(parts), tsrc

    @property
    def tokens(self) -> str:
        return self._tokens_view[0]

    def stem_matches(self, wanted: frozenset[str]) -> list[tuple[int, int]]:
        """The range in the `folded` view of every whole token sharing a stem with `wanted`.
        Only the page's distinct tokens are stemmed (and each at most once a process,
        `core.text.stems`); positions are looked up for the few that share one."""
        folded = self.folded
        distinct = set(token_run().findall(folded))
        hits = [t for t, stems in stems_of(distinct).items() if stems & wanted]
        out: list[tuple[int, int]] = []
        for token in hits:
            pos = folded.find(token)
            while pos >= 0:
                end = pos + len(token)
                if (pos == 0 or not is_token_char(folded[pos - 1])) and (
                        end == len(folded) or not is_token_char(folded[end])):
                    out.append((pos, end))
                pos = folded.find(token, end)
        return sorted(out)

    @classmethod
    def build(cls, rows: Sequence[Any], fallback_text: str = "") -> PageStream:
        """From word rows; from plain text (no rectangles) when the page has no words."""
        return cls._of([row for row in map(_row_of, rows or ()) if row is not None], fallback_text)

    @classmethod
    def _of(cls, kept: list[WordRow], fallback_text: str) -> PageStream:
        if not kept:
            return cls([], fallback_text, [], [])
        texts = [row.text for row in kept]
        if any(t.endswith(HYPHENS) for t in texts):
            return cls._joining(kept)
        lines = [(row.block, row.line) for row in kept]
        seps = [" " if a == b else "\n" for a, b in pairwise(lines)]
        seps.append("")
        lengths = [len(t) for t in texts]
        starts = list(accumulate((n + 1 for n in lengths[:-1]), initial=0))
        return cls(kept, "".join(chain.from_iterable(zip(texts, seps, strict=True))), starts, lengths)

    @classmethod
    def _joining(cls, kept: list[WordRow]) -> PageStream:
        """`_of` for a page where some word ends in a hyphen (it may join the next line's word)."""
        chars: list[str] = []
        starts: list[int] = []
        lengths: list[int] = []
        pos = 0
        last = len(kept) - 1
        for i, row in enumerate(kept):
            text = row.text
            nxt = kept[i + 1] if i < last else None
            joined = _joins_next(row, text, nxt)
            if joined:
                text = text[:-1]
            chars.append(text)
            starts.append(pos)
            lengths.append(len(text))
            pos += len(text)
            if nxt is not None and not joined:
                chars.append(" " if nxt.block == row.block and nxt.line == row.line else "\n")
                pos += 1
        return cls(kept, "".join(chars), starts, lengths)

    @classmethod
    def from_json(cls, words_json: str | bytes | list[Any] | None, text: str | None) -> PageStream:
        """From `pages.words` as a query returns it: JSON text (SQLite), whose rows of the
        usual shape are decoded and checked in one C call (anything else is read row by
        row), or already decoded (PostgreSQL's json type)."""
        if isinstance(words_json, list):
            return cls.build(words_json, text or "")
        if not words_json:
            return cls._of([], text or "")
        try:
            return cls._of([r for r in _decode_rows(words_json) if r.text.strip()], text or "")
        except msgspec.DecodeError:  # ValidationError included: some row of another shape
            pass
        try:
            rows = msgspec.json.decode(words_json)
        except msgspec.DecodeError:
            rows = []
        return cls.build(rows if isinstance(rows, list) else [], text or "")

    # -- from a view's range back to the page ------------------------------------------------

    def text_range(self, view: str, start: int, end: int) -> tuple[int, int]:
        """A range of `folded` or `tokens` as a range of `text`."""
        src = self._folded_view[1] if view == "folded" else self._tokens_view[1]
        if src is None:
            return start, end
        return src[start], src[end - 1] + 1

    def word_indexes(self, start: int, end: int) -> list[int]:
        """The words owning any character of `text[start:end]`."""
        starts, lengths = self.starts, self.lengths
        i = max(0, bisect.bisect_right(starts, start) - 1)
        out = []
        while i < len(starts) and starts[i] < end:
            if starts[i] + lengths[i] > start and lengths[i]:
                out.append(i)
            i += 1
        return out

    def words_in(self, start: int, end: int) -> list[Word]:
        return [self.words[i] for i in self.word_indexes(start, end)]

    def regions(self, start: int, end: int) -> list[Rect]:
        """One rectangle per line covering characters start..end-1 of `text`; part of a
        word ("Smith" in "Smithson") is a proportional slice of its box, padded by half a
        character each side and never outside the word."""
        per_line: dict[tuple[Any, Any], Rect] = {}
        for index in self.word_indexes(start, end):
            row = self.rows[index]
            text = row.text
            first = max(start, self.starts[index]) - self.starts[index]
            last = min(end, self.starts[index] + self.lengths[index]) - 1 - self.starts[index]
            letters = [j for j, ch in enumerate(text) if is_token_char(ch)] or [0, len(text) - 1]
            rect = row.rect
            if first > letters[0] or last < letters[-1]:  # punctuation around a word is not "part"
                unit = rect.width / max(1, len(text))
                rect = Rect(max(rect.x0, rect.x0 + (first - 0.5) * unit), rect.y0,
                            min(rect.x1, rect.x0 + (last + 1.5) * unit), rect.y1)
            line = (row.block, row.line)
            per_line[line] = per_line[line].union(rect) if line in per_line else rect
        return list(per_line.values())

    def region(self, start: int, end: int) -> Rect | None:
        """One rectangle around everything a range touches (None when the page has no words)."""
        rects = self.regions(start, end)
        if not rects:
            return None
        out = rects[0]
        for r in rects[1:]:
            out = out.union(r)
        return out

    def context(self, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
        """A few words either side of a range of `text`, the range itself in [brackets]."""
        indexes = self.word_indexes(start, end)
        if not indexes:
            return " ".join(self.text[max(0, start - 40):end + 40].split())
        rows = self.rows
        lo = max(0, indexes[0] - words)
        hi = min(len(rows), indexes[-1] + words + 1)
        before = " ".join(r.text for r in rows[lo:indexes[0]])
        hit = " ".join(r.text for r in rows[indexes[0]:indexes[-1] + 1])
        after = " ".join(r.text for r in rows[indexes[-1] + 1:hi])
        return f"{'…' if lo else ''}{before} [{hit}] {after}{'…' if hi < len(rows) else ''}".strip()


@lru_cache(maxsize=8)
def index_columns(text: str | None, words_json: str | None) -> tuple[str, str]:
    """What the search index stores for a page: its stream folded, and the stems of its
    words. Called by SQLite (see `core.text.index`) for each column in turn, hence the
    cache; never raises: a page it cannot read is indexed empty. Columns computed ahead
    (`warm_index`) are taken instead of computed again."""
    found = _warm.pop((text, words_json), None)
    return found if found is not None else _computed_columns(text, words_json)


def _computed_columns(text: str | None, words_json: str | None) -> tuple[str, str]:
    try:
        folded = fold(PageStream.from_json(words_json, text).text)
        return folded, stems_text(token_run().findall(folded))
    except Exception:
        return "", ""


# Index columns computed ahead of the insert whose trigger needs them, by page text and
# words: a bundle merge computes them while the sandbox parses its next original, so its
# one write transaction finds them ready. Each is taken at most once, and holds what
# `index_columns` would compute from the same key, whoever takes it.
_warm: dict[tuple[str | None, str | None], tuple[str, str]] = {}


def warm_index(pages: Iterable[tuple[str | None, str | None]]) -> None:
    """Compute the index columns of these pages (text, words JSON) for a later insert."""
    for key in pages:
        _warm[key] = _computed_columns(*key)


def forget_warm(pages: Iterable[tuple[str | None, str | None]]) -> None:
    """Drop what `warm_index` computed for these pages and no insert took."""
    for key in pages:
        _warm.pop(key, None)


def index_text(text: str | None, words_json: str | None) -> str:
    return index_columns(text, words_json)[0]


def index_stems(text: str | None, words_json: str | None) -> str:
    return index_columns(text, words_json)[1]
