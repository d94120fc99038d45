"""A case proves its history: `verify` replays the audit log against the records and
names, by id and kind, every record the log does not explain and every logged change
the records lack. Each tampering is done with raw SQL on the real case file, behind
the application's back; an untouched case (after undo and redo too) verifies clean."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.commands.details import SetDetails
from evidence_desk.core.commands.entities import AddAlias, MergeEntities
from evidence_desk.core.commands.links import AddLink
from evidence_desk.core.commands.notes import AddNote, DeleteNote
from evidence_desk.core.commands.provenance import ProvenanceUpdate, SetProvenance
from evidence_desk.core.commands.redaction import MarkRedaction, SetRedactionStatus, Spot
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.verify_case import VerifyReport, verify_case
from tests.core.pdfs import write_text_pdf

SECRET = "Kirill O. Garbuz"


@pytest.fixture(scope="module")
def worked_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two letters and a day's work on them: tags, notes, redactions, an alias, a merge,
    a link, details, provenance; one step undone, one undone and redone."""
    root = tmp_path_factory.mktemp("replay")
    files = [write_text_pdf(root / "letter.pdf", [f"Signed: {SECRET}, Zollamt Brest", "Page two."]),
             write_text_pdf(root / "invoice.pdf", [f"Invoice INV-7 paid by {SECRET}"])]
    with Case.open(root / "case", create=True, author="tester") as case:
        assert len(import_paths(case, files, ImportOptions(workers=1, ocr="never")).imported) == 2
        case.apply(Tag(1, 1, entity=SECRET, entity_type="person", quote=SECRET))
        case.apply(Tag(2, 1, entity="K. Garbuz", entity_type="person", quote="Garbuz"))
        case.apply(Tag(1, 1, entity="Zollamt Brest", entity_type="organization", quote="Zollamt Brest"))
        case.apply(MergeEntities(SECRET, "K. Garbuz"))
        case.apply(AddAlias(SECRET, "Гарбуз"))
        case.apply(AddNote(1, "Signature differs from the invoice", page=1))
        doomed = AddNote(2, "to be deleted")
        case.apply(doomed)
        case.apply(DeleteNote(doomed.created_id or 0))
        mark = MarkRedaction([Spot(1, 1, (Rect(70, 60, 200, 80),), SECRET)], reason="source", label=SECRET)
        case.apply(mark)
        case.apply(MarkRedaction([Spot(2, 1, (Rect(100, 60, 220, 80),))], reason="personal"))
        case.apply(SetRedactionStatus(mark.created_ids, "approved"))
        case.apply(AddLink(2, 1, "cites", page=1, quote="Invoice INV-7"))
        case.apply(SetDetails(1, {"kind": "letter", "reference": "114", "doc_date": "2026-03-01"}))
        case.apply(SetProvenance(1, ProvenanceUpdate(source="SOURCE-KESTREL", received="2026-03-02",
                                                     custody="handed over on a USB stick")))
        case.apply(AddNote(None, "undone note"))
        case.history.undo()
        case.apply(AddNote(2, "undone and redone"))
        case.history.undo()
        case.history.redo()
    return root / "case"


