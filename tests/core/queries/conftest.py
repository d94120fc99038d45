"""A real case for the read models: two imported PDFs, tagged, noted, redacted and
given provenance through the same edits the window and the command line apply.

Built once per module (the sandboxed import spawns processes) and only read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.commands.links import AddLink
from evidence_desk.core.commands.tagging import SetMentionStatus
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.provenance import ProvenanceUpdate, update_edit
from evidence_desk.core.queries.annotations import document_mentions
from evidence_desk.core.redaction.marking import redact_rects_edit
from tests import pg
from tests.core.pdfs import write_text_pdf

LETTER = ["STATE EXPORT AGENCY\nRef. SEA/2019/0417\nSigned: Director Anton Petrov",
          "Page two. The shipment leaves Zelenograd under permit EP-5521."]
INVOICE = ["INVOICE No. 445\nSeller: State Export Agency\nAmount: 1,250,000 USD"]


@dataclass(frozen=True)
class Marked:
    case: Case
    letter: int
    invoice: int
    petrov_rect: Rect
    region_note: int
    rejected_mention: int


def _import(case: Case, files: list[Path]) -> dict[str, int]:
    report = import_paths(case, files, ImportOptions(workers=1))
    return {o.path.name: o.document_id for o in report.outcomes if o.document_id is not None}


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Iterator[Marked]:
    root = tmp_path_factory.mktemp("queries")
    files = [write_text_pdf(root / "letter.pdf", LETTER), write_text_pdf(root / "invoice.pdf", INVOICE)]
    case = Case.open(pg.case_folder(root / "case"), create=True, author="tester")
    ids = _import(case, files)
    letter, invoice = ids["letter.pdf"], ids["invoice.pdf"]
    petrov = Rect(56, 80, 260, 100)
    case.apply(tag_edit(case, letter, 1, "Anton Petrov", "person", rect=petrov))
    case.apply(tag_edit(case, letter, 2, "Zelenograd", "place", quote="Zelenograd"))
    case.apply(tag_edit(case, invoice, 1, "State Export Agency", "state_body", quote="State Export Agency"))
    case.apply(tag_edit(case, letter, 1, "State Export Agency", quote="STATE EXPORT AGENCY"))
    add_note(case, letter, "Whole letter: check the signature.")
    region_note = add_note(case, letter, "Who signed?", page=1, rect=Rect(50, 70, 300, 110))
    case.apply(redact_rects_edit(case, letter, 2, [Rect(60, 60, 200, 75)], "personal", note="the driver"))
    wrong = tag_edit(case, invoice, 1, "Anton Petrov", rect=Rect(56, 56, 120, 70))
    case.apply(wrong)
    rejected = next(m.id for m in document_mentions(case, invoice) if m.entity == "Anton Petrov")
    case.apply(SetMentionStatus([rejected], "rejected"))
    case.apply(AddLink(invoice, letter, "replies_to", page=1, rect=Rect(56, 56, 200, 70),
                       quote="INVOICE No. 445", note="answers the letter"))
    case.apply(update_edit(case, letter, ProvenanceUpdate(source="SRC-7", received="2024-03-01",
                                                          method="courier")))
    yield Marked(case, letter, invoice, petrov, region_note, rejected)
    case.close()
