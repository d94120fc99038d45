"""Dates, amounts and reference numbers in Russian, English and German."""

from __future__ import annotations

import pytest

from evidence_desk.core.links.refs import find_references, normalize_reference
from evidence_desk.core.suggest.fields import suggest_fields
from evidence_desk.core.suggest.patterns import find_amounts, find_dates


@pytest.mark.parametrize(("text", "iso"), [
    ("от 12.03.2021 г.", "2021-03-12"), ("12 марта 2021 г.", "2021-03-12"), ("3 March 2021", "2021-03-03"),
    ("March 3, 2021", "2021-03-03"), ("3. März 2021", "2021-03-03"), ("3. Marz 2021", "2021-03-03"),
    ("2021-03-12", "2021-03-12"), ("1st May 2020", "2020-05-01"), ("5 мая 2019 года", "2019-05-05"),
])
def test_dates_in_each_language_normalise_to_iso(text, iso):
    [found] = find_dates(f"Dated {text} here")
    assert found.normalized == iso


def test_impossible_dates_and_plain_numbers_are_not_dates():
    assert find_dates("31.02.2021, 12/345-6, 45.000.00 and 1234") == []


@pytest.mark.parametrize(("text", "value"), [
    ("1 234 567,89 руб.", "1234567.89 RUB"), ("USD 45,000.00", "45000.00 USD"), ("$ 1,234,567.89", "1234567.89 USD"),
    ("1.234.567,89 EUR", "1234567.89 EUR"), ("€500", "500.00 EUR"), ("2500 евро", "2500.00 EUR"),
    ("10 000 долл. США", "10000.00 USD"), ("EUR 2,500,000.00", "2500000.00 EUR"),
])
def test_amounts_with_currency_normalise_to_number_and_code(text, value):
    [found] = find_amounts(f"Sum: {text}.")
    assert found.normalized == value


@pytest.mark.parametrize("text", ["№ 12/345-6", "No. 12/345-6", "12/345-6", "Исх. № 12/345-6", "Ref. No. 12/345-6"])
def test_reference_spellings_share_one_key(text):
    assert normalize_reference(text) == "12/345-6"


def test_cyrillic_lookalike_letters_in_references_fold_to_latin():
    assert normalize_reference("К-2019/77") == normalize_reference("K-2019/77") == "K-2019/77"


def test_references_are_found_after_their_prefixes_and_own_numbers_are_told_apart():
    refs = find_references("Our ref. INV-2021-044; your letter No. 12/345-6; Az. 7-AB/2021; контракту № К-2019/77")
    assert [(r.key, r.own) for r in refs] == [("INV-2021-044", True), ("12/345-6", False),
                                              ("7-AB/2021", True), ("K-2019/77", False)]


def test_document_fields_are_suggested_from_the_first_page():
    text = "Invoice No. INV-2021-044 dated 3 March 2021\nFrom: JSC Primer Plant\nTo: Ministry of Defence\nTotal"
    fields = {f.field: f.value for f in suggest_fields(text)}
    assert fields == {"doc_date": "2021-03-03", "reference": "INV-2021-044", "sender": "JSC Primer Plant",
                      "recipient": "Ministry of Defence", "kind": "invoice"}
