"""The templates tell one consistent, cross-referenced, fictitious story."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from evidence_desk.core.demo import markup
from evidence_desk.core.demo.corpus import DocTemplate, load_case_info, load_documents

CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture(scope="module")
def templates() -> tuple[DocTemplate, ...]:
    return load_documents()


@pytest.fixture(scope="module")
def all_text(templates: tuple[DocTemplate, ...]) -> str:
    return "\n".join(t.text for t in templates)


def test_corpus_has_at_least_14_documents_in_russian_english_and_german(templates):
    languages = Counter(t.language for t in templates)
    assert len(templates) >= 14
    assert set(languages) == {"ru", "en", "de"}
    assert min(languages.values()) >= 3


def test_corpus_holds_every_kind_of_paper_an_arms_deal_leaves(templates):
    kinds = Counter(t.kind for t in templates)
    for kind in ("letter", "diplomatic_note", "invoice", "contract", "export_permit", "end_user_certificate"):
        assert kinds[kind] >= 1, kind
    titles = " ".join(t.title for t in templates)
    assert "Zahlungsbestätigung" in titles and "Spediteur" in titles  # bank and forwarder papers


def test_corpus_spans_four_years_with_one_delivery_of_each_kind_of_scan(templates):
    assert {t.date[:4] for t in templates} == {"2021", "2022", "2023", "2024"}
    deliveries = Counter(t.delivery for t in templates)
    assert deliveries["pdf"] >= 5
    for scan in ("jpeg", "png", "scan-pdf", "tiff"):
        assert deliveries[scan] >= 1, scan
    tiff = next(t for t in templates if t.delivery == "tiff")
    assert len(tiff.pages) >= 2


def test_document_ids_and_references_are_unique(templates):
    assert len({t.id for t in templates}) == len(templates)
    assert len({t.reference for t in templates}) == len(templates)


def test_every_document_shows_its_own_reference(templates):
    for t in templates:
        assert t.reference in t.text, t.id


def test_cited_references_appear_in_the_text_and_resolve_to_another_document(templates):
    own = {t.reference: t.id for t in templates}
    citations = 0
    for t in templates:
        for ref in t.cites:
            assert ref in t.text, f"{t.id} cites {ref} but does not show it"
            assert ref in own, f"{t.id} cites {ref}, which is no document's reference"
            assert own[ref] != t.id
            citations += 1
    assert citations >= 20
    cited = {ref for t in templates for ref in t.cites}
    assert len(cited) >= 8  # a web of citations, not a star around the contract


def test_cast_names_appear_in_the_documents_across_scripts(all_text):
    cast = load_case_info()["cast"]
    for member in cast:
        for alias in member["aliases"]:
            assert alias in all_text, f"{member['name']}: alias {alias!r} appears in no document"
    multi_script = [m for m in cast
                    if any(CYRILLIC.search(a) for a in m["aliases"])
                    and any(not CYRILLIC.search(a) for a in m["aliases"])]
    assert len(multi_script) >= 10


def test_the_person_to_redact_is_named_in_all_three_languages(templates):
    spellings = {"ru": "Гарбуз", "en": "Harbuz", "de": "Garbus"}
    for language, name in spellings.items():
        assert any(name in t.text for t in templates if t.language == language), language


def test_amounts_are_written_in_each_languages_own_format(all_text):
    assert "USD 13,228,000.00" in all_text  # English
    assert "13 228 000,00" in all_text  # Russian
    assert "3.968.400,00 USD" in all_text  # German


def test_contact_details_are_unmistakably_fictitious(all_text):
    phones = re.findall(r"\+\d{1,3}", all_text)
    assert phones and set(phones) == {"+999"}  # an unassigned country code
    for email in re.findall(r"[\w.]+@[\w.-]+", all_text):
        assert email.endswith(".example"), email
    for iban in re.findall(r"\b[A-Z]{2}\d{2}(?: [0-9A-Z]{4}){3,}", all_text):
        assert iban[:2] in {"OV", "QL"} or iban[2:4] == "00", iban  # no such country, or invalid check digits


def test_provenance_uses_code_names_only(templates):
    for t in templates:
        assert t.provenance["source"].startswith("SOURCE-"), t.id
        assert t.provenance["received"] > t.date


def test_markup_lines_become_paragraphs_rows_and_headings():
    source = "# TITLE\n> Ref. No. A/1\n\n| a | b |\n| 1 | 2 & 3 |\nBody <text>"
    html = markup.to_html(source)
    assert '<p class="c">TITLE</p>' in html
    assert "<th>a</th>" in html and "<td>2 &amp; 3</td>" in html
    assert "Body &lt;text&gt;" in html
    assert markup.to_text(source) == "TITLE\nRef. No. A/1\na b\n1 2 & 3\nBody <text>"


def test_markup_keeps_reference_numbers_and_amounts_on_one_line_and_avoids_ligatures():
    html = markup.to_html("Note No. QE/VG/021/2021 of the office: 13 228 000,00 USD")
    assert '<span style="white-space:nowrap">QE/VG/021/2021</span>' in html
    assert '<span style="white-space:nowrap">13 228 000,00</span>' in html
    assert "o<span>f</span><span>f</span>ice" in html
