"""Reading an untrusted zip: every check before a byte is written, caps while inflating.

A bundle comes from someone else's laptop. Before anything is extracted this
checks the whole central directory: the member count (read from the end record,
before `zipfile` parses a single entry), every name (no absolute path, `..`,
backslash, NUL, control character, drive letter; no duplicates, no names that
collide once case and Unicode are folded), every type (regular files and
folders only: no links, devices or FIFOs), encryption, compression method,
declared sizes against per-member and total caps and the compression ratio, and
that no two entries overlap in the file (Python 3.11's `zipfile` lacks the
CVE-2024-0450 check). Extraction is then member by member, never `extractall`:
inflated bytes are counted while reading, and a member that inflates past its
declared size, the ratio cap or the total cap stops the extraction at once. Each
member is hashed as it is written."""

from __future__ import annotations

import hashlib
import itertools
import os
import stat
import struct
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from evidence_desk.core.errors import BundleRefusedError

CHUNK = 1024 * 1024
EOCD = b"PK\x05\x06"
EOCD64_LOCATOR = b"PK\x06\x07"
LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # signature … filename length, extra length
LOCAL_SIGNATURE = b"PK\x03\x04"


class UnsafeZipError(BundleRefusedError):
    """The zip was refused before anything was written (or while inflating a member)."""


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 20_000
    max_member_bytes: int = 4 * 1024**3
    max_total_bytes: int = 16 * 1024**3
    max_ratio: float = 100.0  # inflated : compressed, for members above `ratio_floor`
    ratio_floor: int = 1024 * 1024  # small members may compress well (JSON of few bytes)
    max_name_length: int = 512


@dataclass(frozen=True)
class Member:
    name: str
    size: int
    compressed: int
    info: zipfile.ZipInfo


