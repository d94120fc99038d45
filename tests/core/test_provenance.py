"""Provenance is recorded by code name, audited, undoable, and refuses bad input."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.provenance import ProvenanceUpdate, describe, update_edit
from evidence_desk.core.verify_case import verify_case


@pytest.fixture
def doc_case(case: Case, tmp_path: Path) -> Case:
    pdf = tmp_path / "letter.pdf"
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "A letter about the contract")
    doc.save(pdf)
    report = import_paths(case, [pdf])
    assert len(report.imported) == 1
    return case


def test_provenance_is_recorded_with_custody_and_undone_exactly(doc_case: Case) -> None:
    edit = update_edit(doc_case, 1, ProvenanceUpdate(source="SOURCE-KESTREL", received="2026-03-01",
                                                     method="handed over on USB", custody="copied to case"))
    doc_case.apply(edit)
    info = describe(doc_case, 1)
    assert info["source"] == "SOURCE-KESTREL"
    assert info["received"] == "2026-03-01"
    assert [e["action"] for e in info["custody"]] == ["copied to case"]

    doc_case.history.undo()
    info = describe(doc_case, 1)
    assert info["source"] is None and info["custody"] == []
    report = verify_case(doc_case)
    assert report.ok, report.problems
    assert report.checked["audit_entries"] >= 4  # create, import, update, undo


def test_provenance_updates_an_existing_record(doc_case: Case) -> None:
    doc_case.apply(update_edit(doc_case, 1, ProvenanceUpdate(source="SOURCE-A")))
    doc_case.apply(update_edit(doc_case, 1, ProvenanceUpdate(verification="verified", confidence="high")))
    info = describe(doc_case, 1)
    assert (info["source"], info["verification"], info["confidence"]) == ("SOURCE-A", "authenticated", "high")


@pytest.mark.parametrize(
    "update",
    [
        ProvenanceUpdate(source="Ivan Petrov <ivan@example.org>"),
        ProvenanceUpdate(received="last Tuesday"),
        ProvenanceUpdate(verification="probably"),
        ProvenanceUpdate(),
    ],
)
def test_bad_provenance_input_is_refused(doc_case: Case, update: ProvenanceUpdate) -> None:
    with pytest.raises(InvalidInputError):
        doc_case.apply(update_edit(doc_case, 1, update))


def test_provenance_cli_records_and_prints_json(doc_case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from evidence_desk.cli.main import main

    code = main(["--case", str(doc_case.path), "provenance", "1", "--source", "SOURCE-OWL",
                 "--custody", "received sealed envelope", "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == "SOURCE-OWL"
    assert data["custody"][0]["action"] == "received sealed envelope"
    assert main(["--case", str(doc_case.path), "provenance", "1", "--received", "yesterday"]) == 1
    assert capsys.readouterr().err.startswith("error: ")
