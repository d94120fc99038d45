"""Finding known entities on a page: every alias, in any script or transliteration,
tolerating small OCR errors (a bounded edit distance on spelling skeletons)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evidence_desk.core.entities.locate import Token, token_key
from evidence_desk.core.entities.names import bounded_distance, same_digits, tolerance
from evidence_desk.core.entities.translit import spellings


def word_keys(word: str) -> frozenset[str]:
    """The skeletons of one word in every transliteration scheme (spaces squeezed out)."""
    return frozenset(k for k in (s.replace(" ", "") for s in spellings(word)) if k)


@dataclass(frozen=True)
class AliasPattern:
    entity_id: int
    alias: str
    words: tuple[frozenset[str], ...]


def alias_pattern(entity_id: int, alias: str) -> AliasPattern | None:
    words = tuple(k for k in (word_keys(token_key(w)) for w in alias.split()) if k)
    return AliasPattern(entity_id, alias, words) if words else None


@dataclass(frozen=True)
class EntityHit:
    entity_id: int
    alias: str
    start: int  # token indices [start, end)
    end: int
    exact: bool


def _word_match(have: frozenset[str], want: frozenset[str]) -> bool | None:
    """True: same skeleton; False: within the OCR tolerance; None: different words."""
    if have & want:
        return True
    for w in want:
        limit = tolerance(w)
        if limit and any(same_digits(h, w) and bounded_distance(h, w, limit) is not None for h in have):
            return False
    return None


def find_entities(tokens: Sequence[Token], patterns: Sequence[AliasPattern]) -> list[EntityHit]:
    """Every place an alias occurs; overlapping hits keep the longest (then exact) one."""
    keys = [word_keys(t.key) for t in tokens]
    by_first: dict[str, list[AliasPattern]] = {}
    for pat in patterns:
        for first in {k[:1] for k in pat.words[0]}:
            by_first.setdefault(first, []).append(pat)
    hits: list[EntityHit] = []
    for i, have in enumerate(keys):
        seen: set[int] = set()
        for first in {k[:1] for k in have}:
            for pat in by_first.get(first, ()):
                if id(pat) in seen or i + len(pat.words) > len(tokens):
                    continue
                seen.add(id(pat))
                exact = True
                for k, want in enumerate(pat.words):
                    ok = _word_match(keys[i + k], want)
                    if ok is None:
                        break
                    exact = exact and ok
                else:
                    hits.append(EntityHit(pat.entity_id, pat.alias, i, i + len(pat.words), exact))
    return _best(hits)


def _best(hits: list[EntityHit]) -> list[EntityHit]:
    hits.sort(key=lambda h: (-(h.end - h.start), not h.exact, h.start))
    taken: list[EntityHit] = []
    for h in hits:
        if any(h.start < t.end and t.start < h.end for t in taken):
            continue
        taken.append(h)
    return sorted(taken, key=lambda h: h.start)
