"""A real case with two imported letters, imported once and copied for every test;
and `rows_of`, a dump of every user-editable table to compare states exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from tests import pg
from tests.core.pdfs import write_text_pdf

LETTER = ("Ministry of Defence\nLetter 114 about the radar.\nSigned: Kirill O. Garbuz, Zollamt Brest\n"
          "Hans Müller attended.")
INVOICE = "Invoice INV-7\nTotal due 45000 USD\nPaid by Kirill O. Garbuz"
EDITABLE = ("documents", "mentions", "notes", "redactions", "entities", "entity_aliases", "entity_links",
            "document_links", "suggestions", "provenance", "custody_events", "reason_codes", "case_meta")


@pytest.fixture(scope="session")
def commands_template(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path:
    from evidence_desk.core.case import Case
    from evidence_desk.core.importing import ImportOptions, import_paths

    root = tmp_path_factory.mktemp("commands-template")
    (root / "files").mkdir()
    files = [write_text_pdf(root / "files" / "a_letter.pdf", [LETTER, "Page two: the radar again."]),
             write_text_pdf(root / "files" / "b_invoice.pdf", [INVOICE])]
    case = Case.open(pg.case_folder(root / "case"), create=True, author="tester")
    report = import_paths(case, files, ImportOptions(workers=1, ocr="never"))
    assert len(report.imported) == 2, report.summary()
    case.close()
    return root / "case"


@pytest.fixture
def two_docs(commands_template: Path, tmp_path: Path) -> Iterator[Any]:
    from evidence_desk.core.case import Case

    target = pg.copy_case_folder(commands_template, tmp_path / "case")
    case = Case.open(target, author="tester")
    yield case
    case.close()


def rows_of(case: Any) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table a command may write, as plain values."""
    from evidence_desk.core.commands.rows import model_of, snapshot

    out = {}
    with case.read() as s:
        for table in EDITABLE:
            model = model_of(table)
            out[table] = sorted((snapshot(r) for r in s.execute(select(model)).scalars()), key=repr)
    return out


def last_audit(case: Any) -> tuple[str, dict[str, Any]]:
    import json

    from evidence_desk.core.db.models import AuditEntry

    with case.read() as s:
        entry = s.execute(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).scalar_one()
    return entry.action, json.loads(entry.data)


def assert_exact_inverse(case: Any, command: Any) -> tuple[str, dict[str, Any]]:
    """Apply `command`, undo it (state identical to before), redo it (identical to after).
    Returns the command's audit entry (action, data)."""
    before = rows_of(case)
    case.apply(command)
    audited = last_audit(case)
    after = rows_of(case)
    assert after != before, "the command changed nothing"
    case.history.undo()
    assert rows_of(case) == before
    assert last_audit(case)[0] == "undo"
    case.history.redo()
    assert rows_of(case) == after
    assert last_audit(case)[0] == "redo"
    return audited
