"""What a parser worker sends back: plain dataclasses, importable without PyMuPDF.

They live apart from `extract.py` because the parent process unpickles them: if
they were defined next to the parser, receiving the first result would import
PyMuPDF (about 1–2 s) into the importing process, which never parses anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DocumentProbe:
    page_count: int
    metadata: dict[str, str] = field(default_factory=dict)
    encrypted: bool = False
    repaired: bool = False
    warnings: list[str] = field(default_factory=list)


@dataclass
class ExtractedPage:
    number: int
    width: float
    height: float
    rotation: int
    text: str
    words: list[list[Any]]
    has_images: bool
    needs_ocr: bool
    warnings: list[str] = field(default_factory=list)  # e.g. failed redactions (see xray.py)
    # `words` already serialised as the JSON the database stores (see `as_json_words`):
    # the worker does it in parallel, the importing process just stores the string.
    words_json: str = ""
    blank: bool = False  # paints nothing at all (no text, image, drawing or annotation): never OCR'd


def as_json_words(pages: list[ExtractedPage]) -> list[ExtractedPage]:
    """Move each page's words into `words_json` (compact JSON), leaving `words` empty."""
    import json

    for page in pages:
        if not page.words_json:  # PDF pages arrive serialised already
            page.words_json = json.dumps(page.words, ensure_ascii=False, separators=(",", ":"))
        page.words = []
    return pages
