"""The fold rule: the one form in which text is compared, everywhere.

Search, tagging, redaction, suggestions and the viewer all compare text in this
form, and the search index stores it, so a word one of them finds is a word
every other one finds. It is what SQLite's FTS5 tokenizer
`unicode61 remove_diacritics 2` does to each character (lower case, Latin
diacritics removed: "Müller" → "muller"), read from SQLite itself rather than
re-implemented, plus what that tokenizer cannot do:

- compatibility forms (NFKC): "ﬁ" → "fi", full-width letters → ASCII;
- `ß`/`ẞ` → "ss", so "Weissrussland" finds "Weißrussland";
- Latin/Cyrillic look-alikes inside one word: an OCR'd "Гaрбуз" with a Latin
  "a" is folded to the script most of its letters are in ("гарбуз").

A *token* is a run of characters the tokenizer keeps (letters, digits, private
use); everything else separates tokens. Folding is character by character
(look-alikes swap one letter for one letter), so offsets map back to the page."""

from __future__ import annotations

import bisect
import json
import os
import re
import sqlite3
import unicodedata
from functools import lru_cache
from pathlib import Path

TOKENIZER = "unicode61 remove_diacritics 2"
PLANES_READ = 0x20000  # beyond: CJK extensions and rarer planes, letters to FTS5 and to us
_SENTINEL = "q"
_SHARP_S = {"ß": "ss", "ẞ": "ss"}
# Cyrillic letter → the Latin letter it looks like (lower case; both read the same in print).
CYRILLIC_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
}
LATIN_LOOKALIKES = {v: k for k, v in CYRILLIC_LOOKALIKES.items()}
_LATIN = re.compile(r"[a-z]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=1)
def _unicode61() -> dict[int, str]:
    """What the FTS5 tokenizer makes of every character of the first two planes (letters,
    digits, symbols and emoji), asked of SQLite once: each character is indexed between two sentinel letters, so a
    token character comes back as one term "q…q" and a separator as two terms "q"."""
    con = sqlite3.connect(":memory:")
    try:
        con.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZER}')")
        con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
        points = [c for c in range(0x21, PLANES_READ) if not 0xD800 <= c < 0xE000]
        con.execute("INSERT INTO t(rowid, x) VALUES (1, ?)",
                    (" ".join(f"{_SENTINEL}{chr(c)}{_SENTINEL}" for c in points),))
        terms = [row[0] for row in con.execute("SELECT term FROM v ORDER BY offset")]
    finally:
        con.close()
    table: dict[int, str] = {}
    i = 0
    for c in points:
        term = terms[i]
        if term == _SENTINEL:  # a separator split "q?q" in two
            i += 2
            continue
        i += 1
        table[c] = term[1:-1]
    return table


RULE_VERSION = 1  # raise when the rule below changes: cached tables are then rebuilt


def _cache_file() -> Path:
    from evidence_desk.core.paths import cache_home

    key = f"{RULE_VERSION}-{sqlite3.sqlite_version}-{unicodedata.unidata_version}"
    return cache_home() / f"fold-{key}.json"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], list[tuple[int, int]]]:
    """The per-character fold (a str.translate table) and the token characters (ranges).
    Reading SQLite's tokenizer takes a good part of a second, so the result is kept in
    the user cache folder, keyed by the SQLite and Unicode versions it was read from."""
    path = _cache_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {int(c): out for c, out in data["fold"].items()}, [(a, b) for a, b in data["tokens"]]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass
    fold, tokens = _derive_tables()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"fold": fold, "tokens": tokens}, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home: derive again next time
    return fold, tokens


def _derive_tables() -> tuple[dict[int, str], list[tuple[int, int]]]:
    u61 = _unicode61()
    fold: dict[int, str] = {}
    tokens: set[str] = set()
    for c in range(PLANES_READ):
        if 0xD800 <= c < 0xE000:
            continue
        ch = chr(c)
        if ch in _SHARP_S:
            out = _SHARP_S[ch]
        else:
            compat = unicodedata.normalize("NFKC", ch)
            out = "".join(_SHARP_S.get(x, u61.get(ord(x), x))
                          for x in compat)
        if c in u61:
            tokens.add(ch)
        if out != ch:
            fold[c] = out
    for out in list(fold.values()):
        tokens.update(x for x in out if ord(x) in u61)
    ranges: list[tuple[int, int]] = []
    for c in sorted(ord(ch) for ch in tokens):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1] = (ranges[-1][0], c)
        else:
            ranges.append((c, c))
    return fold, ranges


def fold_char(ch: str) -> str:
    """One character in the fold form (possibly empty, possibly two characters)."""
    return _tables()[0].get(ord(ch), ch)


