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


def write_encrypted_pdf(path: Path, text: str, password: str) -> Path:
    """A one-page PDF that opens only with `password` (AES-256, PDF 2.0's handler)."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 100), text, fontsize=12)
    doc.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password + "-owner")
    doc.close()
    return path
