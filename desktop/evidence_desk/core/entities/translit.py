"""Cyrillic → Latin transliteration in the spellings people actually meet.

One name reaches an investigator as ISO 9 / GOST 7.79 scholarly Latin
("Ŝukin"), English passport style ("Shchukin") and German Duden style
("Schtschukin"). We produce all three and fold them to a *skeleton* that
absorbs the remaining differences (w/v, j/y/i, doubled letters, umlaut
spellings), so any of them finds the others. Written out here rather than taken
from a library: the table is small, and no maintained package covers the German
and English conventions together."""

from __future__ import annotations

import re
import unicodedata

from evidence_desk.core.text.fold import fold

_COMMON = {
    "а": "a", "б": "b", "г": "g", "д": "d", "е": "e", "ё": "e", "и": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "т": "t", "у": "u", "ф": "f", "ъ": "",
    "ь": "", "э": "e", "ы": "y", "і": "i", "ґ": "g", "ў": "u", "'": "", "’": "",
}
SCHEMES: dict[str, dict[str, str]] = {
    # ISO 9 / GOST 7.79-2000 system A (diacritics fold away in the skeleton: ž→z, č→c, š→s)
    "iso9": {**_COMMON, "в": "v", "ж": "ž", "з": "z", "й": "j", "с": "s", "х": "h", "ц": "c",
             "ч": "č", "ш": "š", "щ": "ŝ", "ю": "ju", "я": "ja", "ї": "ï", "є": "je"},
    # English (BGN/PCGN-like, as in passports and the press)
    "en": {**_COMMON, "в": "v", "ж": "zh", "з": "z", "й": "y", "с": "s", "х": "kh", "ц": "ts",
           "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu", "я": "ya", "ї": "yi", "є": "ye"},
    # German (Duden)
    "de": {**_COMMON, "ё": "jo", "в": "w", "ж": "sch", "з": "s", "й": "j", "с": "s", "х": "ch", "ц": "z",
           "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "ї": "ji", "є": "je"},
}
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Longest first: each Latin spelling variant folds to one skeleton spelling.
_FOLDS = [
    ("schtsch", "sc"), ("shch", "sc"), ("tsch", "c"), ("sch", "s"), ("zh", "s"), ("sh", "s"),
    ("ch", "c"), ("kh", "h"), ("ts", "c"), ("tz", "c"), ("ph", "f"), ("ck", "k"),
    ("ae", "a"), ("oe", "o"), ("ue", "u"), ("w", "v"), ("j", "i"), ("y", "i"), ("z", "s"),
    ("x", "ks"), ("q", "k"),
]
_NON_WORD = re.compile(r"[^\w\s]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def transliterate(text: str, scheme: str = "en") -> str:
    """Cyrillic letters replaced by their Latin spelling in `scheme`; other characters kept."""
    table = SCHEMES[scheme]
    out = []
    for ch in text:
        low = ch.lower()
        rep = table.get(low)
        if rep is None:
            out.append(ch)
        elif ch != low and rep:
            out.append(rep[0].upper() + rep[1:])
        else:
            out.append(rep)
    return "".join(out)


def skeleton(text: str) -> str:
    """A spelling-tolerant Latin key: Cyrillic must be transliterated first."""
    t = unicodedata.normalize("NFKD", fold(text))  # Latin: ISO 9's ŝ, ž fold like FTS5 does
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    t = _NON_WORD.sub(" ", t).replace("_", " ")
    for src, dst in _FOLDS:
        t = t.replace(src, dst)
    # Doubled letters: Russland/Rusland, Petrowa/Petrova. Letters only: "4242-11" and
    # "4242-1" are different names (a doubled digit is a different number).
    t = re.sub(r"([^\W\d_])\1+", r"\1", t)
    return " ".join(t.split())


def spellings(text: str) -> set[str]:
    """Every skeleton a name can have: one per scheme when it has Cyrillic letters."""
    if not has_cyrillic(text):
        keys = {skeleton(text)}
    else:
        keys = {skeleton(transliterate(text, scheme)) for scheme in SCHEMES}
    # "rn" read as "m" is the commonest OCR slip: offer the folded form as well.
    return keys | {k.replace("rn", "m") for k in keys if "rn" in k}
