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

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.text.fold import (
    fold,
    fold_mapped,
    is_token_char,
    token_spans,
)
from evidence_desk.core.text.stems import stems_of, stems_text

HYPHENS = ("-", "\u00ad", "\u2010", "\u2011")
CONTEXT_WORDS = 6


def _words(rows: Sequence[Any]) -> list[Word]:
    out: list[Word] = []
    for row in rows or ():
        try:
            word = row if isinstance(row, Word) else Word.from_row(list(row))
        except (TypeError, ValueError, IndexError):
            continue  # one bad row must not cost the page its text
        if word.text.strip():
            out.append(word)
    return out


def _joins_next(word: Word, nxt: Word | None) -> bool:
    """A word hyphenated at a line end: "Luka-" followed by "shenko" on the next line."""
    if nxt is None or (nxt.block, nxt.line) == (word.block, word.line):
        return False
    text = word.text
    return len(text) > 1 and text.endswith(HYPHENS) and text[-2].isalpha() and nxt.text[:1].isalpha()


@dataclass
class PageStream:
    words: list[Word]
    text: str
    owners: list[tuple[int, int] | None]  # per character of `text`: (word, character in word) or None

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

    @cached_property
    def token_stems(self) -> list[tuple[int, int, frozenset[str]]]:
        """Each stemmable token of the `tokens` view: its range there and its stems."""
        spans: list[tuple[int, int, str]] = []
        pos = 0
        for token in self.tokens.split(" "):
            spans.append((pos, pos + len(token), token))
            pos += len(token) + 1
        stems = stems_of(t for _, _, t in spans)
        return [(a, b, stems[t]) for a, b, t in spans if t in stems]

    @classmethod
    def build(cls, rows: Sequence[Any], fallback_text: str = "") -> PageStream:
        """From word rows; from plain text (no rectangles) when the page has no words."""
        words = _words(rows)
        if not words:
            return cls([], fallback_text, [None] * len(fallback_text))
        chars: list[str] = []
        owners: list[tuple[int, int] | None] = []
        for i, word in enumerate(words):
            nxt = words[i + 1] if i + 1 < len(words) else None
            joined = _joins_next(word, nxt)
            text = word.text[:-1] if joined else word.text
            chars.append(text)
            owners.extend((i, j) for j in range(len(text)))
            if nxt is not None and not joined:
                chars.append(" " if (nxt.block, nxt.line) == (word.block, word.line) else "\n")
                owners.append(None)
        return cls(words, "".join(chars), owners)

    @classmethod
    def from_json(cls, words_json: str | list[Any] | None, text: str | None) -> PageStream:
        """From `pages.words` as a query returns it: JSON text (SQLite) or already decoded
        (PostgreSQL's json type)."""
        if isinstance(words_json, list):
            return cls.build(words_json, text or "")
        try:
            rows = json.loads(words_json) if words_json else []
        except ValueError:
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
        return sorted({o[0] for o in self.owners[start:end] if o is not None})

    def words_in(self, start: int, end: int) -> list[Word]:
        return [self.words[i] for i in self.word_indexes(start, end)]

    def regions(self, start: int, end: int) -> list[Rect]:
        """One rectangle per line covering characters start..end-1 of `text`; part of a
        word ("Smith" in "Smithson") is a proportional slice of its box, padded by half a
        character each side and never outside the word."""
        spans: dict[int, list[int]] = {}
        for owner in self.owners[start:end]:
            if owner is not None:
                spans.setdefault(owner[0], []).append(owner[1])
        per_line: dict[tuple[int, int], Rect] = {}
        for index in sorted(spans):
            word = self.words[index]
            first, last = min(spans[index]), max(spans[index])
            letters = [j for j, ch in enumerate(word.text) if is_token_char(ch)] or [0, len(word.text) - 1]
            rect = word.rect
            if first > letters[0] or last < letters[-1]:  # punctuation around a word is not "part"
                unit = rect.width / max(1, len(word.text))
                rect = Rect(max(rect.x0, rect.x0 + (first - 0.5) * unit), rect.y0,
                            min(rect.x1, rect.x0 + (last + 1.5) * unit), rect.y1)
            line = (word.block, word.line)
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
        lo = max(0, indexes[0] - words)
        hi = min(len(self.words), indexes[-1] + words + 1)
        before = " ".join(w.text for w in self.words[lo:indexes[0]])
        hit = " ".join(w.text for w in self.words[indexes[0]:indexes[-1] + 1])
        after = " ".join(w.text for w in self.words[indexes[-1] + 1:hi])
        return f"{'…' if lo else ''}{before} [{hit}] {after}{'…' if hi < len(self.words) else ''}".strip()


@lru_cache(maxsize=8)
def index_columns(text: str | None, words_json: str | None) -> tuple[str, str]:
    """What the search index stores for a page: its stream folded, and the stems of its
    words. Called by SQLite (see `core.text.index`) for each column in turn, hence the
    cache; never raises: a page it cannot read is indexed empty."""
    try:
        folded = fold(PageStream.from_json(words_json, text).text)
        return folded, stems_text(folded[a:b] for a, b in token_spans(folded))
    except Exception:
        return "", ""


def index_text(text: str | None, words_json: str | None) -> str:
    return index_columns(text, words_json)[0]


def index_stems(text: str | None, words_json: str | None) -> str:
    return index_columns(text, words_json)[1]
