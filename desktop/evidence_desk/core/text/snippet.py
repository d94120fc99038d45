"""A search result's snippet: the words around the first match, as written on the page.

The index holds folded text, so FTS5's own snippet() would show "weissrussland";
snippets are cut from the page stream instead, and the matches are marked with
the same rule redaction uses (`core.text.match`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from evidence_desk.core.text.match import TextMatch, find_literal, literal
from evidence_desk.core.text.stream import PageStream

_WORD = re.compile(r"\S+")
BEFORE = 4  # words before the first match
WORDS = 12  # words in a snippet, as FTS5's snippet(…, 12)


def term_matches(stream: PageStream, terms: Sequence[str]) -> list[TextMatch]:
    found = {(m.start, m.end): m for term in terms for m in find_literal(stream, literal(term))}
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def snippet(stream: PageStream, terms: Sequence[str], open_mark: str, close_mark: str,
            ellipsis: str = "…") -> str:
    words = [m.span() for m in _WORD.finditer(stream.text)]
    if not words:
        return ""
    matches = term_matches(stream, terms)
    first = 0
    if matches:
        first = next((i for i, (_, end) in enumerate(words) if end > matches[0].start), 0)
    lo = max(0, min(first - BEFORE, len(words) - WORDS))
    hi = min(len(words), lo + WORDS)
    start, end = words[lo][0], words[hi - 1][1]
    out: list[str] = [ellipsis] if lo > 0 else []
    pos = start
    for m in matches:
        if m.end <= start or m.start >= end or m.start < pos:
            continue
        out.append(stream.text[pos:m.start])
        out.append(open_mark + stream.text[m.start:m.end] + close_mark)
        pos = m.end
    out.append(stream.text[pos:end])
    if hi < len(words):
        out.append(ellipsis)
    return " ".join("".join(out).split())
