"""Recognising what a file is from its first bytes, never from its name."""

from __future__ import annotations

from pathlib import Path

PDF = "application/pdf"
IMAGE_TYPES = {
    "image/jpeg": "JPEG",
    "image/png": "PNG",
    "image/tiff": "TIFF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/gif": "GIF",
}
SUPPORTED = (PDF, *IMAGE_TYPES)


def sniff(head: bytes) -> str | None:
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return "image/tiff"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"BM"):
        return "image/bmp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return None


# Markers of PDF syntax. Damaged PDFs often lose their `%PDF-` header (junk
# before it, or a truncated start) yet MuPDF repairs and opens them: such a
# file goes to the PDF parser, which accepts or refuses it with a real reason,
# instead of being called "not a PDF" by its first bytes.
_PDF_MARKERS = (b"%PDF", b" obj", b"\nobj", b"startxref", b"trailer", b"%%EOF", b"/Type")


def looks_like_pdf(head: bytes, tail: bytes) -> bool:
    return any(marker in head or marker in tail for marker in _PDF_MARKERS)


def sniff_file(path: Path) -> str | None:
    with open(path, "rb") as fh:
        head = fh.read(1024)
        kind = sniff(head)
        if kind is not None:
            return kind
        size = fh.seek(0, 2)
        fh.seek(max(0, size - 1024))
        tail = fh.read(1024)
    return PDF if looks_like_pdf(head, tail) else None


def is_image(media_type: str) -> bool:
    return media_type in IMAGE_TYPES
