"""What an error from SQLite means for the user: a full disk, a damaged file, or neither.

Kept apart from `core.case` (which raises the user's errors from these answers) so the case
module stays about the case."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DatabaseError, OperationalError

LOW_SPACE_BYTES = 1024 * 1024


def disk_full(exc: OperationalError, folder: Path) -> bool:
    """SQLITE_FULL, or an I/O error (SQLite cannot even grow its -shm file) on a volume
    that has next to no space left."""
    orig = getattr(exc, "orig", None)
    code = getattr(orig, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or "disk is full" in str(orig):
        return True
    if "disk I/O error" in str(orig):
        try:
            stat = os.statvfs(folder)
        except OSError:
            return False
        return stat.f_bavail * stat.f_frsize < LOW_SPACE_BYTES
    return False


def first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:200] if str(exc) else type(exc).__name__


def malformed(exc: DatabaseError) -> bool:
    text = str(getattr(exc, "orig", None) or exc)
    return "malformed" in text or "not a database" in text or "disk I/O error" in text
