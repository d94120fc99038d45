"""Where a case's database lives: `case.sqlite` in the case folder, or a PostgreSQL server
named by the folder's `case.toml` (or given directly as `--case postgresql://…`).

A team case keeps its originals, cache and audit anchor in a folder every member can
reach (a shared mount), addressed by SHA-256 as in a one-laptop case; only the
database moves to the server. `case.toml`:

    [database]
    url = "postgresql://alice@db.newsroom.example/arms"

The password, if the server wants one, comes from libpq's usual places (`~/.pgpass`,
`PGPASSWORD`), never from the case folder."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.errors import CaseError

DB_NAME = "case.sqlite"
CASE_TOML = "case.toml"
SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
SHARED_FOLDER_META = "shared_folder"  # case_meta key: the team case's shared folder


@dataclass(frozen=True)
class DatabaseLocation:
    """`server_url` set: a PostgreSQL case; else the SQLite file `sqlite_path`."""

    sqlite_path: Path | None
    server_url: str | None = None

    @property
    def on_server(self) -> bool:
        return self.server_url is not None

    @property
    def display(self) -> str:
        """How messages name the database (never with a password)."""
        return redact_url(self.server_url) if self.server_url else str(self.sqlite_path)


def is_server_url(value: str) -> bool:
    return value.strip().lower().startswith(SERVER_SCHEMES)


def sqlalchemy_url(url: str) -> str:
    """The URL SQLAlchemy needs for psycopg 3."""
    scheme, _, rest = url.strip().partition("://")
    if scheme.lower() not in ("postgresql", "postgres", "postgresql+psycopg"):
        raise CaseError(f"{redact_url(url)}: only postgresql:// database URLs are supported")
    return f"postgresql+psycopg://{rest}"


def redact_url(url: str) -> str:
    """`postgresql://user:secret@host/db` → `postgresql://user:***@host/db`."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if at and ":" in creds:
        creds = creds.split(":", 1)[0] + ":***"
    return f"{scheme}{sep}{creds}{at}{host}"


def read_case_toml(folder: Path) -> str | None:
    """The server URL a case folder's `case.toml` names, or None when it has none."""
    path = folder / CASE_TOML
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CaseError(f"{path} cannot be read ({exc}); it should hold [database] url = \"postgresql://…\"") from exc
    url = (data.get("database") or {}).get("url") if isinstance(data.get("database"), dict) else None
    if not isinstance(url, str) or not is_server_url(url):
        raise CaseError(f"{path} names no database: it should hold [database] url = \"postgresql://…\"")
    return url


def write_case_toml(folder: Path, url: str) -> Path:
    if ":" in url.partition("://")[2].rpartition("@")[0]:
        raise CaseError("keep the password out of case.toml: put it in ~/.pgpass or PGPASSWORD")
    path = folder / CASE_TOML
    escaped = url.replace("\\", "\\\\").replace('"', '\\"')
    path.write_text(f'# The database of this case lives on a server.\n[database]\nurl = "{escaped}"\n',
                    encoding="utf-8")
    return path


def locate(folder: Path) -> DatabaseLocation:
    url = read_case_toml(folder)
    if url is not None:
        return DatabaseLocation(None, url)
    return DatabaseLocation(folder / DB_NAME)
