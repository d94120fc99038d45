"""The head of the audit chain is anchored outside the database after every commit, so a log
that was truncated, or edited and re-hashed from end to end, no longer passes `verify`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from evidence_desk.core import audit
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.importing import import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf


@pytest.fixture
def noted(tmp_path: Path) -> Case:
    write_text_pdf(tmp_path / "a.pdf", ["A letter about radar parts.", "Page two."])
    case = Case.open(tmp_path / "case", create=True)
    import_paths(case, [tmp_path / "a.pdf"])
    for i in range(3):
        add_note(case, 1, f"note {i}")
    yield case
    case.close()


def _raw(case: Case) -> sqlite3.Connection:
    con = sqlite3.connect(case.path / DB_NAME)
    con.isolation_level = None
    con.execute("DROP TRIGGER audit_log_no_delete")
    con.execute("DROP TRIGGER audit_log_no_update")
    return con


def _chain(case: Case) -> list[tuple]:
    con = sqlite3.connect(case.path / DB_NAME)
    rows = con.execute("SELECT id, hash FROM audit_log ORDER BY id").fetchall()
    con.close()
    return rows


def test_every_commit_anchors_the_chain_head_beside_the_database(noted: Case) -> None:
    anchor = json.loads((noted.path / audit.ANCHOR_NAME).read_text())
    rows = _chain(noted)
    assert anchor["entries"] == len(rows) == 5  # create, import, three notes
    assert (anchor["last_id"], anchor["head"]) == rows[-1]
    assert anchor["case_uid"] == noted.meta("case_uid")
    report = verify_case(noted)
    assert report.ok, report.problems
    assert report.checked["anchor"]["entries"] == 5


def test_deleting_the_last_entries_is_detected_against_the_anchor(noted: Case) -> None:
    con = _raw(noted)
    con.execute("DELETE FROM audit_log WHERE id > 3")
    con.close()
    report = verify_case(noted)
    assert not report.ok
    assert any("entries were removed" in p for p in report.problems)


def test_editing_an_entry_and_rehashing_the_whole_chain_is_detected(noted: Case) -> None:
    con = _raw(noted)
    con.execute("UPDATE audit_log SET data = '{\"text\":\"forged\"}' WHERE id = 3")
    prev = audit.GENESIS_HASH
    for row in con.execute("SELECT id, at, author, action, target_type, target_id, data FROM audit_log "
                           "ORDER BY id").fetchall():
        new = audit.entry_hash(prev, row[1], row[2], row[3], row[4], row[5], row[6])
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, row[0]))
        prev = new
    con.close()
    report = verify_case(noted)
    assert not report.ok
    assert report.problems[0] == ("audit entry 5 is not the one anchored (its hash differs): the log was "
                                  "rewritten and re-hashed")
    # and the note the forged entry no longer records is named by the replay
    assert report.problems[1:] == ["note 1 on document 1 is in the records but no audit entry made it "
                                   "(added behind the application's back)"]


def test_a_removed_anchor_is_a_problem_once_the_case_was_anchored(noted: Case) -> None:
    (noted.path / audit.ANCHOR_NAME).unlink()
    report = verify_case(noted)
    assert any("anchor" in p and "missing" in p for p in report.problems)


def test_an_anchor_of_another_case_is_refused(noted: Case, tmp_path: Path) -> None:
    with Case.open(tmp_path / "other", create=True) as other:
        (noted.path / audit.ANCHOR_NAME).write_bytes((other.path / audit.ANCHOR_NAME).read_bytes())
    report = verify_case(noted)
    assert "the audit anchor belongs to another case" in report.problems


def test_an_older_anchor_never_replaces_a_newer_one(noted: Case) -> None:
    newer = audit.read_anchor(noted.path)
    assert newer is not None
    audit.write_anchor(noted.path, audit.Anchor(2, 2, "0" * 64, newer.case_uid))
    assert audit.read_anchor(noted.path) == newer
