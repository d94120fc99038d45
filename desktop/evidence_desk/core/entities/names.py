"""Normalising names so that the same name written differently matches."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from evidence_desk.core.text.fold import fold

_QUOTES = re.compile(r"[«»\"“”„‘’‚'`]")
_SPACE = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Quote-free, whitespace-collapsed match key in the fold form (`core.text.fold`)."""
    return _SPACE.sub(" ", fold(_QUOTES.sub(" ", name))).strip()


_PAIRS = {")": "(", "]": "[", "»": "«", "”": "“", "’": "‘", "\"": "\"", "'": "'", "›": "‹"}
_ABBREVIATION = re.compile(r"(?:^|\s)(?:\w{1,3}|\w(?:\.\w)+)\.$")  # Ltd. Inc. Co. Jr. F. U.S.


def proposed_name(selected: str) -> str:
    """The entity name a selection proposes: one line, without the punctuation the selection
    caught around it ("Nadim F. Aziri," → "Nadim F. Aziri", "(Ostrovia)" → "Ostrovia"; "ООО
    «Ромашка»" keeps its quotes, "Ltd." its point). A bracket or quote stays only when its
    partner is inside, not around the whole; a final full stop only after an abbreviation or
    an initial."""
    name = " ".join(selected.split())
    while name:
        last = name[-1]
        if last.isalnum():
            break
        if last in _PAIRS and _PAIRS[last] in name[:-1]:
            break
        if last == "." and _ABBREVIATION.search(name):
            break
        name = name[:-1].rstrip()
    while name and not name[0].isalnum():
        first = name[0]
        if first in _PAIRS.values() and any(c == first or _PAIRS.get(c) == first for c in name[1:]):
            break
        name = name[1:].lstrip()
    if len(name) > 2 and _PAIRS.get(name[-1]) == name[0] and name[0] not in name[1:-1]:
        return proposed_name(name[1:-1])  # wrapped whole: "(Ostrovia)", «Ромашка»
    return name


def bounded_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance if it is at most `limit`, else None (rapidfuzz stops early)."""
    if abs(len(a) - len(b)) > limit:
        return None
    d = Levenshtein.distance(a, b, score_cutoff=limit)
    return d if d <= limit else None


def same_digits(a: str, b: str) -> bool:
    """Numbers never tolerate OCR slips: "QL-014" and "QL-015" are different contracts."""
    return [c for c in a if c.isdigit()] == [c for c in b if c.isdigit()]


def tolerance(key: str) -> int:
    """Edits allowed for an OCR-mangled key: none for short keys, about one per six letters."""
    n = len(key.replace(" ", ""))
    return 0 if n < 6 else max(1, n // 6)


def names_match(a: str, b: str) -> bool:
    """Same name across scripts, transliteration schemes and small OCR errors."""
    from evidence_desk.core.entities.translit import spellings

    keys_a, keys_b = spellings(a), spellings(b)
    if keys_a & keys_b:
        return True
    # Fuzzy only with the same first letter: "Минск" is not "Пинск".
    return any(x[:1] == y[:1] and same_digits(x, y)
               and bounded_distance(x, y, min(tolerance(x), tolerance(y))) is not None
               for x in keys_a for y in keys_b)
