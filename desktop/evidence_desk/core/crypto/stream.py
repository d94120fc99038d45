"""Chunked AES-256-GCM for files of any size, streamed in and out one chunk at a time.

Layout: a 24-byte header (magic, chunk size, 12-byte random file salt), then chunks of
`chunk_size` plaintext bytes, each sealed with its 16-byte tag. Each file gets its own
key (HKDF of the case's file key and the file salt), so a chunk's nonce can simply be
its index; the last chunk's nonce carries a "final" flag, and every chunk authenticates
the header, so a reordered, dropped, appended or truncated chunk, a flipped bit or a
header from another file all fail to decrypt (the STREAM construction of Hoang, Reyhanitabar,
Rogaway and Vizár)."""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from evidence_desk.core.errors import CaseError

MAGIC = b"EDGCM\x00\x01\x00"
CHUNK = 1024 * 1024
TAG = 16
_HEADER = struct.Struct(">8sI12s")
HEADER_BYTES = _HEADER.size
MAX_CHUNK = 16 * 1024 * 1024


class DecryptionError(CaseError):
    """A sealed file does not decrypt: damaged, cut short, or not sealed with this case's key."""


def _nonce(index: int, final: bool) -> bytes:
    return index.to_bytes(11, "big") + (b"\x01" if final else b"\x00")


def _file_cipher(key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                       info=b"evidence-desk file chunk v1").derive(key))


class Sealer:
    """Seal a stream written piece by piece (`write`, then `finish`)."""

    def __init__(self, key: bytes, out: BinaryIO, chunk_size: int = CHUNK) -> None:
        salt = os.urandom(12)
        self._header = _HEADER.pack(MAGIC, chunk_size, salt)
        self._aead = _file_cipher(key, salt)
        self._out = out
        self._chunk = chunk_size
        self._pending = bytearray()
        self._index = 0
        out.write(self._header)

    def write(self, data: bytes | memoryview) -> None:
        self._pending += data
        # Keep a full chunk back: only at finish() is it known which chunk is the last.
        while len(self._pending) > self._chunk:
            self._seal(bytes(self._pending[:self._chunk]), final=False)
            del self._pending[:self._chunk]

    def finish(self) -> None:
        self._seal(bytes(self._pending), final=True)
        self._pending.clear()

    def _seal(self, plain: bytes, final: bool) -> None:
        self._out.write(self._aead.encrypt(_nonce(self._index, final), plain, self._header))
        self._index += 1


def open_chunks(src: BinaryIO, key: bytes) -> Iterator[bytes]:
    """The plaintext of a sealed stream, chunk by chunk; DecryptionError on any damage
    (a chunk is only ever yielded after its tag checked)."""
    header = src.read(HEADER_BYTES)
    if len(header) != HEADER_BYTES:
        raise DecryptionError("the sealed file is cut short (no header)")
    magic, chunk_size, salt = _HEADER.unpack(header)
    if magic != MAGIC:
        raise DecryptionError("not a file sealed by Evidence Desk")
    if not 0 < chunk_size <= MAX_CHUNK:
        raise DecryptionError("the sealed file's header is damaged")
    aead = _file_cipher(key, salt)
    sealed = chunk_size + TAG
    index = 0
    block = src.read(sealed)
    while True:
        following = src.read(sealed) if len(block) == sealed else b""
        final = not following
        try:
            yield aead.decrypt(_nonce(index, final), block, header)
        except InvalidTag:
            raise DecryptionError("a sealed file is damaged, cut short or sealed with another key") from None
        if final:
            return
        block, index = following, index + 1


def seal_file(key: bytes, source: BinaryIO, out: BinaryIO) -> None:
    sealer = Sealer(key, out)
    while chunk := source.read(CHUNK):
        sealer.write(chunk)
    sealer.finish()


def unseal_bytes(key: bytes, path: os.PathLike[str] | str) -> bytes:
    with open(path, "rb") as fh:
        return b"".join(open_chunks(fh, key))
