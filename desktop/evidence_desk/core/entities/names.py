"""Normalising names so that the same name written differently matches."""

from __future__ import annotations

import re
import unicodedata

_QUOTES = re.compile(r"[«»\"“”„‘’‚'`]")
_SPACE = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Case-folded, quote-free, accent-free, whitespace-collapsed match key."""
    text = _QUOTES.sub(" ", name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACE.sub(" ", text).strip().casefold()


def bounded_distance(a: str, b: str, limit: int) -> int | None:
    """Levenshtein distance if it is at most `limit`, else None (stops early: a banded DP)."""
    if abs(len(a) - len(b)) > limit:
        return None
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        lo, hi = max(1, i - limit), min(len(b), i + limit)
        if lo > 1:
            cur[lo - 1] = limit + 1
        for j in range(lo, hi + 1):
            cost = 0 if ca == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        for j in range(hi + 1, len(b) + 1):
            cur[j] = limit + 1
        if min(cur[lo - 1:hi + 1]) > limit:
            return None
        prev = cur
    return prev[-1] if prev[-1] <= limit else None


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
