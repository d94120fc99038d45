"""Hand-built zip files for the hostile-bundle tests: every header field is ours to set,
so a test can claim 10 GB for a member it never writes, point two entries at one
local header, or mark a member as a symbolic link or a device."""

from __future__ import annotations

import stat
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

ZIP64_LIMIT = 0xFFFFFFFF


@dataclass
class RawMember:
    name: str | bytes
    data: bytes = b""
    deflate: bool = False
    declared_size: int | None = None  # what the headers claim it inflates to
    mode: int = stat.S_IFREG | 0o644
    reuse_offset_of: int | None = None  # index of an earlier member whose local header this entry shares


def build_zip(path: Path, members: list[RawMember]) -> Path:
    body = bytearray()
    central = bytearray()
    offsets: list[int] = []
    for m in members:
        name = m.name.encode("utf-8") if isinstance(m.name, str) else m.name
        payload = zlib.compress(m.data, 9)[2:-4] if m.deflate else m.data
        size = len(m.data) if m.declared_size is None else m.declared_size
        crc = zlib.crc32(m.data)
        method = 8 if m.deflate else 0
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        extra = b""
        usize_field = size
        if size >= ZIP64_LIMIT:
            usize_field = ZIP64_LIMIT
            extra = struct.pack("<HHQ", 1, 8, size)
        if m.reuse_offset_of is not None:
            offset = offsets[m.reuse_offset_of]
        else:
            offset = len(body)
            body += struct.pack("<4s5H3L2H", b"PK\x03\x04", 45 if extra else 20, flags, method, 0, 0x21,
                                crc, len(payload), usize_field, len(name), len(extra)) + name + extra + payload
        offsets.append(offset)
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", (3 << 8) | 45, 45 if extra else 20, flags, method,
                               0, 0x21, crc, len(payload), usize_field, len(name), len(extra), 0, 0, 0,
                               (m.mode & 0xFFFF) << 16, offset) + name + extra
    count = len(members)
    tail = b""
    if count > 0xFFFF:  # ZIP64 end records carry the real count
        at = len(body) + len(central)
        tail = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, len(central), len(body))
        tail += struct.pack("<4sLQL", b"PK\x06\x07", 0, at, 1)
        count = 0xFFFF
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, len(central), len(body), 0)
    path.write_bytes(bytes(body + central + tail + end))
    return path
