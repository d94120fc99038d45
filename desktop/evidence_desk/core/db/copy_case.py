"""`case copy SRC DEST`: a case moved between SQLite and PostgreSQL (either way), verified
row for row.

The destination database gets the schema through the same Alembic migrations, then
every table's rows in foreign-key order with their ids (so the audit log, which
names records by id, still explains them) in one transaction; self-references
(an entity merged into a later one) are filled in once all rows exist. The search
index is rebuilt from the page text by the destination's own means (FTS5 triggers,
or `core.text.server_index`). Originals are copied and re-hashed. Then every table
is compared with its source row by row (a digest of each row's values in a
database-neutral form), the audit chain is verified against the copied anchor and
the case is verified as a whole; a copy that differs is reported and not used."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from evidence_desk.core import audit
from evidence_desk.core.case import Case
from evidence_desk.core.db.engine import make_engine
from evidence_desk.core.db.location import (
    SHARED_FOLDER_META,
    DatabaseLocation,
    is_server_url,
    write_case_toml,
)
from evidence_desk.core.db.migrate import current_revision, upgrade
from evidence_desk.core.db.models import Base
from evidence_desk.core.db.server import make_server_engine
from evidence_desk.core.errors import CaseError, InvalidInputError
from evidence_desk.core.progress import Progress
from evidence_desk.core.text import server_index

BATCH = 500
PER_DATABASE_META = (SHARED_FOLDER_META,)  # case_meta rows that describe where, not what


@dataclass
class CopyReport:
    source: str
    destination: str
    folder: Path
    rows: dict[str, int] = field(default_factory=dict)
    originals: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "source": self.source, "destination": self.destination,
                "folder": str(self.folder), "rows": self.rows, "originals": self.originals,
                "problems": self.problems}


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _plain(value: Any) -> Any:
    """A value in a form both databases give back alike (for the row-by-row comparison)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")  # as `_storable` writes it
    return value


def _storable(row: dict[str, Any]) -> dict[str, Any]:
    """PostgreSQL cannot store NUL in text: a case imported before extraction replaced it
    with U+FFFD (same length, no part of a word) gets the same replacement on the way."""
    return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) and "\x00" in v else v
            for k, v in row.items()}


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(select(table).order_by(*order))
    for row in result.mappings():
        yield dict(row)


