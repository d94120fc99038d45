"""Content-addressed, write-once storage of original files.

A file is streamed once: hashed while it is copied into a temporary file inside
the case, which is fsynced, then renamed to `originals/ab/cdef…` and the folder
fsynced — all before the database commit that refers to it. A crash can leave an
orphan original (harmless; re-import reuses it), never a database row without
its file."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import shutil
import socket
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.confine import owner_alive
from evidence_desk.core.errors import DiskFullError, InvalidInputError

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StagedFile:
    """A copy of an incoming file inside the case, hashed, not yet committed."""

    temp_path: Path
    sha256: str
    size: int


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

    def __init__(self, root: Path) -> None:
        self.root = root
        self.incoming = root / ".incoming"
        self.staging = self.incoming / f"{_host()}-{os.getpid()}-{os.urandom(4).hex()}"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def stage(self, source: Path, max_bytes: int | None = None) -> StagedFile:
        """Copy `source` into the staging folder, hashing as it goes."""
        self.staging.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        size = 0
        fd, tmp = tempfile.mkstemp(dir=self.staging, prefix="in-")
        tmp_path = Path(tmp)
        try:
            with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
                while chunk := src.read(CHUNK):
                    size += len(chunk)
                    if max_bytes is not None and size > max_bytes:
                        raise InvalidInputError(
                            f"{source.name}: larger than the import limit of {max_bytes // (1024 * 1024)} MiB"
                        )
                    digest.update(chunk)
                    dst.write(chunk)
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as exc:
            tmp_path.unlink(missing_ok=True)
            if exc.errno in (errno.ENOSPC, errno.EDQUOT):
                raise DiskFullError(
                    f"the disk holding the case is full while copying {source.name}; "
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

    def hash_file(self, sha256: str) -> str:
        digest = hashlib.sha256()
        with open(self.path_for(sha256), "rb") as fh:
            while chunk := fh.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()

    def iter_stored(self) -> list[str]:
        found = []
        if not self.root.is_dir():
            return found
        for sub in self.root.iterdir():
            if sub.is_dir() and len(sub.name) == 2 and sub.name != ".i":
                found.extend(sub.name + f.name for f in sub.iterdir() if f.is_file())
        return found
