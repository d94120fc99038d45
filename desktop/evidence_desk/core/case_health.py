"""Before a case is opened: is its database whole, and may it be written?

A case folder whose `case.sqlite` is empty (a failed copy, a sync conflict, a full
disk), truncated, not a database, or missing while its originals are there is never
initialised anew — that would hide the loss behind a fresh, valid, empty case. The
user is told, and pointed at `evidence-desk repair CASE` (core/repair.py), which
builds a new database beside the damaged one.

A case on read-only media, or without write permission, opens for reading only."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from evidence_desk.core.audit import ANCHOR_NAME
from evidence_desk.core.errors import CaseError

DB_NAME = "case.sqlite"
SQLITE_HEADER = b"SQLite format 3\x00"
ENCRYPTION_HEADER = "encryption.json"  # core/crypto/header.py; its presence marks an encrypted case
SQLCIPHER_PAGE = 4096  # SQLCipher 4's default page size; an encrypted file is a whole number of pages


class DamagedCaseError(CaseError):
    """The case database is damaged or missing; `repair` can rebuild what is recoverable."""


def repair_hint(folder: Path) -> str:
    return (f"nothing was changed; rebuild what can be rebuilt with `evidence-desk repair {folder}` "
            "(the damaged file is kept), or restore case.sqlite from a backup (case.sqlite.backup-*)")


def stored_originals(folder: Path) -> int:
    """How many original files the case folder holds (its database aside)."""
    root = folder / "originals"
    count = 0
    try:
        for sub in root.iterdir():
            if sub.is_dir() and len(sub.name) == 2:
                count += sum(1 for f in sub.iterdir() if f.is_file())
    except OSError:
        return count
    return count


def check_folder_path(path: Path) -> None:
    try:
        os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise CaseError(f"{str(path)[:60]}…: the folder name is too long for this system") from None
        if exc.errno == errno.EACCES:
            raise CaseError(f"{path}: permission denied") from None
        raise CaseError(f"{path}: {exc.strerror}") from None


def refuse_damage(folder: Path) -> None:
    """Raise DamagedCaseError if the database is missing (with originals present), empty,
    truncated, unreadable or not SQLite."""
    db = folder / DB_NAME
    if not db.exists():
        originals = stored_originals(folder)
        if originals or (folder / ANCHOR_NAME).exists() or (folder / ENCRYPTION_HEADER).exists():
            raise DamagedCaseError(f"the case database {db} is missing although the case holds "
                                   f"{originals} original file(s); {repair_hint(folder)}")
        return
    try:
        with open(db, "rb") as fh:
            header = fh.read(100)
            size = os.fstat(fh.fileno()).st_size
    except PermissionError:
        raise CaseError(f"the case database {db} cannot be read: permission denied") from None
    except OSError as exc:
        raise DamagedCaseError(f"the case database {db} cannot be read ({exc.strerror}); "
                               f"{repair_hint(folder)}") from None
    if size == 0:
        raise DamagedCaseError(f"the case database {db} is empty (0 bytes); {repair_hint(folder)}")
    if (folder / ENCRYPTION_HEADER).exists():
        # SQLCipher's file is random from its first byte: only its length can be judged here
        # (a wrong key or a damaged page is reported when it is read).
        if size % SQLCIPHER_PAGE and not _wal_may_extend(db):
            raise DamagedCaseError(f"the encrypted case database {db} is truncated ({size:,} bytes, "
                                   f"not a whole number of pages); {repair_hint(folder)}")
        return
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise DamagedCaseError(f"the case database {db} cannot be read (it is not an SQLite database); "
                               f"{repair_hint(folder)}")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]  # the in-header size is trustworthy
    if counter_valid and pages and size < page_size * pages and not _wal_may_extend(db):
        raise DamagedCaseError(f"the case database {db} is truncated ({size:,} of {page_size * pages:,} "
                               f"bytes); {repair_hint(folder)}")


def _wal_may_extend(db: Path) -> bool:
    """A database in WAL mode may be shorter than its header says until a checkpoint."""
    wal = db.with_name(db.name + "-wal")
    try:
        return wal.stat().st_size > 0
    except OSError:
        return False


def read_only_reason(folder: Path) -> str | None:
    """Why the case cannot be written (None: it can)."""
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on a read-only volume"
    except OSError:
        pass
    db = folder / DB_NAME
    if not os.access(folder, os.W_OK) or (db.exists() and not os.access(db, os.W_OK)):
        return "you have no permission to write to it"
    return None
