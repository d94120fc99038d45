"""What a worker is given to read: a path, or the file's bytes.

An encrypted case never hands a worker a path to plaintext (there is none) nor its key:
the parent decrypts the original in memory and sends the bytes (core/storage.py,
`worker_source`). Every worker-side opener goes through here, so both kinds work alike."""

from __future__ import annotations

import hashlib
import io
from typing import IO, Any

import pymupdf

Source = str | bytes  # msgspec passes either as sent (a union of two string-like types is not modelled)


def source_key(source: Source) -> str:
    """A cache key: the path, or a digest of the bytes (the same file sent twice is one entry)."""
    if isinstance(source, str):
        return source
    return "bytes:" + hashlib.blake2b(source, digest_size=16).hexdigest()


def open_pdf(source: Source) -> Any:
    """A PyMuPDF document (the caller turns parser errors into refusals)."""
    if isinstance(source, str):
        return pymupdf.open(source, filetype="pdf")
    return pymupdf.open(stream=source, filetype="pdf")


def image_input(source: Source) -> str | IO[bytes]:
    """What Pillow's `Image.open` reads."""
    return source if isinstance(source, str) else io.BytesIO(source)


def path_of(source: Source) -> str | None:
    """The path to hide from error messages (None for bytes: there is none)."""
    return source if isinstance(source, str) else None
