"""Finding a string, a quote or a pattern in a page stream: one rule for every caller.

A literal string matches where its folded tokens occur in order in the page's
folded tokens, with any separators in between (spaces, line breaks,
punctuation): the first token may end a longer word and the last may begin one
("Smith" in "Smith's", "Muller" in "Müllers"). That is a superset of what the
search index matches (whole tokens, or prefixes with `*`), so every page search
returns is a page redaction marks. A string with hyphens also matches with them
dropped, for a compound broken at a line end ("anti-" / "drone"). A single word
also matches every page word that shares a stem with it (`core.text.stems`), as
search does.

Regular expressions run on the words as written (case-insensitive) with a time
limit, so a pattern that backtracks without end is an error, not a hang."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.text.fold import fold, token_spans
from evidence_desk.core.text.stems import token_stems
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


@dataclass(frozen=True)
class Literal:
    """A string to find: its forms, and for a single word its stems (a page word sharing
    one is a match too: "Гарбузу" for "Гарбуз")."""

    forms: tuple[str, ...]
    stems: frozenset[str] = frozenset()


def literal(query: str) -> Literal:
    forms = literal_forms(query)
    words = forms[0].split(" ") if forms else []
    return Literal(tuple(forms), token_stems(words[0]) if len(words) == 1 else frozenset())


def check_literal(query: str) -> Literal:
    if not query or not query.strip():
        raise InvalidInputError("nothing to search for: the text is empty")
    found = literal(query)
    if not found.forms:
        raise InvalidInputError(f"nothing to search for: {query!r} has no letters or digits")
    return found


def find_literal(stream: PageStream, lit: Literal) -> list[TextMatch]:
    """Every occurrence of the forms, and every whole word sharing a stem."""
    found = {(m.start, m.end): m for m in find_forms(stream, list(lit.forms))}
    if lit.stems:
        for a, b in stream.stem_matches(lit.stems):
            start, end = stream.text_range("folded", a, b)
            found.setdefault((start, end), TextMatch(start, end))
        # a whole word found by its stem covers the part of it the form matched
        found = {k: m for k, m in found.items()
                 if not any(o is not m and o.start <= m.start and m.end <= o.end for o in found.values())}
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def find_forms(stream: PageStream, forms: list[str]) -> list[TextMatch]:
    """Every non-overlapping occurrence of each form, as ranges of the stream's text.

    A form of one token can only occur inside one token, where the `folded` view
    holds the same characters as the `tokens` view: it is looked for there, which
    spares building the `tokens` view (and its offsets) for every page."""
    found: dict[tuple[int, int], TextMatch] = {}
    for form in forms:
        view = "tokens" if " " in form else "folded"
        haystack = stream.tokens if view == "tokens" else stream.folded
        pos = haystack.find(form)
        while pos >= 0:
            start, end = stream.text_range(view, pos, pos + len(form))
            found.setdefault((start, end), TextMatch(start, end))
            pos = haystack.find(form, pos + len(form))
    return sorted(found.values(), key=lambda m: (m.start, m.end))


def find_text(stream: PageStream, query: str) -> list[TextMatch]:
    """Every occurrence of a literal string (see the module docstring for the rule)."""
    return find_literal(stream, check_literal(query))


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
