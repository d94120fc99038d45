"""Alembic, run in-process when a case opens.

Before an upgrade the database is copied with SQLite's backup API (never a file
copy: the WAL would be missed). A database stamped with a revision this version
does not know was written by a newer Evidence Desk: it is refused, untouched."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from evidence_desk.core.errors import CaseTooNewError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"""^(down_)?revision\s*(?::[^=]*)?=\s*['"]?([\w.-]+|None)['"]?\s*$""", re.M)


def scanned_head() -> str | None:
    """The head revision read from the migration files' `revision`/`down_revision`
    lines, without importing Alembic (about a second of start-up for every command).
    None when the files do not follow that form; a test checks it agrees with Alembic."""
    revisions, parents = set(), set()
    for script in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict((bool(down), rev) for down, rev in _REVISION.findall(script.read_text(encoding="utf-8")))
        if False not in found:
            continue
        revisions.add(found[False])
        if found.get(True) not in (None, "None"):
            parents.add(found[True])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        except (OperationalError, ProgrammingError):  # no such table: a new, empty database
            return None
    return rows[0] if len(rows) == 1 else None


def backup_database(db_path: Path, label: str, key: bytes | None = None) -> Path:
    """`key`: the database is SQLCipher-encrypted; its backup is encrypted with the same key."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = db_path.with_name(f"{db_path.name}.backup-{label}-{stamp}")
    if key is not None:
        from evidence_desk.core.db.encrypted import connect_raw

        src, dst = connect_raw(db_path, key), connect_raw(target, key)
    else:
        src, dst = sqlite3.connect(db_path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def upgrade(engine: Engine, db_path: Path | None, key: bytes | None = None) -> Path | None:
    """Bring the database to the head revision; return the backup path if one was made.

    `key`: the SQLite database is SQLCipher-encrypted (its backup is, with the same key).

    `db_path` None: a database on a server, backed up by the team's own means
    (pg_dump); the upgrade runs in one transaction there, so it applies whole or not at all."""
    current = current_revision(engine)
    if current is not None and current == scanned_head():
        return None  # the common case, decided without importing Alembic
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    if current == head:
        return None
    if current is not None:
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            raise CaseTooNewError(
                f"this case was written by a newer version of Evidence Desk (schema {current}); "
                "update Evidence Desk to open it — the case was not changed"
            )
    backup = (backup_database(db_path, current, key)
              if current is not None and db_path is not None else None)
    command.upgrade(alembic_config(engine), "head")
    return backup
