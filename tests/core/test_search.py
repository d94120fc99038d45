"""Full-text search: what people type into a search box, over Cyrillic and Latin text."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Sequence
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Page
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.search import SNIPPET_CLOSE, SNIPPET_OPEN, parse_query, search
from tests.core.pdfs import write_text_pdf

PAGES = {
    "nota.pdf": [
        "МИНИСТЕРСТВО ОБОРОНЫ. Нота № 114/ВТС. Поставка станций радиоэлектронной борьбы "
        "в адрес Государственного военно-промышленного комитета.",
        "Приложение: перечень оборудования, станции Гроза-6 и комплексы управления огнём.",
    ],
    "invoice.pdf": [
        "Invoice 2021-0457. Fire-control upgrade kits for artillery, 14 units. Total EUR 1,250,000.",
        "Payment to Zürich account. Delivery via Brest customs (Zollamt).",
    ],
    "permit.pdf": [
        "Ausfuhrgenehmigung für Weißrussland. Endverbleibserklärung des Ministeriums. Café Noël.",
    ],
}


def _add(case: Case, filename: str, texts: Sequence[str]) -> int:
    with case.write() as s:
        doc = Document(sha256=f"{abs(hash(filename)):064x}"[:64], filename=filename,
                       media_type="application/pdf", size_bytes=1, page_count=len(texts))
        s.add(doc)
        s.flush()
        s.add_all(Page(document_id=doc.id, number=i, width=595, height=842, text=t)
                  for i, t in enumerate(texts, start=1))
        return doc.id


@pytest.fixture
def docs(case: Case) -> dict[str, int]:
    return {name: _add(case, name, texts) for name, texts in PAGES.items()}


def _where(case: Case, query: str) -> list[tuple[str, int]]:
    return sorted((h.filename, h.page) for h in search(case, query))


def test_cyrillic_words_match_regardless_of_case(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "министерство") == [("nota.pdf", 1)]
    assert _where(case, "СТАНЦИИ") == [("nota.pdf", 1), ("nota.pdf", 2)]  # станции, станций: one stem
    assert _where(case, '"СТАНЦИИ"') == [("nota.pdf", 2)]


def test_latin_words_match_regardless_of_case(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "INVOICE") == [("invoice.pdf", 1)]


def test_diacritics_are_ignored_both_ways(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "zurich") == [("invoice.pdf", 2)]
    assert _where(case, "ZÜRICH") == [("invoice.pdf", 2)]
    assert _where(case, "cafe noel") == [("permit.pdf", 1)]
    assert _where(case, "endverbleibserklarung") == [("permit.pdf", 1)]


def test_all_words_must_match_on_the_same_page(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "invoice zollamt") == []
    assert _where(case, "payment zollamt") == [("invoice.pdf", 2)]


def test_a_quoted_phrase_matches_only_the_words_in_order(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, '"fire-control upgrade"') == [("invoice.pdf", 1)]
    assert _where(case, '"upgrade fire-control"') == []
    assert _where(case, '"радиоэлектронной борьбы"') == [("nota.pdf", 1)]


def test_a_trailing_star_searches_by_prefix(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "станц*") == [("nota.pdf", 1), ("nota.pdf", 2)]
    assert _where(case, "ausfuhr*") == [("permit.pdf", 1)]
    assert _where(case, "стан") == []  # without the star a word matches whole (or by its stem)


def test_or_between_words_matches_either(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "zollamt OR ausfuhrgenehmigung") == [("invoice.pdf", 2), ("permit.pdf", 1)]
    assert _where(case, "payment zollamt OR brest") == [("invoice.pdf", 2)]


def test_a_leading_minus_excludes_pages_with_that_word(case: Case, docs: dict[str, int]) -> None:
    assert _where(case, "станц* -гроза") == [("nota.pdf", 1)]
    assert _where(case, 'станц* -"комплексы управления"') == [("nota.pdf", 1)]


def test_snippets_mark_the_match_and_hits_name_document_and_page(case: Case, docs: dict[str, int]) -> None:
    [hit] = search(case, "Гроза")
    assert (hit.doc, hit.page, hit.filename) == (docs["nota.pdf"], 2, "nota.pdf")
    assert f"{SNIPPET_OPEN}Гроза{SNIPPET_CLOSE}" in hit.snippet
    assert hit.to_json()["snippet"] == hit.snippet
    assert set(hit.to_json()) >= {"doc", "page", "snippet"}


def test_hits_are_ranked_with_the_best_match_first(case: Case) -> None:
    _add(case, "weak.pdf", ["Radar mentioned once among many other words about logistics and weather."])
    _add(case, "strong.pdf", ["Radar radar radar: the radar station report."])
    assert [h.filename for h in search(case, "radar")] == ["strong.pdf", "weak.pdf"]


def test_search_can_be_limited_to_one_document(case: Case, docs: dict[str, int]) -> None:
    hits = search(case, "станц* OR invoice", document_id=docs["invoice.pdf"])
    assert [(h.filename, h.page) for h in hits] == [("invoice.pdf", 1)]


def test_an_empty_query_is_a_clear_error(case: Case) -> None:
    for query in ("", "   ", '""', "-", "*", "OR", "-foo"):
        with pytest.raises(InvalidInputError, match="at least one word"):
            search(case, query)


HOSTILE = [
    '"', '""""', '"unclosed', "a\"b", "NEAR(a b)", "a AND", "AND OR NOT", "(((", ")", "^a", "a:b",
    "text:secret", "{a b}", "a + b", "*a", "a**", "-", "--", "- -x", "OR OR", "x OR", "OR x",
    "'; DROP TABLE pages; --", "\x00", "\u202e", "a\u0000b", "🙂", "NOT x", "x NOT y", "col : x",
    "rank:1", "pages_fts", "a NEAR/2 b", "\\", "%", "_", "a''b", "ⓐⓑ", "\ufffd", "x" * 5000, "\ud800", "a\udfffb", "\x1b[31m",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_strings_never_raise_fts_syntax_errors(case: Case, docs: dict[str, int],
                                                             query: str) -> None:
    try:
        search(case, query)
    except InvalidInputError as exc:
        assert "at least one word" in str(exc)


