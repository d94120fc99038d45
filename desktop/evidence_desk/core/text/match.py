"""Finding a string, a quote or a pattern in a page stream: one rule for every caller.

A literal string matches where its folded tokens occur in order in the page's
folded tokens, with any separators in between (spaces, line breaks,
punctuation): the first token may end a longer word and the last may begin one
("Smith" in "Smith's", "Muller" in "Müllers"). That is a superset of what the
search index matches (whole tokens, or prefixes with `*`), so every page search
returns is a page redaction marks. A string with hyphens also matches with them
dropped, for a compound broken at a line end ("anti-" / "drone").

Regular expressions run on the words as written (case-insensitive) with a time
limit, so a pattern that backtracks without end is an error, not a hang."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.text.fold import fold, token_spans
from evidence_desk.core.text.stream import HYPHENS, PageStream

PATTERN_SECONDS = 2.0  # per page: real patterns take microseconds


@dataclass(frozen=True)
class TextMatch:
    start: int  # a range of `PageStream.text`
    end: int


def literal_forms(query: str) -> list[str]:
    """The forms a literal string is looked for in a stream's `tokens` view."""
    folded = fold(query)
    forms = [" ".join(folded[a:b] for a, b in token_spans(folded))]
    if any(h in folded for h in HYPHENS):
        bare = folded
        for h in HYPHENS:
            bare = bare.replace(h, "")
        forms.append(" ".join(bare[a:b] for a, b in token_spans(bare)))
    return list(dict.fromkeys(f for f in forms if f))


def check_literal(query: str) -> list[str]:
    if not query or not query.strip():
        raise InvalidInputError("nothing to search for: the text is empty")
    forms = literal_forms(query)
    if not forms:
        raise InvalidInputError(f"nothing to search for: {query!r} has no letters or digits")
    return forms


def find_forms(stream: PageStream, forms: list[str]) -> list[TextMatch]:
    """Every non-overlapping occurrence of each form, as ranges of the stream's text."""
    tokens = stream.tokens
    found: dict[tuple[int, int], TextMatch] = {}
    for form in forms:
        pos = tokens.find(form)
        while pos >= 0:
            start, end = stream.text_range("tokens", pos, pos + len(form))
            found.setdefault((start, end), TextMatch(start, end))
            pos = tokens.find(form, pos + len(form))
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def find_text(stream: PageStream, query: str) -> list[TextMatch]:
    """Every occurrence of a literal string (see the module docstring for the rule)."""
    return find_forms(stream, check_literal(query))


def compile_pattern(pattern: str) -> regex.Pattern[str]:
    if not pattern or not pattern.strip():
        raise InvalidInputError("nothing to search for: the pattern is empty")
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.MULTILINE | regex.VERSION0)
    except regex.error as exc:
        raise InvalidInputError(f"not a valid regular expression: {exc}") from exc


def find_pattern(stream: PageStream, pattern: regex.Pattern[str],
                 seconds: float = PATTERN_SECONDS) -> list[TextMatch]:
    """Every match of a compiled pattern in the words as written."""
    try:
        return [TextMatch(*m.span()) for m in pattern.finditer(stream.text, timeout=seconds)
                if m.end() > m.start()]
    except TimeoutError as exc:
        raise InvalidInputError(
            f"the pattern {pattern.pattern!r} took more than {seconds:g} s on one page "
            "(it backtracks without end); simplify it, e.g. avoid nested repeats like (a+)+") from exc