def _end_record_count(path: Path) -> int:
    """The entry count the end-of-central-directory record claims (ZIP64 aware)."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        tail_len = min(size, 65_535 + 22 + 20)
        fh.seek(size - tail_len)
        tail = fh.read(tail_len)
    at = tail.rfind(EOCD)
    if at < 0:
        raise UnsafeZipError("not a zip file (no end-of-archive record)")
    total = struct.unpack("<H", tail[at + 10:at + 12])[0]
    loc = at - 20
    if total == 0xFFFF and loc >= 0 and tail[loc:loc + 4] == EOCD64_LOCATOR:
        offset = struct.unpack("<Q", tail[loc + 8:loc + 16])[0]
        with open(path, "rb") as fh:
            fh.seek(offset)
            record = fh.read(56)
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            total = struct.unpack("<Q", record[32:40])[0]
    return int(total)


def check_name(name: str, limits: ZipLimits = ZipLimits()) -> str:
    """The member name, or UnsafeZipError saying why it cannot be written anywhere."""
    shown = repr(name)[:80]
    if not name or len(name) > limits.max_name_length:
        raise UnsafeZipError(f"member name {shown} is empty or too long")
    if "\x00" in name:
        raise UnsafeZipError(f"member name {shown} contains a NUL byte")
    if "\\" in name:
        raise UnsafeZipError(f"member name {shown} contains a backslash (a Windows path)")
    if any(unicodedata.category(c) == "Cc" for c in name):
        raise UnsafeZipError(f"member name {shown} contains a control character")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise UnsafeZipError(f"member {shown} has an absolute path")
    parts = name.rstrip("/").split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise UnsafeZipError(f"member {shown} escapes the bundle or has an empty path part (zip slip)")
    return name


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().rstrip("/")


class SafeZip:
    """An untrusted zip, checked as a whole on opening; members are read one by one."""

    def __init__(self, path: Path | str, limits: ZipLimits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or ZipLimits()
        if self.path.is_symlink() or not self.path.is_file():
            raise UnsafeZipError(f"{self.path.name} is not a regular file")
        claimed = _end_record_count(self.path)
        if claimed > self.limits.max_members:
            raise UnsafeZipError(f"the bundle has {claimed:,} members, more than the limit of "
                                 f"{self.limits.max_members:,}")
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise UnsafeZipError(f"not a readable zip file ({exc})") from exc
        try:
            self.members = self._check_directory()
        except BaseException:
            self._zip.close()
            raise

    def _check_directory(self) -> dict[str, Member]:
        infos = self._zip.infolist()
        lim = self.limits
        if len(infos) > lim.max_members:
            raise UnsafeZipError(f"the bundle has {len(infos):,} members, more than the limit of "
                                 f"{lim.max_members:,}")
        members: dict[str, Member] = {}
        folded: dict[str, str] = {}
        total = 0
        for info in infos:
            check_name(info.orig_filename, lim)  # `filename` is cut at a NUL byte; the original is not
            name = check_name(info.filename, lim)
            key = _fold(name)
            if key in folded:
                other = folded[key]
                what = "twice" if other == name else f"and {other!r} (same name once case/Unicode is folded)"
                raise UnsafeZipError(f"member {name!r} appears {what}")
            folded[key] = name
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)
            if kind == stat.S_IFLNK:
                raise UnsafeZipError(f"member {name!r} is a symbolic link")
            if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
                raise UnsafeZipError(f"member {name!r} is a device, FIFO or socket, not a file")
            if info.flag_bits & 0x1:
                raise UnsafeZipError(f"member {name!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise UnsafeZipError(f"member {name!r} uses an unsupported compression method")
            if info.is_dir():
                continue
            if info.file_size > lim.max_member_bytes:
                raise UnsafeZipError(f"member {name!r} would inflate to {info.file_size:,} bytes, more than "
                                     f"the limit of {lim.max_member_bytes:,}")
            if info.file_size > lim.ratio_floor and info.file_size > lim.max_ratio * max(info.compress_size, 1):
                raise UnsafeZipError(f"member {name!r} has a compression ratio above {lim.max_ratio:.0f}:1 "
                                     "(a compression bomb)")
            if info.compress_type == zipfile.ZIP_STORED and info.compress_size != info.file_size:
                raise UnsafeZipError(f"member {name!r} is stored but its sizes disagree")
            total += info.file_size
            if total > lim.max_total_bytes:
                raise UnsafeZipError(f"the bundle would inflate to more than {lim.max_total_bytes:,} bytes")
            members[name] = Member(name, info.file_size, info.compress_size, info)
        self._check_overlaps(infos)
        return members

    def _check_overlaps(self, infos: list[zipfile.ZipInfo]) -> None:
        """Every entry's local header and data lie apart from every other's, before the
        central directory (overlapping entries are how a small zip inflates to terabytes)."""
        spans = []
        directory_start = self._zip.start_dir
        with open(self.path, "rb") as fh:
            for info in infos:
                fh.seek(info.header_offset)
                header = fh.read(LOCAL_HEADER.size)
                if len(header) != LOCAL_HEADER.size or header[:4] != LOCAL_SIGNATURE:
                    raise UnsafeZipError(f"member {info.filename!r} has no valid local header")
                fields = LOCAL_HEADER.unpack(header)
                end = info.header_offset + LOCAL_HEADER.size + fields[-2] + fields[-1] + info.compress_size
                spans.append((info.header_offset, end, info.filename))
        spans.sort()
        for (_, end, name), (start, _, following) in itertools.pairwise(spans):
            if start < end:
                raise UnsafeZipError(f"members {name!r} and {following!r} overlap (an overlapping-entry bomb)")
        if spans and spans[-1][1] > directory_start:
            raise UnsafeZipError(f"member {spans[-1][2]!r} runs into the archive's directory")

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def chunks(self, name: str) -> Iterator[bytes]:
        """The member's bytes, inflated under its caps (raises as soon as one is passed)."""
        member = self.members[name]
        lim = self.limits
        cap = member.size
        ratio_cap = max(lim.ratio_floor, int(lim.max_ratio * max(member.compressed, 1)))
        seen = 0
        try:
            with self._zip.open(member.info) as fh:
                while True:
                    chunk = fh.read(CHUNK)
                    if not chunk:
                        break
                    seen += len(chunk)
                    if seen > cap:
                        raise UnsafeZipError(f"member {name!r} inflates past its declared size")
                    if seen > ratio_cap:
                        raise UnsafeZipError(f"member {name!r} inflates past {lim.max_ratio:.0f}:1 "
                                             "(a compression bomb)")
                    yield chunk
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise UnsafeZipError(f"member {name!r} is damaged ({exc})") from exc
        except zipfile.LargeZipFile as exc:  # pragma: no cover
            raise UnsafeZipError(f"member {name!r} is too large") from exc
        if seen != cap:
            raise UnsafeZipError(f"member {name!r} is shorter than its declared size")

    def read(self, name: str, max_bytes: int = 256 * 1024 * 1024) -> bytes:
        if self.members[name].size > max_bytes:
            raise UnsafeZipError(f"member {name!r} is larger than {max_bytes:,} bytes")
        return b"".join(self.chunks(name))

    def extract_all_checked(self, root: Path) -> dict[str, str]:
        """Write every file member under `root` (which must be empty), one by one;
        return name → SHA-256 of what was written."""
        root = root.resolve()
        hashes: dict[str, str] = {}
        for name in self.members:
            target = root.joinpath(*PurePosixPath(name).parts)
            if not target.resolve().is_relative_to(root):  # names were checked; belt and braces
                raise UnsafeZipError(f"member {name!r} escapes the bundle")
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as out:
                for chunk in self.chunks(name):
                    digest.update(chunk)
                    out.write(chunk)
            hashes[name] = digest.hexdigest()
        return hashes
