"""Finding many literal byte strings in one pass.

The verification looks for every byte form of every removed text (ASCII, hex,
UTF-16BE, PDFDocEncoding) in every object and stream of an export. A regular
expression that is a plain alternation of hundreds of literals is tried
alternative by alternative at each position; the same literals folded into a trie
(`ab(?:c|d)` instead of `abc|abd`) branch on one byte at a time, which is what
makes the search fast. The longest literal still wins at a position."""

from __future__ import annotations

import re
from collections.abc import Iterable

_END = -1


def literal_pattern(literals: Iterable[bytes]) -> re.Pattern[bytes] | None:
    """One compiled pattern matching any of `literals` (None for none)."""
    trie: dict[int, dict] = {}  # type: ignore[type-arg]
    count = 0
    for literal in literals:
        if not literal:
            continue
        node = trie
        for byte in literal:
            node = node.setdefault(byte, {})
        node[_END] = {}
        count += 1
    if not count:
        return None
    return re.compile(_build(trie), re.DOTALL)


def _build(node: dict) -> bytes:  # type: ignore[type-arg]
    end = _END in node
    branches = [re.escape(bytes([key])) + _build(child) for key, child in sorted(node.items()) if key != _END]
    if not branches:
        return b""
    if len(branches) == 1 and not end:
        return branches[0]
    body = b"(?:" + b"|".join(branches) + b")"
    return body + b"?" if end else body
