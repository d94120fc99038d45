"""The sealed file format: any size streams through, and any change is refused."""

from __future__ import annotations

import io
import os

import pytest

from evidence_desk.core.crypto.stream import HEADER_BYTES, TAG, DecryptionError, Sealer, open_chunks

KEY = os.urandom(32)
SMALL = 64  # a small chunk keeps many-chunk cases fast; the format is the same at 1 MiB


def _seal(data: bytes, key: bytes = KEY, chunk: int = SMALL) -> bytes:
    out = io.BytesIO()
    sealer = Sealer(key, out, chunk)
    for i in range(0, len(data), 7):  # written in pieces that do not line up with chunks
        sealer.write(data[i:i + 7])
    sealer.finish()
    return out.getvalue()


def _open(sealed: bytes, key: bytes = KEY) -> bytes:
    return b"".join(open_chunks(io.BytesIO(sealed), key))


@pytest.mark.parametrize("size", [0, 1, SMALL - 1, SMALL, SMALL + 1, 3 * SMALL, 5 * SMALL + 17])
def test_every_size_comes_back_exactly(size):
    data = os.urandom(size)
    sealed = _seal(data)
    assert _open(sealed) == data
    assert len(sealed) == HEADER_BYTES + size + TAG * (size // SMALL + 1 - (size % SMALL == 0 and size > 0))


def test_sealing_the_same_bytes_twice_gives_different_files():
    data = b"the same letter" * 20
    assert _seal(data) != _seal(data)


@pytest.mark.parametrize("position", [0, 9, HEADER_BYTES, HEADER_BYTES + SMALL + 3, -1])
def test_a_flipped_bit_anywhere_is_refused(position):
    sealed = bytearray(_seal(os.urandom(3 * SMALL + 5)))
    sealed[position] ^= 0x01
    with pytest.raises(DecryptionError):
        _open(bytes(sealed))


def test_a_file_cut_at_a_chunk_boundary_is_refused():
    sealed = _seal(os.urandom(3 * SMALL))
    with pytest.raises(DecryptionError):
        _open(sealed[:HEADER_BYTES + 2 * (SMALL + TAG)])


def test_chunks_swapped_or_appended_are_refused():
    sealed = _seal(os.urandom(3 * SMALL))
    one, two = (sealed[HEADER_BYTES + i * (SMALL + TAG):HEADER_BYTES + (i + 1) * (SMALL + TAG)] for i in (0, 1))
    swapped = sealed[:HEADER_BYTES] + two + one + sealed[HEADER_BYTES + 2 * (SMALL + TAG):]
    with pytest.raises(DecryptionError):
        _open(swapped)
    with pytest.raises(DecryptionError):
        _open(sealed + one)


def test_another_key_or_another_files_header_is_refused():
    data = os.urandom(2 * SMALL)
    sealed, other = _seal(data), _seal(data)
    with pytest.raises(DecryptionError):
        _open(sealed, os.urandom(32))
    with pytest.raises(DecryptionError):
        _open(other[:HEADER_BYTES] + sealed[HEADER_BYTES:])


def test_no_plaintext_chunk_is_handed_out_before_its_tag_checks():
    sealed = bytearray(_seal(b"A" * SMALL + b"B" * SMALL))
    sealed[HEADER_BYTES + 1] ^= 0xFF  # damage the first chunk
    chunks = open_chunks(io.BytesIO(bytes(sealed)), KEY)
    with pytest.raises(DecryptionError):
        next(chunks)
