"""Text from files someone else chose (names, metadata, a worker's stderr) made safe to print.

A newline splits a table row, ESC drives the terminal, BEL rings, and the Unicode
bidirectional controls reorder what the reader sees (`invoice‮fdp.exe`). Each is
shown as a visible escape instead; everything else, Cyrillic and Arabic included,
passes through unchanged."""

from __future__ import annotations

import unicodedata

_BIDI = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}


def _escape_char(ch: str) -> str:
    code = ord(ch)
    if code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0:
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch, f"\\x{code:02x}")
    if code in _BIDI or code in (0x2028, 0x2029) or unicodedata.category(ch) in ("Cs", "Co"):
        return f"\\u{code:04x}"
    return ch


def escape(text: str) -> str:
    """`text` with control, line-separator and bidirectional characters written as escapes."""
    if text.isprintable() and not any(ord(c) in _BIDI for c in text):
        return text
    return "".join(_escape_char(c) for c in text)


def escape_keeping_lines(text: str) -> str:
    """Like `escape`, but line breaks and tabs stay as they are (for whole blocks of output)."""
    if text.isprintable() and not any(ord(c) in _BIDI for c in text):
        return text
    return "".join(c if c in "\n\t" else _escape_char(c) for c in text)


def escape_block(text: str, limit: int = 2000) -> str:
    """Several lines (a worker's stderr): each line escaped, the whole kept to `limit` characters."""
    return escape_keeping_lines(text[-limit:]).strip("\n")
