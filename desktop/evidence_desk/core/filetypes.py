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


def sniff_file(path: Path) -> str | None:
    with open(path, "rb") as fh:
        return sniff(fh.read(1024))


def is_image(media_type: str) -> bool:
    return media_type in IMAGE_TYPES
