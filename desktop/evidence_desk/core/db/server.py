"""The PostgreSQL engines of a team case.

Writers are serialised the way SQLite's `BEGIN IMMEDIATE` serialises them on one
laptop: every write transaction starts by taking one transaction-scoped advisory
lock, so two investigators' commits queue instead of interleaving, and the audit
chain (each entry hashes its predecessor) is appended under that lock and never
forks. Readers take no lock (READ COMMITTED snapshots per statement).

Page text is indexed in Python with the same fold as on SQLite (`core.text`); see
`core.text.server_index` for how the index is kept in step."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

from evidence_desk.core.db.location import sqlalchemy_url

# One key for "the writer of this database": pg_advisory_xact_lock takes a bigint.
WRITER_LOCK_KEY = 0x45564445534B  # "EVDESK"


def make_server_engine(url: str, *, writer: bool, read_only: bool = False) -> Engine:
    engine = create_engine(
        sqlalchemy_url(url),
        pool_size=2,
        max_overflow=4,
        pool_pre_ping=True,  # a server restarted overnight: reconnect instead of failing once
        connect_args={"application_name": "evidence-desk", "connect_timeout": 10},
    )

    @event.listens_for(engine, "connect")
    def _session_settings(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        with dbapi_connection.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
            if read_only:
                cur.execute("SET default_transaction_read_only = on")
        dbapi_connection.commit()

    if writer and not read_only:
        @event.listens_for(engine, "begin")
        def _take_writer_lock(conn):  # type: ignore[no-untyped-def]
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")

    return engine
