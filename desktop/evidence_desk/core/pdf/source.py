"""What a worker is given to read: a path, or the file's bytes.

An encrypted case never hands a worker a path to plaintext (there is none) nor its key:
the parent decrypts the original in memory and sends the bytes (core/storage.py,
`worker_source`). Every worker-side opener goes through here, so both kinds work alike.

A render worker keeps the last few files it was sent as bytes, by SHA-256 (`resolve`), so
the next page of the same file names it by that key (`render_types.held_reference`)
instead of crossing the pipe again. They live in this process's memory only."""

from __future__ import annotations

import hashlib
import io
from collections import OrderedDict
from typing import IO, Any

import pymupdf

from evidence_desk.core.errors import SourceNotHeldError
from evidence_desk.core.pdf.render_types import HELD_MAX_BYTES, HELD_PREFIX, HELD_SOURCES

Source = str | bytes  # msgspec passes either as sent (a union of two string-like types is not modelled)


def source_key(source: Source) -> str:
    """A cache key: the path, or a digest of the bytes (the same file sent twice is one entry)."""
    if isinstance(source, str):
        return source
    return "bytes:" + hashlib.blake2b(source, digest_size=16).hexdigest()


_held: OrderedDict[str, bytes] = OrderedDict()  # sha256 -> bytes, least recently used first


def resolve(source: Source) -> tuple[str, Source]:
    """The cache key and the readable form of what a render call names: a path as is; bytes
    held for later (keyed by their SHA-256); a held reference turned back into its bytes
    (SourceNotHeldError when they were dropped: the parent sends them again)."""
    if isinstance(source, bytes):
        digest = hashlib.sha256(source).hexdigest()
        if len(source) <= HELD_MAX_BYTES:
            _held[digest] = source
            _held.move_to_end(digest)
            while len(_held) > HELD_SOURCES:
                _held.popitem(last=False)
        return "bytes:" + digest, source
    if source.startswith(HELD_PREFIX):
        digest = source[len(HELD_PREFIX):]
        data = _held.get(digest)
        if data is None:
            raise SourceNotHeldError("the renderer no longer holds that file")
        _held.move_to_end(digest)
        return "bytes:" + digest, data
    return source, source


def drop_held() -> None:
    _held.clear()


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
