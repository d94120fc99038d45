"""Word stems, so a search for "Гарбуз" finds "Гарбузу" and "Lieferung" finds "Lieferungen".

Snowball stemmers (PyStemmer): Russian for Cyrillic words, English and German
for Latin ones (a word may be either; both stems are kept). Only words of four
letters or more are stemmed, and stems shorter than three letters are dropped:
"run" from "running" is as short as a stem gets. The search index keeps the
stems of every page word in a column of their own (`stems`); a search word
matches a page word with a common stem, and redaction marks those words too
(`core.text.match`), so search stays within what redaction marks. A quoted
phrase and a prefix search stay exact."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import Stemmer

MIN_WORD = 4
MIN_STEM = 3


_local = threading.local()  # a PyStemmer object is not safe to share between threads
# Stems already computed, by token: a case's vocabulary is small next to its word count,
# so pages (matching, and the index trigger on every page written) mostly hit this.
_known: dict[str, frozenset[str]] = {}
KNOWN_MAX = 400_000


def _stemmers() -> tuple[Stemmer.Stemmer, Stemmer.Stemmer, Stemmer.Stemmer]:
    found = getattr(_local, "stemmers", None)
    if found is None:
        found = _local.stemmers = (Stemmer.Stemmer("russian"), Stemmer.Stemmer("english"),
                                   Stemmer.Stemmer("german"))
    return found  # type: ignore[no-any-return]


def _stemmable(token: str) -> bool:
    return len(token) >= MIN_WORD and token.isalpha()


def _is_cyrillic(token: str) -> bool:
    return "\u0400" <= token[0] <= "\u04ff"


def token_stems(token: str) -> frozenset[str]:
    """The stems of one folded token (empty when it is too short or not a word)."""
    return stems_of([token]).get(token, frozenset())


def stems_of(tokens: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each distinct stemmable token's stems (tokens without any are left out)."""
    known = _known
    wanted = set(tokens)
    new = [t for t in wanted if t not in known]
    if new:
        if len(known) > KNOWN_MAX:
            known.clear()
        found = _compute(new)
        for t in new:
            known[t] = found.get(t, _NONE)
    out = {}
    for t in wanted:
        stems = known.get(t)
        if stems is None:  # cleared by another thread meanwhile
            stems = _compute([t]).get(t, _NONE)
        if stems:
            out[t] = stems
    return out


_NONE: frozenset[str] = frozenset()


def _compute(tokens: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each stemmable token's stems, computed in bulk (the stemmers are C)."""
    unique = sorted({t for t in tokens if _stemmable(t)})
    cyrillic = [t for t in unique if _is_cyrillic(t)]
    latin = [t for t in unique if not _is_cyrillic(t)]
    ru, en, de = _stemmers()
    out: dict[str, frozenset[str]] = {}
    for t, s in zip(cyrillic, ru.stemWords(cyrillic), strict=True):
        if len(s) >= MIN_STEM:
            out[t] = frozenset((s,))
    for t, a, b in zip(latin, en.stemWords(latin), de.stemWords(latin), strict=True):
        kept = frozenset(s for s in (a, b) if len(s) >= MIN_STEM)
        if kept:
            out[t] = kept
    return out


def stems_text(tokens: Iterable[str]) -> str:
    """What the index's `stems` column holds for a page: every stem of its words, once."""
    return " ".join(sorted({s for stems in stems_of(tokens).values() for s in stems}))
