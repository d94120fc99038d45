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
