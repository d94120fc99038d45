"""Link building reads again only the pages whose text changed; a document's own reference changing
re-joins the kept citations without reading any page."""

from __future__ import annotations

from sqlalchemy import select

from evidence_desk.core.db.models import Page
from evidence_desk.core.documents import update_details
from evidence_desk.core.links.registry import build_reference_links, page_citations
from evidence_desk.core.queries.links import document_links


def test_a_second_build_reads_no_page_and_one_changed_page_is_the_only_one_read(letters_case):
    case, docs = letters_case
    update_details(case, docs["contract.pdf"], reference="Contract No. K-2019/77")
    first = page_citations(case)
    assert first.pages_read == 4
    assert page_citations(case).pages_read == 0
    with case.write() as s:  # what OCR or a correction does: one page gets new text
        page = s.execute(select(Page).where(Page.document_id == docs["note_de.pdf"], Page.number == 1)).scalar_one()
        page.text = "Aktennotiz\ngemäß Vertrag Nr. K-2019/77 wurde geliefert."
        page.words = []
    again = page_citations(case)
    assert again.pages_read == 1
    assert [row[0] for row in again.by_page[(docs["note_de.pdf"], 1)]] == ["K-2019/77"]
    build_reference_links(case)
    assert docs["contract.pdf"] in {c.other for c in document_links(case, docs["note_de.pdf"]).cites}


def test_a_reference_accepted_later_links_the_pages_that_cite_it_without_reading_them_again(letters_case):
    case, docs = letters_case
    update_details(case, docs["contract.pdf"], reference="Contract No. K-2019/77")
    assert build_reference_links(case)  # the first build reads every page once
    assert page_citations(case).pages_read == 0
    ru = docs["letter_ru.pdf"]
    before = {c.other for c in document_links(case, docs["invoice_en.pdf"]).cites}
    update_details(case, ru, reference="Исх. № 12/345-6")
    assert page_citations(case).pages_read == 0  # the registry changed, no page text did
    build_reference_links(case, prune=True)
    after = {c.other for c in document_links(case, docs["invoice_en.pdf"]).cites}
    assert ru in after and ru not in before
