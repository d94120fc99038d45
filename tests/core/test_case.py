"""A case is a folder with a SQLite database set up for durability, migrated on open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.db.migrate import head_revision
from evidence_desk.core.errors import CaseError, CaseTooNewError


def _pragma(case: Case, name: str) -> object:
    with case.write() as s:  # the writing connection is the one whose settings matter
        return s.execute(text(f"PRAGMA {name}")).scalar_one()


@pytest.mark.sqlite_only
def test_creating_a_case_lays_out_database_originals_and_cache(case_dir: Path) -> None:
    with Case.open(case_dir, create=True) as case:
        assert (case_dir / DB_NAME).is_file()
        assert (case_dir / "originals").is_dir()
        assert (case_dir / "cache").is_dir()
        assert case.meta("case_uid")


@pytest.mark.sqlite_only
def test_database_runs_in_wal_mode_with_foreign_keys_and_full_sync(case: Case) -> None:
    assert str(_pragma(case, "journal_mode")).lower() == "wal"
    assert _pragma(case, "foreign_keys") == 1
    assert _pragma(case, "synchronous") == 2  # FULL
    with case.read() as s:
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1


def test_new_case_is_at_head_revision_and_its_creation_is_audited(case: Case) -> None:
    with case.read() as s:
        rev = s.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        first = s.execute(text("SELECT action FROM audit_log ORDER BY id LIMIT 1")).scalar_one()
    assert rev == head_revision()
    assert first == "case.create"


def test_reopening_a_case_keeps_its_identity_and_makes_no_backup(case_dir: Path) -> None:
    with Case.open(case_dir, create=True) as first:
        uid = first.meta("case_uid")
    with Case.open(case_dir) as again:
        assert again.meta("case_uid") == uid
        assert again.backup_path is None
    assert not list(case_dir.glob("case.sqlite.backup-*"))


def test_a_missing_folder_is_not_created_without_create(tmp_path: Path) -> None:
    with pytest.raises(CaseError, match="not an Evidence Desk case"):
        Case.open(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


def test_a_folder_holding_other_files_is_refused_as_a_case(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"not ours")
    with pytest.raises(CaseError, match="not empty and holds no case"):
        Case.open(folder, create=True)
    assert sorted(p.name for p in folder.iterdir()) == ["holiday.jpg"]


def test_a_file_is_refused_as_a_case_folder(tmp_path: Path) -> None:
    file = tmp_path / "case.txt"
    file.write_text("x")
    with pytest.raises(CaseError, match="is a file"):
        Case.open(file, create=True)


def test_an_empty_folder_becomes_a_case(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    with Case.open(folder, create=True) as case:
        assert case.meta("case_uid")


@pytest.mark.sqlite_only
def test_a_case_from_a_newer_version_is_refused_and_left_untouched(case_dir: Path) -> None:
    Case.open(case_dir, create=True).close()
    db = case_dir / DB_NAME
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = db.read_bytes()
    listing = sorted(p.name for p in case_dir.iterdir())

    with pytest.raises(CaseTooNewError, match="newer version of Evidence Desk") as err:
        Case.open(case_dir)

    assert "9999_from_the_future" in str(err.value)
    assert db.read_bytes() == before
    assert sorted(p.name for p in case_dir.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        n for n in listing if not n.endswith(("-wal", "-shm"))]
    assert not list(case_dir.glob("*.backup-*"))


def test_writes_roll_back_entirely_when_the_block_raises(case: Case) -> None:
    with pytest.raises(RuntimeError), case.write() as s:
        s.execute(text("INSERT INTO case_meta(key, value) VALUES ('x', 'y')"))
        raise RuntimeError("boom")
    assert case.meta("x") is None


def test_leftover_staging_files_of_a_killed_import_are_cleared_on_open(case_dir: Path) -> None:
    Case.open(case_dir, create=True).close()
    staging = case_dir / "originals" / ".incoming"
    staging.mkdir(parents=True, exist_ok=True)
    (staging / "in-abc").write_bytes(b"half a file")
    Case.open(case_dir).close()
    assert list(staging.iterdir()) == []


def test_a_case_whose_database_is_not_sqlite_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "damaged"
    folder.mkdir()
    (folder / DB_NAME).write_bytes(b"this is not a database, it was overwritten" * 100)
    with pytest.raises(CaseError, match=r"cannot be read .*evidence-desk repair .*restore case.sqlite from a backup"):
        Case.open(folder)
    assert (folder / DB_NAME).read_bytes().startswith(b"this is not a database")
