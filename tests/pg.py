"""A real PostgreSQL server for the tests: the one `EVIDENCE_DESK_TEST_PG` names (a
`postgresql://` URL of a role that may create databases; `.ci/run` starts a throw-away
cluster and sets it), else a throw-away cluster started here with Debian's
`postgresql` binaries (initdb in a temporary folder, a Unix socket only, no TCP
port), else the test is skipped naming the package (failed under CI).

Each case gets a database of its own, cloned from a template already at this
version's schema (`CREATE DATABASE … TEMPLATE`), so a case costs a fraction of a
second instead of a migration run.

`EVIDENCE_DESK_TEST_BACKEND=postgresql` makes the `case_dir` fixture hand out
folders whose `case.toml` names such a database: every test written against
`case_dir` / `case` then runs on PostgreSQL (`.ci/run` runs the core suite so)."""

from __future__ import annotations

import atexit
import functools
import glob
import os
import shlex
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

from tests.tools import missing

# One template per pytest-xdist worker: on a shared server (EVIDENCE_DESK_TEST_PG) a worker
# dropping and re-creating the template must not pull it from under another's CREATE DATABASE.
TEMPLATE = "evidence_template" + (f"_{os.environ['PYTEST_XDIST_WORKER']}"
                                  if os.environ.get("PYTEST_XDIST_WORKER") else "")


def backend() -> str:
    return os.environ.get("EVIDENCE_DESK_TEST_BACKEND", "sqlite")


def _initdb() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found)
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(candidates[-1]) if candidates else None


def _as_server_user(argv: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run as the `postgres` user Debian's package creates."""
    if os.geteuid() != 0:
        return argv
    return ["runuser", "-u", "postgres", "--", *argv]


def _start_cluster() -> str:
    initdb = _initdb()
    if initdb is None:
        missing("PostgreSQL not found: sudo apt-get install postgresql")
    assert initdb is not None
    bindir = initdb.parent
    root = Path(tempfile.mkdtemp(prefix="evidence-desk-pg-"))
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, sock = root / "data", root / "sock"
    subprocess.run(_as_server_user(["mkdir", "-p", str(sock)]), check=True)
    subprocess.run(_as_server_user([str(initdb), "-D", str(data), "-U", "postgres", "--auth=trust",
                                    "-E", "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
    subprocess.run(_as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"), "-w",
                                    "-o", f"-c listen_addresses='' -c unix_socket_directories={sock} "
                                          "-c max_connections=200", "start"]), check=True, capture_output=True)

    # Stopped and removed at exit; and should this process be killed (a timeout, kill -9),
    # by a watcher that waits for the end of its pipe from here, which comes however it ends.
    stop = _as_server_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
    watcher = subprocess.Popen(["sh", "-c", f"read _; {shlex.join(stop)}; rm -rf {shlex.quote(str(root))}"],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)

    def stop_now() -> None:
        subprocess.run(stop, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
        assert watcher.stdin is not None
        watcher.stdin.close()

    atexit.register(stop_now)
    return f"postgresql://postgres@/postgres?host={sock}"


@functools.lru_cache(maxsize=1)
def server_url() -> str:
    """The maintenance database of the test server, started on first use."""
    return os.environ.get("EVIDENCE_DESK_TEST_PG") or _start_cluster()


def _with_database(url: str, name: str) -> str:
    base, _, query = url.partition("?")
    head = base.rsplit("/", 1)[0]
    return f"{head}/{name}" + (f"?{query}" if query else "")


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(server_url(), autocommit=True) as conn:
        conn.execute(sql)


@functools.lru_cache(maxsize=1)
def _template() -> str:
    """A database at this version's schema, for new cases to be cloned from."""
    from evidence_desk.core.db.migrate import upgrade
    from evidence_desk.core.db.server import make_server_engine

    _admin(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    _admin(f"CREATE DATABASE {TEMPLATE}")
    engine = make_server_engine(_with_database(server_url(), TEMPLATE), writer=True)
    try:
        upgrade(engine, None)
    finally:
        engine.dispose()
    return TEMPLATE


def new_database() -> str:
    """The URL of a new, empty case database (schema at head, no case in it yet)."""
    name = f"case_{uuid.uuid4().hex[:16]}"
    _admin(f"CREATE DATABASE {name} TEMPLATE {_template()}")
    return _with_database(server_url(), name)


def empty_database() -> str:
    """The URL of a new database without any schema."""
    name = f"empty_{uuid.uuid4().hex[:16]}"
    _admin(f"CREATE DATABASE {name}")
    return _with_database(server_url(), name)


def server_case_dir(folder: Path) -> Path:
    """`folder` made a team case folder: its case.toml names a new database."""
    from evidence_desk.core.db.location import write_case_toml

    folder.mkdir(parents=True, exist_ok=True)
    write_case_toml(folder, new_database())
    return folder


def behind_the_back(folder: Path, *statements: str) -> None:
    """`statements` run on a case's database without the application, as someone tampering
    with it would: on its SQLite file, or on the server database its case.toml names."""
    from evidence_desk.core.case import DB_NAME
    from evidence_desk.core.db.location import read_case_toml

    url = read_case_toml(folder)
    if url is None:
        import sqlite3

        con = sqlite3.connect(folder / DB_NAME)
        with con:
            for sql in statements:
                con.execute(sql)
        con.close()
        return
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://", 1)) as conn:
        for sql in statements:
            conn.execute(sql)


def allow_audit_delete(folder: Path) -> str:
    """The statement that lifts the audit log's append-only trigger, on this case's database."""
    from evidence_desk.core.db.location import read_case_toml

    if read_case_toml(folder) is None:
        return "DROP TRIGGER audit_log_no_delete"
    return "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"


def case_folder(folder: Path) -> Path:
    """`folder` ready for a new case on this run's backend: left as it is (SQLite), or, on a
    PostgreSQL run, made a team case folder (what the `case_dir` fixture hands out)."""
    return server_case_dir(folder) if backend() == "postgresql" else folder


def copy_case_folder(source: Path, target: Path) -> Path:
    """A closed case copied whole: its folder (shutil.copytree), and for a team case its
    database cloned too (`CREATE DATABASE … TEMPLATE`), the copy's case.toml naming the clone."""
    from evidence_desk.core.db.location import CASE_TOML, read_case_toml, write_case_toml

    url = read_case_toml(source)
    if url is None:
        shutil.copytree(source, target)
        return target
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(CASE_TOML))
    name = f"case_{uuid.uuid4().hex[:16]}"
    _admin(f"CREATE DATABASE {name} TEMPLATE {url.partition('?')[0].rsplit('/', 1)[1]}")
    write_case_toml(target, _with_database(server_url(), name))
    return target