@pytest.fixture
def case_dir(worked_case: Path, tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(worked_case, target)
    return target


def tamper(case_dir: Path, *statements: str) -> None:
    con = sqlite3.connect(case_dir / DB_NAME)
    with con:
        for sql in statements:
            con.execute(sql)
    con.close()


def one(case_dir: Path, sql: str) -> object:
    con = sqlite3.connect(case_dir / DB_NAME)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def verified(case_dir: Path) -> VerifyReport:
    with Case.open(case_dir) as case:
        return verify_case(case)


@pytest.fixture
def findings(case_dir: Path) -> Iterator[object]:
    def found(*statements: str) -> list[dict[str, object]]:
        tamper(case_dir, *statements)
        report = verified(case_dir)
        assert not report.ok
        return [{k: f[k] for k in ("table", "id", "kind", "columns")} for f in report.checked["unexplained"]]

    yield found


def test_an_untouched_case_replays_clean_after_undo_and_redo(case_dir: Path) -> None:
    report = verified(case_dir)
    assert report.ok, report.problems
    assert report.checked["replay"]["unexplained"] == 0
    assert report.checked["replay"]["records"] > 15


def test_deleting_every_redaction_names_each_one(case_dir: Path, findings) -> None:
    ids = [one(case_dir, "SELECT min(id) FROM redactions"), one(case_dir, "SELECT max(id) FROM redactions")]
    assert findings("DELETE FROM redactions") == [
        {"table": "redactions", "id": i, "kind": "missing", "columns": []} for i in ids]


def test_moving_a_mention_to_another_entity_is_named(case_dir: Path, findings) -> None:
    mention = one(case_dir, "SELECT min(id) FROM mentions")
    other = one(case_dir, "SELECT max(id) FROM entities")
    assert findings(f"UPDATE mentions SET entity_id = {other} WHERE id = {mention}") == [
        {"table": "mentions", "id": mention, "kind": "differs", "columns": ["entity_id"]}]


def test_a_note_added_behind_the_applications_back_is_named(case_dir: Path, findings) -> None:
    assert findings("INSERT INTO notes (id, uid, document_id, page_number, text, author, created_at, internal) "
                    "VALUES (99, 'x', 1, 1, 'forged', 'nobody', '2026-01-01 00:00:00', 0)") == [
        {"table": "notes", "id": 99, "kind": "unlogged", "columns": []}]


def test_rejecting_a_redaction_in_the_database_is_named(case_dir: Path, findings) -> None:
    red = one(case_dir, "SELECT min(id) FROM redactions")
    assert findings(f"UPDATE redactions SET status = 'rejected' WHERE id = {red}") == [
        {"table": "redactions", "id": red, "kind": "differs", "columns": ["status"]}]


def test_changing_a_redactions_text_is_named_though_the_log_holds_only_its_digest(case_dir: Path,
                                                                                  findings) -> None:
    red = one(case_dir, "SELECT min(id) FROM redactions")
    assert findings(f"UPDATE redactions SET match_text = 'Kirill' WHERE id = {red}") == [
        {"table": "redactions", "id": red, "kind": "differs", "columns": ["match_text"]}]


def test_entities_aliases_and_links_tampered_are_named(case_dir: Path, findings) -> None:
    link = one(case_dir, "SELECT id FROM document_links")
    alias = one(case_dir, "SELECT max(id) FROM entity_aliases")
    found = findings("UPDATE entities SET name = 'Someone Else' WHERE id = 1",
                     f"DELETE FROM entity_aliases WHERE id = {alias}", "DELETE FROM document_links")
    assert found == [{"table": "entities", "id": 1, "kind": "differs", "columns": ["name"]},
                     {"table": "entity_aliases", "id": alias, "kind": "missing", "columns": []},
                     {"table": "document_links", "id": link, "kind": "missing", "columns": []}]


def test_details_provenance_and_custody_tampered_are_named(case_dir: Path, findings) -> None:
    custody = one(case_dir, "SELECT id FROM custody_events")
    found = findings("UPDATE documents SET reference = '115', title = 'x' WHERE id = 1",
                     "UPDATE provenance SET source_code = 'SOURCE-OTHER' WHERE document_id = 1",
                     "DELETE FROM custody_events")
    assert found == [{"table": "documents", "id": 1, "kind": "differs", "columns": ["title", "reference"]},
                     {"table": "provenance", "id": 1, "kind": "differs", "columns": ["source_code"]},
                     {"table": "custody_events", "id": custody, "kind": "missing", "columns": []}]


def test_cli_verify_names_the_tampering_and_exits_1(case_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    red = one(case_dir, "SELECT min(id) FROM redactions")
    tamper(case_dir, "DELETE FROM redactions")
    code = main(["verify", str(case_dir)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"PROBLEM  redaction {red} on document 1 page 1 is in the audit log but missing from the records" in out
    assert "FAILED" in out and "unexplained: 2" in out


def test_the_log_never_quotes_redacted_text(case_dir: Path) -> None:
    con = sqlite3.connect(case_dir / DB_NAME)
    entries = con.execute("SELECT action, data FROM audit_log WHERE action LIKE '%redaction%' "
                          "OR action IN ('undo', 'redo')").fetchall()
    con.close()
    assert {a for a, _ in entries} >= {"mark_redaction", "set_redaction_status"}
    for _, data in entries:
        assert SECRET not in data
    assert "hmac-sha256:" in entries[0][1]


def test_an_older_case_gets_a_baseline_and_then_proves_what_follows(tmp_path: Path) -> None:
    old = Path(__file__).resolve().parents[2] / "data" / "case_0001.sqlite"
    (tmp_path / "case").mkdir()
    shutil.copyfile(old, tmp_path / "case" / DB_NAME)
    def log_problems(report: VerifyReport) -> list[str]:  # the frozen file comes without its originals
        return [p for p in report.problems if "original file is missing" not in p]

    with Case.open(tmp_path / "case") as case:  # the upgrade, then the baseline
        report = verify_case(case)
        assert log_problems(report) == [] and report.checked["replay"]["unexplained"] == 0
        case.apply(AddNote(None, "after the baseline"))
    with Case.open(tmp_path / "case") as case:
        assert log_problems(verify_case(case)) == []
    con = sqlite3.connect(tmp_path / "case" / DB_NAME)
    assert con.execute("SELECT count(*) FROM audit_log WHERE action = 'audit.baseline'").fetchone()[0] == 1
    con.execute("DELETE FROM notes WHERE text = 'after the baseline'")
    con.commit()
    con.close()
    assert [p for p in log_problems(verified(tmp_path / "case")) if "in the audit log but missing" in p]