def test_random_punctuation_soup_never_breaks_the_query(case: Case, docs: dict[str, int]) -> None:
    rng = random.Random(7)
    alphabet = [*'"*-()^:+{}[]<>.,;!?/\\| \'ORANDNOTNEAR', "OR", "AND", "NOT", "NEAR", "станц", "x"]
    for _ in range(300):
        query = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 14)))
        with contextlib.suppress(InvalidInputError):
            search(case, query)


def test_parsed_queries_quote_every_term_in_the_fold_form_of_the_index(case: Case) -> None:
    parsed = parse_query('Гроза "fire control" -NEAR zoll* OR Straße')
    assert parsed.fts == ('(text : "гроза" OR stems : ("гроз")) AND text : "fire control" AND '
                          '(text : "zoll"* OR (text : "strasse" OR stems : ("strass"))) '
                          'NOT (text : "near" OR stems : ("near"))')
    assert parsed.terms == ("Гроза", "fire control", "zoll", "Straße")


def test_imported_pdf_text_is_searchable(case: Case, tmp_path: Path) -> None:
    pdf = write_text_pdf(tmp_path / "nota.pdf", ["Посольство Республики. Нота вербальная № 77.",
                                                 "Second page: Fire-control systems."])
    report = import_paths(case, [pdf])
    assert [(h.doc, h.page) for h in search(case, "вербальная")] == [(report.imported[0].document_id, 1)]
    assert [h.page for h in search(case, '"fire-control systems"')] == [2]


def test_a_limit_below_one_is_a_clear_error(case: Case, docs: dict[str, int]) -> None:
    with pytest.raises(InvalidInputError, match="at least 1"):
        search(case, "invoice", limit=0)
    assert len(search(case, "станц* OR invoice", limit=1)) == 1


def test_a_word_finds_its_inflected_forms_but_a_quoted_phrase_stays_exact(case: Case) -> None:
    _add(case, "letter.pdf", ["Письмо Гарбузу от 12 марта.", "Lieferungen nach Minsk."])
    assert _where(case, "Гарбуз") == [("letter.pdf", 1)]
    assert _where(case, '"Гарбуз"') == []
    assert _where(case, "Гарбуз*") == [("letter.pdf", 1)]
    assert _where(case, "Lieferung") == [("letter.pdf", 2)]
    [hit] = search(case, "Гарбуз")
    assert f"{SNIPPET_OPEN}Гарбузу{SNIPPET_CLOSE}" in hit.snippet
