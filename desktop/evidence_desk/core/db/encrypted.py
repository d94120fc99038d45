"""The SQLCipher engine of an encrypted case, and the copies between the two forms.

Kept apart from `engine.py` (the plain SQLite engine) on purpose: the only differences
are the DB-API module (`sqlcipher3`, SQLCipher 4 with its own SQLite and FTS5) and the
`PRAGMA key` that must come before anything else on each connection. After it, the same
pragmas and the same SQL functions (the text fold of the search index) are set as on a
plain connection, so FTS5, triggers and queries behave the same.

The key is passed raw (`x'…'`): Argon2id already stretched the passphrase
(core/crypto/keys.py), so SQLCipher's own PBKDF2 would only slow every connection."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from evidence_desk.core.db.engine import _set_pragmas, _set_read_pragmas, make_engine
from evidence_desk.core.text.index import register_functions


def _dbapi() -> Any:
    from sqlcipher3 import dbapi2

    return dbapi2


def _key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def _keyed(key: bytes, then: Any) -> Any:
    def on_connect(dbapi_connection: Any, record: object) -> None:
        cur = dbapi_connection.cursor()
        cur.execute(_key_pragma(key))
        cur.close()
        then(dbapi_connection, record)

    return on_connect


def make_encrypted_engine(db_path: Path, key: bytes, *, read_only: bool = False,
                          immutable: bool = False) -> Engine:
    """Like `engine.make_engine`, through SQLCipher with `key` (32 bytes)."""
    if read_only:
        query = "mode=ro" + ("&immutable=1" if immutable else "")
        url = f"sqlite:///file:{quote(str(db_path))}?{query}&uri=true"
    else:
        url = f"sqlite:///{db_path}"
    engine = create_engine(url, module=_dbapi(), poolclass=NullPool,
                           connect_args={"check_same_thread": False, "timeout": 10})
    event.listen(engine, "connect", _keyed(key, _set_read_pragmas if read_only else _set_pragmas))
    return engine


def sqlite_case_engine(db_path: Path, key: bytes | None, *, read_only: bool = False,
                       immutable: bool = False) -> Engine:
    """The engine of a case's SQLite file: through SQLCipher when it has a `key`."""
    if key is not None:
        return make_encrypted_engine(db_path, key, read_only=read_only, immutable=immutable)
    return make_engine(db_path, read_only=read_only, immutable=immutable)


def connect_raw(db_path: Path, key: bytes | None) -> Any:
    """A bare DB-API connection (backups, conversion); keyed when `key` is given, with the
    search index's SQL functions registered (its triggers call them)."""
    con = _dbapi().connect(str(db_path)) if key is not None else sqlite3.connect(db_path)
    if key is not None:
        con.execute(_key_pragma(key))
    register_functions(con)
    return con


def connect_read_only(db_path: Path, key: bytes | None) -> Any:
    """A bare read-only DB-API connection to a case file (keyed when `key` is given)."""
    if key is None:
        return sqlite3.connect(f"file:{quote(str(db_path))}?mode=ro", uri=True)
    con = _dbapi().connect(f"file:{quote(str(db_path))}?mode=ro", uri=True)
    con.execute(_key_pragma(key))
    return con


def database_errors() -> tuple[type[Exception], ...]:
    """What a damaged file raises through either DB-API module (they do not share classes)."""
    return (sqlite3.DatabaseError, _dbapi().DatabaseError)


def _export(source: Any, target: Path, target_key: bytes | None) -> None:
    """SQLCipher's `sqlcipher_export`: schema and rows (virtual tables, triggers and the
    user version included) copied into a new database with another key ('' = plain)."""
    key_sql = f"\"x'{target_key.hex()}'\"" if target_key is not None else "''"
    source.execute(f"ATTACH DATABASE ? AS target KEY {key_sql}", (str(target),))
    try:
        source.execute("SELECT sqlcipher_export('target')")
        source.commit()
    finally:
        source.execute("DETACH DATABASE target")


def encrypt_database(plain: Path, target: Path, key: bytes) -> None:
    con = _dbapi().connect(str(plain))  # SQLCipher reads a plain database without a key
    register_functions(con)
    try:
        _export(con, target, key)
    finally:
        con.close()


def decrypt_database(encrypted: Path, target: Path, key: bytes) -> None:
    con = connect_raw(encrypted, key)
    try:
        _export(con, target, None)
    finally:
        con.close()


def content_digest(con: Any) -> dict[str, str]:
    """Per table, a SHA-256 over every row in rowid order: two databases with the same
    digests hold the same records (the conversion's check, table by table)."""
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
        "ORDER BY name")]
    out: dict[str, str] = {}
    for name in names:
        digest = hashlib.sha256()
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            rows = con.execute(f"SELECT * FROM {quoted} ORDER BY rowid")
        except (sqlite3.OperationalError, _dbapi().OperationalError):  # a WITHOUT ROWID table
            rows = con.execute(f"SELECT * FROM {quoted} ORDER BY 1")
        for row in rows:
            digest.update(repr(row).encode())
        out[name] = digest.hexdigest()
    return out
