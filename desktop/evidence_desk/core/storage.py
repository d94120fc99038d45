"""Content-addressed, write-once storage of original files.

A file is streamed once: hashed while it is copied into a temporary file inside
the case, which is fsynced, then renamed to `originals/ab/cdef…` and the folder
fsynced — all before the database commit that refers to it. A crash can leave an
orphan original (harmless; re-import reuses it), never a database row without
its file.

In an encrypted case (`files_key` set) every original, staged copies included, is
sealed with AES-GCM as it is copied (core/crypto/stream.py); its address stays the
SHA-256 of the plaintext. Nothing decrypted is written anywhere: readers get bytes in
memory (`read_bytes`, `worker_source`)."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import re
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from evidence_desk.core.confine import owner_alive
from evidence_desk.core.crypto.stream import Sealer, open_chunks
from evidence_desk.core.errors import DiskFullError, InvalidInputError

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StagedFile:
    """A copy of an incoming file inside the case, hashed, not yet committed."""

    temp_path: Path
    sha256: str
    size: int


class _Sink(Protocol):
    def write(self, data: bytes) -> object: ...

    def finish(self) -> None: ...


class _Plain:
    def __init__(self, out: BinaryIO) -> None:
        self.write = out.write

    def finish(self) -> None:
        pass


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _host() -> str:
    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:64] or "host"


_OWNED = re.compile(r"^(?P<host>[A-Za-z0-9._]+)-(?P<pid>\d+)-[0-9a-f]{8}$")


class OriginalStore:
    """Originals at their content address; each process stages its copies in its own
    folder, `originals/.incoming/<host>-<pid>-<random>/`, so opening the case elsewhere
    (a `list`, a window, `verify`) never touches an import still running."""

    def __init__(self, root: Path, files_key: bytes | None = None) -> None:
        self.root = root
        self.files_key = files_key
        self.incoming = root / ".incoming"
        self.staging = self.incoming / f"{_host()}-{os.getpid()}-{os.urandom(4).hex()}"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    @property
    def encrypted(self) -> bool:
        return self.files_key is not None

    def stage(self, source: Path, max_bytes: int | None = None) -> StagedFile:
        """Copy `source` into the staging folder, hashing as it goes."""
        with open(source, "rb") as src:
            return self._stage_from(src, source.name, max_bytes)

    def stage_bytes(self, data: bytes, name: str, max_bytes: int | None = None) -> StagedFile:
        """Stage a file held in memory (a PDF a worker decrypted): written only sealed in an
        encrypted case, so its plaintext never reaches the disk."""
        return self._stage_from(io.BytesIO(data), name, max_bytes)

    def _stage_from(self, src: BinaryIO, name: str, max_bytes: int | None) -> StagedFile:
        self.staging.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.staging, prefix="in-")
        tmp_path = Path(tmp)
        try:
            with os.fdopen(fd, "wb") as dst:
                sink = self.sink(dst)
                while chunk := src.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise InvalidInputError(
                            f"{name}: larger than the import limit of {max_bytes // (1024 * 1024)} MiB"
                        )
                    digest.update(chunk)
                    sink.write(chunk)
                sink.finish()
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as exc:
            tmp_path.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFullError(
                    f"the disk holding the case is full while copying {name}; "
                    "free some space and import again (nothing was added)"
                ) from exc
            raise
        except BaseException:
            tmp_path.unlink(missing_ok=True)
            raise
        return StagedFile(tmp_path, digest.hexdigest(), size)

    def commit(self, staged: StagedFile) -> Path:
        """Move a staged file to its content address (idempotent) and make it read-only."""
        final = self.path_for(staged.sha256)
        if final.exists():
            staged.temp_path.unlink(missing_ok=True)
            return final
        final.parent.mkdir(parents=True, exist_ok=True)
        os.chmod(staged.temp_path, stat.S_IRUSR | stat.S_IRGRP)
        os.replace(staged.temp_path, final)
        _fsync_dir(final.parent)
        return final

    def discard(self, staged: StagedFile) -> None:
        staged.temp_path.unlink(missing_ok=True)

    def clear_staging(self) -> list[Path]:
        """Remove the staging folders of processes of this machine that are gone (imports
        killed before they finished), and loose files of older versions; return them."""
        removed: list[Path] = []
        try:
            entries = list(self.incoming.iterdir())
        except OSError:
            return removed
        for entry in entries:
            match = _OWNED.match(entry.name)
            if entry.is_dir() and not entry.is_symlink():
                if match is None or match["host"] != _host() or owner_alive(int(match["pid"])):
                    continue
                shutil.rmtree(entry, ignore_errors=True)
            else:  # a file staged by a version that staged into .incoming itself
                entry.unlink(missing_ok=True)
            removed.append(entry)
        return removed

    def close(self) -> None:
        """Remove this process's staging folder once it is empty."""
        with contextlib.suppress(OSError):
            self.staging.rmdir()

    def hash_file(self, sha256: str, algorithm: str = "sha256") -> str:
        """A hash of the original's plaintext (DecryptionError if a sealed one is damaged)."""
        digest = hashlib.new(algorithm, usedforsecurity=algorithm == "sha256")
        with open(self.path_for(sha256), "rb") as fh:
            for chunk in self._plain_chunks(fh):
                digest.update(chunk)
        return digest.hexdigest()

    def sink(self, out: BinaryIO) -> _Sink:
        """Where plaintext is written to store it: sealed in an encrypted case, as is otherwise."""
        return Sealer(self.files_key, out) if self.files_key is not None else _Plain(out)

    def plain_chunks(self, fh: BinaryIO) -> Iterator[bytes]:
        return self._plain_chunks(fh)

    def _plain_chunks(self, fh: BinaryIO) -> Iterator[bytes]:
        if self.files_key is not None:
            yield from open_chunks(fh, self.files_key)
        else:
            while chunk := fh.read(CHUNK):
                yield chunk

    def read_bytes(self, sha256: str) -> bytes:
        return self.read_path(self.path_for(sha256))

    def read_path(self, path: Path) -> bytes:
        """The plaintext of a stored or staged file, in memory."""
        with open(path, "rb") as fh:
            return b"".join(self._plain_chunks(fh))

    def worker_source(self, path: Path | str) -> str | bytes:
        """What a sandbox worker is given to parse the stored or staged file at `path`: the
        path itself in a plain case, the decrypted bytes in an encrypted one (the worker
        never sees a key, and no decrypted copy is written to disk)."""
        return self.read_path(Path(path)) if self.files_key is not None else str(path)

    def source_of(self, sha256: str) -> str | bytes:
        """`worker_source` of the stored original `sha256`."""
        return self.worker_source(self.path_for(sha256))

    def copy_plain(self, sha256: str, target: Path) -> None:
        """Write the original's plaintext to `target` (an export the user asked for)."""
        with open(self.path_for(sha256), "rb") as fh, open(target, "wb") as out:
            for chunk in self._plain_chunks(fh):
                out.write(chunk)

    def iter_stored(self) -> list[str]:
        found = []
        if not self.root.is_dir():
            return found
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2 and sub.name != ".i":
                found.extend(sub.name + f.name for f in sub.iterdir() if f.is_file())
        return found
