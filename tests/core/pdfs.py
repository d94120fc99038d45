"""Small real PDFs and images for tests, written with PyMuPDF (tests may use it directly:
the layering rule binds the application package, not its test helpers)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pymupdf

FONT_FILE = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def write_text_pdf(path: Path, pages: Sequence[str], *, fontsize: float = 11) -> Path:
    """A born-digital PDF whose pages carry `pages` as real, extractable text
    (Cyrillic and accented Latin included, with a Unicode font)."""
    doc = pymupdf.open()
    for body in pages:
        page = doc.new_page(width=595, height=842)
        rect = pymupdf.Rect(56, 56, 539, 786)
        if FONT_FILE.exists():
            page.insert_font(fontname="dejavu", fontfile=str(FONT_FILE))
            page.insert_textbox(rect, body, fontname="dejavu", fontsize=fontsize)
        else:  # pragma: no cover - the CI image installs fonts-dejavu-core
            page.insert_textbox(rect, body, fontname="helv", fontsize=fontsize)
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return path