@lru_cache(maxsize=1)
def _resizing() -> frozenset[str]:
    return frozenset(chr(c) for c, out in _tables()[0].items() if len(out) != 1)


@lru_cache(maxsize=1)
def _resizing_run() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(_resizing())) + "]")


def fold_mapped(text: str) -> tuple[str, list[int] | None]:
    """`fold(text)`, and for each folded character the index of the character of `text`
    it came from; None when every character folds to exactly one (same offsets)."""
    table = _tables()[0]
    if _resizing().isdisjoint(text):
        return unmix_lookalikes(text.translate(table)), None
    pieces: list[str] = []
    src: list[int] = []
    last = 0
    for m in _resizing_run().finditer(text):
        at = m.start()
        pieces.append(text[last:at].translate(table))  # one for one up to here
        src.extend(range(last, at))
        out = fold_char(text[at])
        pieces.append(out)
        src.extend([at] * len(out))
        last = at + 1
    pieces.append(text[last:].translate(table))
    src.extend(range(last, len(text)))
    return unmix_lookalikes("".join(pieces)), src


@lru_cache(maxsize=1)
def _token_starts() -> list[int]:
    return [a for a, _ in _tables()[1]]


def is_token_char(ch: str) -> bool:
    c = ord(ch)
    if c >= PLANES_READ:
        return True
    at = bisect.bisect_right(_token_starts(), c) - 1
    return at >= 0 and _tables()[1][at][1] >= c



@lru_cache(maxsize=1)
def token_run() -> re.Pattern[str]:
    """A run of token characters: the ranges read from SQLite, as one character class."""
    ranges = _tables()[1]
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{body}{re.escape(chr(PLANES_READ))}-\U0010ffff]+")


def token_spans(folded: str) -> list[tuple[int, int]]:
    """Start and end of every token of folded text."""
    return [m.span() for m in token_run().finditer(folded)]


def _unmix(token: str) -> str:
    """A word written in two scripts, folded to the script most of its letters are in,
    when every letter of the other script has a look-alike there."""
    latin = len(_LATIN.findall(token))
    cyrillic = len(_CYRILLIC.findall(token))
    if not latin or not cyrillic:
        return token
    table = LATIN_LOOKALIKES if cyrillic >= latin else CYRILLIC_LOOKALIKES
    minority = _LATIN if cyrillic >= latin else _CYRILLIC
    if not all(ch in table for ch in minority.findall(token)):
        return token
    return "".join(table.get(ch, ch) for ch in token)


@lru_cache(maxsize=1)
def _scripts() -> dict[int, str | None]:
    """Latin letters → "a", Cyrillic → "b", spaces kept, every other character dropped."""
    table: dict[int, str | None] = dict.fromkeys(range(PLANES_READ))
    table.update({c: "a" for c in range(ord("a"), ord("z") + 1)})
    table.update(dict.fromkeys(range(0x400, 0x500), "b"))
    table.update({ord(c): " " for c in " \n\t\r"})
    return table


def _may_mix(folded: str) -> bool:
    """Whether some run of characters without a space holds Latin and Cyrillic letters
    (a token in two scripts needs that): a cheap test before looking token by token."""
    if not (_LATIN.search(folded) and _CYRILLIC.search(folded)):
        return False
    marks = folded.translate(_scripts())
    if len(marks) != marks.count("a") + marks.count("b") + marks.count(" "):
        return True  # characters beyond the table: look token by token
    return "ab" in marks or "ba" in marks


def unmix_lookalikes(folded: str) -> str:
    """Look-alike letters swapped in every mixed-script token (same length as the input)."""
    if not _may_mix(folded):
        return folded
    out = []
    last = 0
    for m in token_run().finditer(folded):
        token = m.group()
        if token.isascii() or not _LATIN.search(token):
            continue
        out.append(folded[last:m.start()])
        out.append(_unmix(token))
        last = m.end()
    out.append(folded[last:])
    return "".join(out)


def fold(text: str) -> str:
    """Text in the fold form: what the search index stores and every match compares."""
    return unmix_lookalikes(text.translate(_tables()[0]))


def fold_tokens(text: str) -> list[str]:
    """The tokens of `text` in the fold form, as the search index sees them."""
    folded = fold(text)
    return [folded[a:b] for a, b in token_spans(folded)]


def fold_key(text: str) -> str:
    """A word's fold form without its separators ("Müller," and "MULLER" → "muller"): the key
    by which export tells whether a word under a box also stands outside every box."""
    return "".join(fold_tokens(text))


def fold_spaced(text: str) -> str:
    """The fold form with runs of white space made one space: what the bundle's scrubber
    compares a field with the redacted and withheld strings in."""
    return " ".join(fold(text).split())
