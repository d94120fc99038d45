"""The SQLite engine of a case: WAL, foreign keys on, synchronous=FULL.

synchronous=FULL because WAL with NORMAL may lose the last commits on power
loss (../shared/SECURITY.md); a review tool must not lose an acknowledged edit."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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


def make_engine(db_path: Path) -> Engine:
    # NullPool: each session gets a fresh connection and closes it, so no pooled
    # connection lingers on another thread and no two writers hold the file open
    # for long; the case serialises its writes itself (see Case.write).
    engine = create_engine(
        f"sqlite:///{db_path}",
        poolclass=NullPool,
        connect_args={"check_same_thread": False, "timeout": 10},
    )
    event.listen(engine, "connect", _set_pragmas)
    return engine
