"""`repair` rebuilds a damaged case from what survives — documents and pages from the
originals, the audit log as far as it can be read — into a new database beside the
damaged one, which is kept untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_desk.cli.main import main
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.repair import repair_case
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf


@pytest.fixture
def case_with_history(tmp_path: Path) -> tuple[Path, str, list[tuple[int, str, int]]]:
    for name, pages in (("nota-114.pdf", 3), ("invoice.pdf", 1), ("permit.pdf", 2)):
        write_text_pdf(tmp_path / name, [f"{name} page {i}: radar parts" for i in range(pages)])
    folder = tmp_path / "case"
    with Case.open(folder, create=True) as case:
        import_paths(case, [tmp_path / "nota-114.pdf", tmp_path / "invoice.pdf", tmp_path / "permit.pdf"])
        add_note(case, 2, "check the amount")
        uid = case.meta("case_uid")
        docs = _documents(case)
    return folder, str(uid), docs


def test_a_zero_byte_database_is_rebuilt_from_the_originals_and_the_damaged_one_kept(
        case_with_history, capsys) -> None:
    folder, uid, docs = case_with_history
    (folder / DB_NAME).write_bytes(b"")
    assert main(["--case", str(folder), "list"]) == 1
    assert "evidence-desk repair" in capsys.readouterr().err
    report = repair_case(folder)
    assert report.damaged_kept is not None and report.damaged_kept.stat().st_size == 0
    assert report.documents == 3 and report.pages == 6
    with Case.open(folder) as case:
        assert verify_case(case).ok, verify_case(case).problems
        rebuilt = _documents(case)
        assert case.meta("case_uid") == uid  # from the anchor: the same case, not a new one
    # The log went with the file: names and order cannot come back, the documents do.
    assert sorted(d[2] for d in rebuilt) == sorted(d[2] for d in docs)


def _documents(case: Case) -> list[tuple[int, str, int]]:
    with case.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT id, filename, page_count FROM documents ORDER BY id"))]


def test_a_truncated_database_is_rebuilt_from_the_originals(case_with_history) -> None:
    folder, _, docs = case_with_history
    db = folder / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[: int(len(data) * 0.8)])
    report = repair_case(folder)
    assert report.documents == 3 and report.pages == 6
    with Case.open(folder) as case:
        verdict = verify_case(case)
        assert verdict.ok, verdict.problems
        assert sorted(d[2] for d in _documents(case)) == sorted(d[2] for d in docs)


def test_a_zeroed_page_keeps_the_readable_history_names_and_ids(case_with_history) -> None:
    folder, uid, docs = case_with_history
    db = folder / DB_NAME
    con = sqlite3.connect(db)
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'pages'").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page_size:root * page_size] = b"\0" * page_size  # the page text is gone
    db.write_bytes(bytes(data))
    report = repair_case(folder)
    assert report.entries_recovered == 5  # create, three imports, the note
    assert report.not_replayed == {"add_note": 1}  # the note, audited by its intent, is counted, not replayed
    with Case.open(folder) as case:
        verdict = verify_case(case)
        assert verdict.ok, verdict.problems
        assert _documents(case) == docs  # names and ids as the log had them
        assert case.meta("case_uid") == uid
        with case.read() as s:
            actions = [r[0] for r in s.execute(text("SELECT action FROM audit_log ORDER BY id"))]
    assert actions[:5] == ["case.create", "document.import", "document.import", "document.import",
                           actions[4]]
    assert actions[-1] == "case.repair"


def test_a_missing_database_beside_originals_is_rebuilt(case_with_history, capsys) -> None:
    folder, _, _ = case_with_history
    (folder / DB_NAME).unlink()
    assert main(["repair", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "rebuilt   3 documents (6 pages)" in out
    assert main(["verify", str(folder)]) == 0


def test_a_sound_case_is_not_repaired(case_with_history) -> None:
    folder, _, _ = case_with_history
    with pytest.raises(InvalidInputError, match="not damaged"):
        repair_case(folder)
