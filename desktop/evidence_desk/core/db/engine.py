"""The SQLite engine of a case: WAL, foreign keys on, synchronous=FULL.

synchronous=FULL because WAL with NORMAL may lose the last commits on power
loss (../shared/SECURITY.md); a review tool must not lose an acknowledged edit."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from evidence_desk.core.text.index import register_functions


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()
    register_functions(dbapi_connection)  # the search index is built with it (core.text.index)


def _set_read_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_connection.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(db_path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """`read_only`: SQLite's mode=ro (nothing can be written through this engine);
    `immutable`: also no locking and no -shm file, for media nobody can write to."""
    # NullPool: each session gets a fresh connection and closes it, so no pooled
    # connection lingers on another thread and no two writers hold the file open
    # for long; the case serialises its writes itself (see Case.write).
    if read_only:
        query = "mode=ro" + ("&immutable=1" if immutable else "")
        url = f"sqlite:///file:{quote(str(db_path))}?{query}&uri=true"
    else:
        url = f"sqlite:///{db_path}"
    engine = create_engine(
        url,
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "timeout": 10},
    )
    event.listen(engine, "connect", _set_read_pragmas if read_only else _set_pragmas)
    return engine
