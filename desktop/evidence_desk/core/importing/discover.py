"""Turning the user's paths (files and folders) into a list of candidate files."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.importing.report import FileOutcome


def _kind_of(mode: int) -> str | None:
    """Why a non-regular file cannot be imported (None: it is a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a file; it could be read forever"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not a regular file"


def _refused(path: Path, reason: str, code: str = "unreadable") -> FileOutcome:
    return FileOutcome(path, "refused", reason, code)


def discover(paths: Iterable[Path | str], skipped: list[FileOutcome] | None = None) -> list[Path]:
    """Regular files in the order given; folders walked recursively in name order.

    Hidden files and folders are skipped (".DS_Store", ".git"); symlinked folders
    are not followed, so a link loop cannot make the walk endless. What cannot be
    imported (a link that loops or points nowhere, a FIFO, a device) is added to
    `skipped` with its reason instead of stopping the walk."""
    skipped = skipped if skipped is not None else []
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        try:
            info = path.stat()
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG:
                raise InvalidInputError(f"{path.name[:40]}…: the file name is too long for this system") from None
            if exc.errno == errno.ELOOP:
                skipped.append(_refused(path, "is a symbolic link that loops", "symlink_loop"))
                continue
            raise InvalidInputError(f"{path}: no such file or folder") from None
        if stat.S_ISDIR(info.st_mode):
            candidates = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                candidates.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        else:
            candidates = [path]
        for candidate in candidates:
            try:
                mode = candidate.stat().st_mode
                key = candidate.resolve(strict=True)
            except (OSError, RuntimeError) as exc:
                loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
                skipped.append(_refused(candidate, "is a symbolic link that loops" if loop
                                        else "is a link to nothing, or cannot be read",
                                        "symlink_loop" if loop else "unreadable"))
                continue
            if stat.S_ISDIR(mode):  # a symlinked folder inside a walk: not followed
                continue
            reason = _kind_of(mode)
            if reason is not None:
                skipped.append(_refused(candidate, reason, "not_a_file"))
                continue
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found