@contextlib.contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction: every table read from the same moment, whoever writes meanwhile."""
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


def table_digest(conn: Connection, table: Table, skip: tuple[str, ...] = ()) -> tuple[int, str]:
    """(row count, SHA-256 over every row in key order) of one table."""
    digest = hashlib.sha256()
    count = 0
    for row in _rows(conn, table):
        if table.name == "case_meta" and row.get("key") in skip:
            continue
        digest.update(json.dumps({k: _plain(v) for k, v in sorted(row.items())}, sort_keys=True,
                                 ensure_ascii=False, default=str).encode())
        count += 1
    return count, digest.hexdigest()


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_rows(source: Connection, dest: Engine, report: CopyReport, progress: Progress) -> None:
    tables = _tables()
    progress.update(label="Copying the records", total=len(tables), done=0)
    with dest.begin() as conn:
        # What the migrations seeded (the built-in reason codes) gives way to the source's rows;
        # the audit log is empty (checked) and append-only.
        for table in reversed(tables):
            if table.name != "audit_log":
                conn.execute(table.delete())
        for table in tables:
            progress.raise_if_cancelled()
            selfref = _self_references(table)
            later: list[dict[str, Any]] = []
            batch: list[dict[str, Any]] = []
            count = 0
            for row in _rows(source, table):
                if table.name == "case_meta" and row["key"] in PER_DATABASE_META:
                    continue
                if selfref and any(row[c] is not None for c in selfref):
                    later.append({"_pk": row["id"], **{c: row[c] for c in selfref}})
                    row = {**row, **dict.fromkeys(selfref)}
                batch.append(_storable(row))
                count += 1
                if len(batch) >= BATCH:
                    conn.execute(insert(table), batch)
                    batch = []
            if batch:
                conn.execute(insert(table), batch)
            for fix in later:
                pk = fix.pop("_pk")
                conn.execute(update(table).where(table.c.id == pk).values(**fix))
            report.rows[table.name] = count
            progress.advance(1)
        if conn.dialect.name == "postgresql":
            for table in tables:
                if "id" in table.c and table.c.id.autoincrement in (True, "auto") and table.c.id.primary_key:
                    conn.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"))


def _engine_for(location: DatabaseLocation) -> Engine:
    if location.server_url is not None:
        return make_server_engine(location.server_url, writer=True)
    assert location.sqlite_path is not None
    return make_engine(location.sqlite_path)


def _empty(engine: Engine) -> bool:
    if current_revision(engine) is None:
        return True
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Base.metadata.tables["audit_log"])).scalar_one() == 0


def _copy_originals(src: Case, folder: Path, progress: Progress) -> int:
    files = [p for p in src.originals.root.rglob("*") if p.is_file() and ".incoming" not in p.parts]
    progress.update(label="Copying the originals", total=len(files), done=0)
    for path in files:
        progress.raise_if_cancelled()
        target = folder / "originals" / path.relative_to(src.originals.root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        with open(target, "rb") as fh:
            os.fsync(fh.fileno())
        progress.advance(1)
    return len(files)


def _compare(source: Connection, dest: Engine, report: CopyReport) -> None:
    with snapshot(dest) as copy:
        for table in _tables():
            want = table_digest(source, table, PER_DATABASE_META)
            got = table_digest(copy, table, PER_DATABASE_META)
            if want != got:
                report.problems.append(f"table {table.name}: {got[0]} row(s) in the copy, {want[0]} in "
                                       "the source, or their values differ")


def _destination(dest: str | Path, folder: Path | None) -> tuple[DatabaseLocation, Path]:
    if isinstance(dest, str) and is_server_url(dest):
        if folder is None:
            raise InvalidInputError("a case on a server needs --folder: the shared folder that will hold its "
                                    "originals (a mount every member can reach)")
        return DatabaseLocation(None, dest), Path(folder).expanduser().absolute()
    if folder is not None:
        raise InvalidInputError("--folder applies when DEST is a postgresql:// database")
    dest_folder = Path(dest).expanduser().absolute()
    return DatabaseLocation(dest_folder / "case.sqlite"), dest_folder


def copy_case(src: Case, dest: str | Path, *, folder: Path | None = None,
              progress: Progress | None = None) -> CopyReport:
    """Copy the open case `src` to DEST: a new folder (SQLite), or a PostgreSQL database
    holding no case yet with `folder` as its shared folder."""
    progress = progress or Progress()
    location, dest_folder = _destination(dest, folder)
    if dest_folder.exists() and any(dest_folder.iterdir()):
        raise InvalidInputError(f"{dest_folder} is not empty: copy a case into a new or empty folder")
    if dest_folder.resolve() == src.path.resolve():
        raise InvalidInputError("the copy needs a folder of its own")
    report = CopyReport(src.location.display, location.display, dest_folder)
    dest_folder.mkdir(parents=True, exist_ok=True)
    (dest_folder / "cache").mkdir(exist_ok=True)
    engine = _engine_for(location)
    made_folder_files = True
    try:
        if not _empty(engine):
            made_folder_files = False
            raise CaseError(f"{location.display} already holds a case; copy into an empty database")
        upgrade(engine, None)
        if current_revision(engine) != current_revision(src._read_engine):
            raise CaseError("the source case must be at this version's schema: open it once to upgrade it")
        with snapshot(src._read_engine) as source:
            _copy_rows(source, engine, report, progress)
            if location.on_server:
                with Session(engine) as s:
                    server_index.refresh(s)
                    s.commit()
            report.originals = _copy_originals(src, dest_folder, progress)
            progress.update(label="Comparing the copy with the source", total=None)
            _compare(source, engine, report)
        anchor = src.path / audit.ANCHOR_NAME
        if anchor.is_file():  # the copy's chain must have grown from the source's last anchor
            shutil.copyfile(anchor, dest_folder / audit.ANCHOR_NAME)
    except BaseException:
        engine.dispose()
        if made_folder_files and location.sqlite_path is not None:
            shutil.rmtree(dest_folder, ignore_errors=True)
        raise
    engine.dispose()
    if location.server_url is not None:
        write_case_toml(dest_folder, location.server_url)
    _check_copy(dest_folder, report)
    return report


def _check_copy(folder: Path, report: CopyReport) -> None:
    from evidence_desk.core.verify_case import verify_case

    with Case.open(folder) as case:
        result = verify_case(case)
    report.problems.extend(result.problems)
    report.destination = case.location.display
