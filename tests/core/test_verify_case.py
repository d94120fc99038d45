"""`verify` checks the database, the search index, the audit chain and every original,
and names the first thing that is wrong."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.importing import import_paths
from evidence_desk.core.search import index_matches_text, rebuild_index, search
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf


@pytest.fixture(scope="module")
def filled_once(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("filled")
    pdfs = [write_text_pdf(folder / f"doc{i}.pdf", [f"Letter {i} about radar station {i}", "Page two"])
            for i in range(3)]
    with Case.open(folder / "case", create=True) as case:
        assert len(import_paths(case, pdfs).imported) == 3
    return folder / "case"


@pytest.fixture
def filled(filled_once: Path, tmp_path: Path) -> Iterator[Case]:
    """A fresh copy of a case holding three imported PDFs (each test damages it its own way)."""
    shutil.copytree(filled_once, tmp_path / "case")
    case = Case.open(tmp_path / "case")
    yield case
    case.close()


def _raw(case: Case) -> sqlite3.Connection:
    con = sqlite3.connect(case.path / DB_NAME)
    con.isolation_level = None
    return con


def test_a_sound_case_verifies_with_counts(filled: Case) -> None:
    report = verify_case(filled)
    assert report.ok and report.problems == [] and report.warnings == []
    assert report.checked["documents"] == 3
    assert report.checked["audit_entries"] == 4  # case.create + 3 imports


def test_a_missing_original_is_named(filled: Case) -> None:
    sha = filled.originals.iter_stored()[0]
    filled.originals.path_for(sha).unlink()
    report = verify_case(filled)
    assert not report.ok
    assert len(report.problems) == 1 and "original file is missing" in report.problems[0]


def test_an_altered_original_is_named_with_its_new_hash(filled: Case) -> None:
    sha = filled.originals.iter_stored()[0]
    path = filled.originals.path_for(sha)
    path.chmod(0o600)
    path.write_bytes(b"%PDF-1.4 forged")
    [problem] = verify_case(filled).problems
    assert "original file was altered" in problem and "SHA-256 is now" in problem


def test_page_text_changed_behind_the_index_is_detected_and_repairable(filled: Case) -> None:
    con = _raw(filled)
    con.execute("DROP TRIGGER pages_fts_au")  # what a careless tool editing the file would bypass
    # The index holds the page's words (what redaction and the viewer match): change both.
    con.execute("UPDATE pages SET text = ?, words = ? WHERE id = 1",
                ("rewritten without the index", '[[10, 10, 90, 20, "rewritten", 0, 0, 0]]'))
    con.close()
    assert not index_matches_text(filled)
    [problem] = verify_case(filled).problems
    assert "search index does not match the page text" in problem and "--repair-index" in problem
    assert rebuild_index(filled) == 6
    assert verify_case(filled).ok
    assert [h.page for h in search(filled, "rewritten")] == [1]


def test_a_page_missing_from_the_index_is_detected(filled: Case) -> None:
    con = _raw(filled)
    con.execute("DROP TRIGGER pages_fts_ai")
    con.execute("INSERT INTO pages(document_id, number, width, height, rotation, text, text_source, "
                "needs_ocr, has_images, words) VALUES (1, 3, 1, 1, 0, 'unindexed', 'none', 0, 0, '[]')")
    con.close()
    assert not verify_case(filled).ok
    rebuild_index(filled)
    assert verify_case(filled).ok


def test_rows_pointing_to_missing_records_are_reported(filled: Case) -> None:
    con = _raw(filled)
    con.execute("PRAGMA foreign_keys=OFF")
    con.execute("INSERT INTO notes(uid, document_id, text, author, created_at) "
                "VALUES ('orphan', 999, 'x', 'a', '2024-01-01 00:00:00')")
    con.close()
    problems = verify_case(filled).problems
    assert any("point to records that do not exist" in p and "notes" in p for p in problems)


def test_a_stored_file_without_a_document_is_only_a_warning(filled: Case, tmp_path: Path) -> None:
    stray = tmp_path / "stray.bin"
    stray.write_bytes(b"orphan bytes")
    filled.originals.commit(filled.originals.stage(stray))
    report = verify_case(filled)
    assert report.ok
    assert report.warnings == ["1 stored file(s) belong to no document (an import was interrupted; "
                               "importing the file again reuses it)"]


def test_a_damaged_database_page_fails_the_integrity_check(filled: Case) -> None:
    filled.close()
    db = filled.path / DB_NAME
    con = sqlite3.connect(db)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'pages'").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    offset = (root - 1) * page_size
    data[offset + 8: offset + 200] = b"\xff" * 192  # scribble over the pages table's b-tree cells
    db.write_bytes(bytes(data))
    with Case.open(filled.path) as again:
        report = verify_case(again)
    assert not report.ok
    assert any("integrity" in p or "search index" in p for p in report.problems)


def test_verify_while_another_program_holds_the_write_lock_says_the_case_is_busy(
    filled: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    from evidence_desk.core.errors import CaseError

    con = _raw(filled)
    con.execute("BEGIN IMMEDIATE")  # another writer, mid-transaction
    try:
        import sqlalchemy

        engine = filled._write_engine
        monkeypatch.setattr(filled, "_write_engine", sqlalchemy.create_engine(
            engine.url, connect_args={"timeout": 0.2}, poolclass=sqlalchemy.pool.NullPool))
        from evidence_desk.core.case import _begin_immediate

        _begin_immediate(filled._write_engine)
        with pytest.raises(CaseError, match="the case is busy"):
            verify_case(filled)
    finally:
        con.execute("ROLLBACK")
        con.close()
