"""A case: a folder with `case.sqlite`, `originals/` and `cache/`.

`Case` owns the paths, the two database engines and the edit entry point. It
is deliberately small: features live in their own modules (`importing`,
`search`, `documents`, `notes`, …) and take a case as their first argument."""

from __future__ import annotations

import contextlib
import getpass
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, event, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session

from evidence_desk import __version__
from evidence_desk.core import audit, case_health, confine, settings
from evidence_desk.core.audit.baseline import ensure_baseline
from evidence_desk.core.audit.replay import REPLAY_FORMAT
from evidence_desk.core.case_health import DB_NAME, DamagedCaseError
from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.commands.engine import apply_command
from evidence_desk.core.commands.history import History
from evidence_desk.core.crypto import header as crypto_header
from evidence_desk.core.crypto.convert import finish_interrupted
from evidence_desk.core.crypto.keys import CaseKeys
from evidence_desk.core.db.encrypted import sqlite_case_engine
from evidence_desk.core.db.location import (
    SHARED_FOLDER_META,
    DatabaseLocation,
    is_server_url,
    locate,
)
from evidence_desk.core.db.migrate import upgrade
from evidence_desk.core.db.models import AuditEntry, CaseMeta, new_uid
from evidence_desk.core.db.server import make_server_engine
from evidence_desk.core.db.sqlite_errors import disk_full, first_line, malformed
from evidence_desk.core.errors import CaseError, DiskFullError
from evidence_desk.core.storage import OriginalStore
from evidence_desk.core.text import server_index


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
    return settings.load().author or login_name()


