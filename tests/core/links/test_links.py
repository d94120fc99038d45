"""The reference registry links documents that cite each other; manual links with evidence."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.links import AddLink
from evidence_desk.core.documents import update_details
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.links.registry import build_reference_links, reference_registry
from evidence_desk.core.queries.links import document_links


@pytest.fixture
def linked(letters_case):
    case, docs = letters_case
    update_details(case, docs["contract.pdf"], reference="Contract No. K-2019/77")
    update_details(case, docs["letter_ru.pdf"], reference="Исх. № 12/345-6")
    update_details(case, docs["invoice_en.pdf"], reference="INV-2021-044")
    update_details(case, docs["note_de.pdf"], reference="Az. 7-AB/2021")
    return case, docs


def test_the_registry_holds_each_documents_own_reference_normalised(linked):
    case, docs = linked
    assert reference_registry(case) == {"K-2019/77": [docs["contract.pdf"]], "12/345-6": [docs["letter_ru.pdf"]],
                                        "INV-2021-044": [docs["invoice_en.pdf"]], "7-AB/2021": [docs["note_de.pdf"]]}


def test_documents_citing_another_documents_reference_are_linked_with_evidence(linked):
    case, docs = linked
    ids = build_reference_links(case)
    inv = document_links(case, docs["invoice_en.pdf"])
    assert {c.other for c in inv.cites} == {docs["letter_ru.pdf"], docs["contract.pdf"]}
    assert [c.other for c in inv.cited_by] == [docs["note_de.pdf"]]
    # The Russian letter writes the contract number with a Cyrillic К: still a citation.
    ru = document_links(case, docs["letter_ru.pdf"])
    assert [c.other for c in ru.cites] == [docs["contract.pdf"]]
    assert [c.other for c in ru.cited_by] == [docs["invoice_en.pdf"]]
    contract = document_links(case, docs["contract.pdf"])
    assert contract.cites == () and len(contract.cited_by) == 2
    cite = next(c for c in ru.cites)
    assert cite.page == 1 and cite.quote and "К-2019/77" in cite.quote and cite.origin == "auto"
    assert cite.rect is not None
    x0, y0, x1, y1 = cite.rect.as_tuple()
    assert 50 <= x0 < x1 <= 545 and y1 - y0 < 20
    assert len(ids) == 4
    assert build_reference_links(case) == []  # nothing new the second time


def test_manual_links_carry_their_evidence_and_duplicates_are_refused(linked):
    case, docs = linked
    edit = AddLink(docs["invoice_en.pdf"], docs["contract.pdf"], "pays-for", page=1,
                   rect=Rect(50, 100, 300, 115), quote="Total due", note="payment under the contract")
    case.apply(edit)
    [other] = document_links(case, docs["invoice_en.pdf"]).other
    assert (other.kind, other.direction, other.other, other.quote) == (
        "pays_for", "out", docs["contract.pdf"], "Total due")
    assert document_links(case, docs["contract.pdf"]).other[0].direction == "in"
    with pytest.raises(InvalidInputError, match="already pays for"):
        case.apply(AddLink(docs["invoice_en.pdf"], docs["contract.pdf"], "pays_for", page=1))
    with pytest.raises(InvalidInputError, match="kind must be one of"):
        case.apply(AddLink(docs["invoice_en.pdf"], docs["contract.pdf"], "loves"))
    case.history.undo()
    assert document_links(case, docs["invoice_en.pdf"]).other == ()


def test_both_ends_of_a_citation_locate_the_shared_reference(linked):
    from evidence_desk.core.links.registry import shared_reference

    case, docs = linked
    build_reference_links(case)
    [cite] = document_links(case, docs["letter_ru.pdf"]).cited_by
    pair = shared_reference(case, cite.id)
    assert (pair["source"], pair["target"], pair["reference"]) == (
        docs["invoice_en.pdf"], docs["letter_ru.pdf"], "12/345-6")
    # On the letter the highlight is its own number in the first line; on the invoice, the citation.
    assert pair["target_page"] == 1 and pair["target_rect"].y0 < 80
    assert pair["source_rect"].y0 > pair["target_rect"].y0
