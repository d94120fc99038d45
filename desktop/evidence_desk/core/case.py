"""A case: a folder with `case.sqlite`, `originals/` and `cache/`.

`Case` owns the paths, the two database engines and the edit entry point. It
is deliberately small: features live in their own modules (`importing`,
`search`, `documents`, `notes`, …) and take a case as their first argument."""

from __future__ import annotations

import getpass
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from evidence_desk import __version__
from evidence_desk.core import audit, settings
from evidence_desk.core.db.engine import make_engine
from evidence_desk.core.db.migrate import upgrade
from evidence_desk.core.db.models import CaseMeta, new_uid
from evidence_desk.core.edits import Edit
from evidence_desk.core.errors import CaseError, DiskFullError
from evidence_desk.core.storage import OriginalStore

DB_NAME = "case.sqlite"


def _begin_immediate(engine: Engine) -> None:
    """Write transactions take SQLite's write lock at BEGIN, so two writers queue
    instead of deadlocking on a read-to-write upgrade."""

    @event.listens_for(engine, "connect")
    def _no_implicit(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def default_author() -> str:
    """Who signs edits: EVIDENCE_DESK_AUTHOR, else the author setting, else the login name."""
    env = os.environ.get("EVIDENCE_DESK_AUTHOR")
    if env:
        return env
    chosen = settings.load().author
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no passwd entry
        return "unknown"


LOW_SPACE_BYTES = 1024 * 1024


def _disk_full(exc: OperationalError, folder: Path) -> bool:
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


class Case:
    def __init__(self, path: Path, *, author: str | None = None) -> None:
        self.path = path
        self.db_path = path / DB_NAME
        self.originals = OriginalStore(path / "originals")
        self.cache_dir = path / "cache"
        self.author = author or default_author()
        self._read_engine = make_engine(self.db_path)
        self._write_engine = make_engine(self.db_path)
        _begin_immediate(self._write_engine)
        self._write_lock = threading.RLock()
        self.backup_path: Path | None = None

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, author: str | None = None) -> Case:
        """Open a case folder, creating it if `create` and migrating its schema if needed."""
        path = Path(path).expanduser().resolve()
        if path.exists() and not path.is_dir():
            raise CaseError(f"{path} is a file, not a case folder")
        if not (path / DB_NAME).exists():
            if not create:
                raise CaseError(f"{path} is not an Evidence Desk case (no {DB_NAME}); "
                                "import a file into it or create it first")
            if path.exists() and any(p for p in path.iterdir() if not p.name.startswith(".")):
                raise CaseError(f"{path} is not empty and holds no case; choose an empty or new folder")
        try:
            path.mkdir(parents=True, exist_ok=True)
            (path / "originals").mkdir(exist_ok=True)
            (path / "cache").mkdir(exist_ok=True)
        except OSError as exc:
            raise CaseError(f"cannot create the case folder {path}: {exc.strerror}") from exc
        case = cls(path, author=author)
        try:
            case.backup_path = upgrade(case._write_engine, case.db_path)
            case._ensure_meta()
        except DatabaseError as exc:
            case.close()
            orig = getattr(exc, "orig", None) or exc
            raise CaseError(f"the case database {case.db_path} cannot be read ({orig}); restore it "
                            "from a backup (case.sqlite.backup-*) or open another case") from exc
        except BaseException:
            case.close()
            raise
        case.originals.clear_staging()
        return case

    def _ensure_meta(self) -> None:
        with self.read() as s:
            have = s.execute(select(CaseMeta.key)).scalars().all()
        if "case_uid" in have:
            return
        with self.write() as s:
            s.add(CaseMeta(key="case_uid", value=new_uid()))
            s.add(CaseMeta(key="created_by_version", value=__version__))
            audit.append(s, author=self.author, action="case.create", target_type="case",
                         target_id=None, data={"version": __version__})

    def meta(self, key: str) -> str | None:
        with self.read() as s:
            row = s.get(CaseMeta, key)
            return row.value if row else None

    # -- sessions --------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        session = Session(self._read_engine, expire_on_commit=False)
        try:
            yield session
        finally:
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction; commits on success, rolls back on any error."""
        with self._write_lock:
            session = Session(self._write_engine, expire_on_commit=False)
            try:
                yield session
                session.commit()
            except OperationalError as exc:
                session.rollback()
                if _disk_full(exc, self.path):
                    raise DiskFullError("the disk holding the case is full; free some space and try "
                                        "again (the change was not saved)") from exc
                raise
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    # -- edits -----------------------------------------------------------------------------

    def apply(self, edit: Edit, *, action: str | None = None) -> Edit:
        """Apply an edit in one transaction with its audit entry; return its inverse."""
        with self.write() as s:
            inverse = edit.apply(s)
            target_type, target_id = edit.target
            audit.append(s, author=self.author, action=action or edit.label,
                         target_type=target_type, target_id=target_id, data=edit.describe())
        return inverse

    def close(self) -> None:
        self._read_engine.dispose()
        self._write_engine.dispose()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