def login_name() -> str:
    """The name edits are signed with when no author is chosen."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # pragma: no cover - no passwd entry
        return "unknown"


class Case:
    def __init__(self, path: Path, *, author: str | None = None, read_only_reason: str | None = None,
                 location: DatabaseLocation | None = None, keys: CaseKeys | None = None) -> None:
        self.path = path
        self.location = location or DatabaseLocation(path / DB_NAME)
        # Where messages say the database is: the SQLite file, or the folder's case.toml.
        self.db_path = self.location.sqlite_path or path / "case.toml"
        self.keys = keys  # an encrypted case's (core/crypto); only a SQLite case can be encrypted
        self.originals = OriginalStore(path / "originals", keys.files if keys is not None else None)
        self.cache_dir = path / "cache"
        self.author = author or default_author()
        self.read_only_reason = read_only_reason
        if self.location.server_url is not None:
            url = self.location.server_url
            self._read_engine = make_server_engine(url, writer=False, read_only=read_only_reason is not None)
            self._write_engine = make_server_engine(url, writer=True, read_only=read_only_reason is not None)
        else:
            # Media nobody can write to is read as immutable (SQLite then needs no -shm file);
            # a case opened read-only beside a writer reads with mode=ro.
            immutable = read_only_reason is not None and case_health.read_only_reason(path) is not None
            key = keys.database if keys is not None else None
            self._read_engine = sqlite_case_engine(self.db_path, key, read_only=read_only_reason is not None,
                                                   immutable=immutable)
            self._write_engine = sqlite_case_engine(self.db_path, key, read_only=read_only_reason is not None,
                                                    immutable=immutable)
            _begin_immediate(self._write_engine)
        self._write_lock = threading.RLock()
        # Audit entries this Case object committed: a window hears of its own changes from
        # its commands, and of everyone else's from the log (core.queries.team_changes).
        self._own_audit_ids: set[int] = set()
        self._own_lock = threading.Lock()
        self.backup_path: Path | None = None

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False, author: str | None = None,
             read_only: bool = False, passphrase: str | None = None) -> Case:
        """Open a case folder, creating it if `create` and migrating its schema if needed.

        An encrypted case (core/crypto) needs its `passphrase` (PassphraseRequiredError, WrongPassphraseError).

        A damaged or missing database next to originals is never replaced by a new one
        (DamagedCaseError names `evidence-desk repair`). A case that cannot be written
        (read-only media, permissions), or one opened with `read_only`, opens for reading:
        its writes raise CaseError.

        A folder whose `case.toml` names a PostgreSQL database is a team case (see
        `core.db.location`); `path` may also be that database's URL."""
        if isinstance(path, str) and is_server_url(path):
            return cls._open_server_url(path, create=create, author=author, read_only=read_only)
        path = Path(path).expanduser()
        if path.is_dir():
            location = locate(path)
            if location.on_server:
                return cls._open_on_server(path.resolve(), location, author=author, read_only=read_only)
        case_health.check_folder_path(path)
        path = path.resolve()
        if path.exists() and not path.is_dir():
            raise CaseError(f"{path} is a file, not a case folder")
        confine.sweep_stale_sessions()  # temporary folders of killed processes
        finish_interrupted(path)  # an encrypt/decrypt killed midway: roll forward or back
        case_health.refuse_damage(path)
        keys = crypto_header.unlock(path, passphrase) if crypto_header.is_encrypted(path) else None
        if not (path / DB_NAME).exists():
            if not create:
                raise CaseError(f"{path} is not an Evidence Desk case (no {DB_NAME}); "
                                "import a file into it or create it first")
            if path.exists() and any(p for p in path.iterdir() if not p.name.startswith(".")):
                raise CaseError(f"{path} is not empty and holds no case; choose an empty or new folder")
        reason = "it was opened read-only" if read_only else None
        if (path / DB_NAME).exists():
            reason = reason or case_health.read_only_reason(path)
        if reason is None:
            try:
                path.mkdir(parents=True, exist_ok=True)
                (path / "originals").mkdir(exist_ok=True)
                (path / "cache").mkdir(exist_ok=True)
            except OSError as exc:
                raise CaseError(f"cannot create the case folder {path}: {exc.strerror}") from exc
        case = cls(path, author=author, read_only_reason=reason, keys=keys)
        try:
            if reason is None:
                case.backup_path = upgrade(case._write_engine, case.db_path,
                                           key=keys.database if keys is not None else None)
                case._settle()
            else:
                case._check_readable()
        except DatabaseError as exc:
            case.close()
            orig = getattr(exc, "orig", None) or exc
            raise DamagedCaseError(f"the case database {case.db_path} cannot be read ({orig}); "
                                   f"{case_health.repair_hint(path)}") from exc
        except BaseException:
            case.close()
            raise
        if reason is None:
            case.originals.clear_staging()
        return case

    @classmethod
    def _open_server_url(cls, url: str, *, create: bool, author: str | None, read_only: bool) -> Case:
        """A team case named by its database: the shared folder is the one its case_meta records."""
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        engine = make_server_engine(url, writer=False, read_only=True)
        location = DatabaseLocation(None, url)
        try:
            with engine.connect() as conn:
                row = conn.execute(text("SELECT value FROM case_meta WHERE key = :k"),
                                   {"k": SHARED_FOLDER_META}).first()
        except DBAPIError as exc:
            if "case_meta" in str(exc.orig) and "does not exist" in str(exc.orig):
                row = None
            else:
                raise CaseError(f"cannot reach the case database {location.display}: "
                                f"{str(exc.orig).strip().splitlines()[0]}") from exc
        finally:
            engine.dispose()
        if row is None:
            raise CaseError(f"{location.display} holds no Evidence Desk case yet; create one in a shared "
                            "folder with a case.toml naming this database, or move a case there with "
                            "`evidence-desk case copy CASE URL`")
        folder = Path(row[0])
        if not folder.is_dir():
            raise CaseError(f"the case's shared folder {folder} is not reachable from this computer; open the "
                            "case through a folder of your own holding a case.toml with this database's URL")
        return cls._open_on_server(folder, location, author=author, read_only=read_only)

    @classmethod
    def _open_on_server(cls, folder: Path, location: DatabaseLocation, *, author: str | None,
                        read_only: bool) -> Case:
        from sqlalchemy.exc import DBAPIError

        confine.sweep_stale_sessions()
        reason = "it was opened read-only" if read_only else None
        if reason is None:
            try:
                (folder / "originals").mkdir(exist_ok=True)
                (folder / "cache").mkdir(exist_ok=True)
            except OSError as exc:
                reason = f"its shared folder cannot be written ({exc.strerror})"
        case = cls(folder, author=author, read_only_reason=reason, location=location)
        try:
            if reason is None:
                upgrade(case._write_engine, None)
                case._settle()
            else:
                case._check_readable()
        except DBAPIError as exc:
            case.close()
            raise CaseError(f"cannot open the case database {location.display}: "
                            f"{str(exc.orig).strip().splitlines()[0]}") from exc
        except BaseException:
            case.close()
            raise
        if reason is None:
            case.originals.clear_staging()
        return case

    @property
    def on_server(self) -> bool:
        """True for a team case whose database is a PostgreSQL server."""
        return self.location.on_server

    def _settle(self) -> None:
        """What a writable open makes sure of, on either database: the case's identity, the
        shared folder (server), the anchor beside it, the log's replay baseline."""
        self._ensure_meta()
        if self.on_server:
            self._ensure_shared_folder()
        self._ensure_anchor()
        ensure_baseline(self)

    def _ensure_shared_folder(self) -> None:
        """Record the shared folder once, for `--case postgresql://…` (members who mount it
        elsewhere open the case through a case.toml of their own)."""
        if self.meta(SHARED_FOLDER_META) is None:
            with self.write() as s:
                s.merge(CaseMeta(key=SHARED_FOLDER_META, value=str(self.path)))

    def _check_readable(self) -> None:
        """A read-only case must already be at this version's schema: it cannot be upgraded."""
        from evidence_desk.core.db.migrate import current_revision, head_revision

        current = current_revision(self._read_engine)
        if current != head_revision():
            raise CaseError(f"the case at {self.path} cannot be written ({self.read_only_reason}) and was "
                            "made by another version of Evidence Desk; copy it to a writable folder to open it")

    @property
    def encrypted(self) -> bool:
        return self.keys is not None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def _ensure_meta(self) -> None:
        with self.read() as s:
            have = s.execute(select(CaseMeta.key)).scalars().all()
            logged = s.execute(select(AuditEntry.id).limit(1)).first() is not None
        if "case_uid" in have:
            return
        if logged:  # a log without an identity: the meta table was damaged, never start anew
            raise DamagedCaseError(f"the case database {self.db_path} has lost its identity (case_meta); "
                                   f"{case_health.repair_hint(self.path)}")
        with self.write() as s:
            s.add(CaseMeta(key="case_uid", value=new_uid()))
            s.add(CaseMeta(key="created_by_version", value=__version__))
            audit.append(s, author=self.author, action="case.create", target_type="case",
                         target_id=None, data={"version": __version__, "replayable": REPLAY_FORMAT})

    def _ensure_anchor(self) -> None:
        """Cases from before anchors get one on their first writable open; from then on
        (case_meta says so) a missing anchor file is reported by verify."""
        if self.meta(audit.ANCHORED_META) is None:
            with self.write() as s:
                s.merge(CaseMeta(key=audit.ANCHORED_META, value=audit.ANCHOR_NAME))
        if not (self.path / audit.ANCHOR_NAME).exists():
            self._write_anchor()

    def _write_anchor(self) -> None:
        with self.read() as s:
            head = audit.chain_head(s, self.meta("case_uid"))
        if head is not None:
            with contextlib.suppress(OSError):  # the commit stands; the anchor merely lags behind
                audit.write_anchor(self.path, head)

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
        except DatabaseError as exc:
            if malformed(exc):  # a damaged page met while reading: say so, name the way out
                raise DamagedCaseError(f"the case database {self.db_path} is damaged ({first_line(exc)}); "
                                       f"{case_health.repair_hint(self.path)}") from exc
            raise
        finally:
            session.close()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction; commits on success, rolls back on any error. After a
        commit that added audit entries, the chain's new head is anchored beside the
        database."""
        if self.read_only_reason is not None:
            raise CaseError(f"the case at {self.path} is open for reading only ({self.read_only_reason}); "
                            "this change cannot be made")
        with self._write_lock:
            session = Session(self._write_engine, expire_on_commit=False)
            audited = False
            try:
                yield session
                audited = bool(session.info.get("audited"))
                if self.on_server:  # pages whose text changed are re-indexed before they commit
                    server_index.refresh(session)
                session.commit()
                if audited:
                    with self._own_lock:
                        self._own_audit_ids.update(session.info.get("audit_ids", ()))
            except OperationalError as exc:
                session.rollback()
                if disk_full(exc, self.path):
                    raise DiskFullError("the disk holding the case is full; free some space and try "
                                        "again (the change was not saved)") from exc
                raise
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()
            if audited:
                self._write_anchor()

    def take_own_audit_ids(self, upto: int) -> set[int]:
        """The ids (at most `upto`) of audit entries this Case object committed, forgotten as
        they are handed over: what a reader of the log since some entry leaves out as its own."""
        with self._own_lock:
            taken = {i for i in self._own_audit_ids if i <= upto}
            self._own_audit_ids -= taken
        return taken

    # -- commands --------------------------------------------------------------------------

    def apply(self, command: Command) -> Changes:
        """Apply a command in one transaction with its audit entry and history step; return the
        `Changes` it made (undo it with `case.history.undo()`)."""
        return apply_command(self, command)

    @property
    def history(self) -> History:
        """The case's undo/redo history (persisted in the case, shared with every process)."""
        return History(self)

    def close(self) -> None:
        self.originals.close()
        self._read_engine.dispose()
        self._write_engine.dispose()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
