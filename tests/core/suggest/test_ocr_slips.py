"""What Tesseract makes of numbers, signs and layouts, and the reading that survives it.

Each case is a misreading seen in real OCR output of Russian, English and German scans
(rus+eng+deu): the reading must give the same own reference, date, amount and citations as
it gives for the printed text."""

from __future__ import annotations

import pytest

from evidence_desk.core.links.refs import find_references, normalize_reference
from evidence_desk.core.suggest.fields import suggest_fields
from evidence_desk.core.suggest.patterns import find_amounts, find_dates
from evidence_desk.core.suggest.reading import read_page


def roles(text: str) -> dict[str, str]:
    return {r.key: r.role for r in read_page(text).refs}


def own_reference(text: str) -> str | None:
    refs = [f for f in suggest_fields(text) if f.field == "reference"]
    return max(refs, key=lambda f: f.confidence).value if refs else None


@pytest.mark.parametrize("printed, read", [
    ("QE/VG/021/2021", "QE/VG/O21/2O21"),  # O for 0 inside digits
    ("INV-2021/014", "INV-2021/0l4"),  # l for 1
    ("455/ПНБ", "455/TIHB"),  # Cyrillic П read as Latin TI, Б as B
    ("B-2020/97", "В-2020/97"),  # Latin B read as Cyrillic В
])
def test_a_number_as_ocr_misreads_it_has_the_printed_numbers_key(printed, read):
    assert normalize_reference(read) == normalize_reference(printed)


def test_letters_of_a_word_part_are_not_turned_into_digits():
    assert normalize_reference("ORD-2O21") == "ORD-2021"
    assert normalize_reference("LI/OIL-7") == "LI/OIL-7"


def test_a_number_sign_read_with_a_stray_dot_still_introduces_the_own_number():
    text = "VERBALNOTE\n№. 9426-BM -\nDas Bundesamt beehrt sich, der Botschaft unter Bezugnahme auf deren Note Nr. FP/AR/673/2021 vom 27. Juni 2021 mitzuteilen …"
    assert own_reference(text) == "9426-BM"
    assert roles(text)["FP/AR/673/2021"] == "cited"


def test_an_incoming_stamp_read_in_latin_letters_is_still_a_stamp():
    text = ("Bx. No VNP-2021-419 or 13.08.2021 r.\nЗАО «КРИСТАЛЛ»\nНаш исх. № 01-4/829 от «25» сентября 2021 года\n"
            "Ваш № 5325-HW от 13.08.2021 г.\nУважаемые коллеги!")
    assert roles(text) == {"VNP-2021-419": "incoming", "01-4/829": "own", "5325-HW": "cited"}
    assert {f.field: f.value for f in suggest_fields(text)}["doc_date"] == "2021-09-25"


def test_the_cited_contracts_date_read_with_or_for_ot_is_not_the_annexs_date():
    text = ("ПРИЛОЖЕНИЕ No 1\nк Контракту № 036/ДЛН or 20.08.2022r.\nСПЕЦИФИКАЦИЯ\nг. Москва, 03.12.2022\n"
            "Станция радиоэлектронной борьбы 327 166,00 EUR")
    assert {f.field: f.value for f in suggest_fields(text)}["doc_date"] == "2022-12-03"


@pytest.mark.parametrize("text, value", [
    ("составляет 8 279 855,00 ВОВ.", "8279855.00 RUB"),  # RUB read with the Russian model
    ("в размере ВОВ 4 369 047,50 до", "4369047.50 RUB"),
    ("for a total of USD\n3,214,651°89.", "3214651.89 USD"),  # decimal point read as a degree sign
    ("в сумме 5241 793,50 рублей,", "5241793.50 RUB"),  # the first group's space lost
    ("Итого 1 234 567 руб. 89 коп.", "1234567.89 RUB"),
    ("Betrag: CHF 1'234'567.89", "1234567.89 CHF"),
    ("Total USD 1,234,567.89", "1234567.89 USD"),
    ("Summe 1.234.567,89 EUR", "1234567.89 EUR"),
])
def test_amounts_survive_ocr_and_national_spellings(text, value):
    assert [a.normalized for a in find_amounts(text)] == [value]


def test_a_section_sign_read_as_a_dollar_is_no_amount():
    assert [a.normalized for a in find_amounts("$ 2 Der Kaufpreis beträgt 8.556.945,89 EUR.")] == ["8556945.89 EUR"]


@pytest.mark.parametrize("text, iso", [
    ("Value Date: 31-Jan-2021", "2021-01-31"),
    ("Schkeuditz, den 12. Okt. 2020", "2020-10-12"),
    ("«5» мая 2021 года", "2021-05-05"),
    ("19 February 2021", "2021-02-19"),
    ("19. Februar 2021", "2021-02-19"),
    ("«19» февраля 2021 г.", "2021-02-19"),
])
def test_dates_written_in_forms_and_abbreviations(text, iso):
    assert [d.normalized for d in find_dates(text)] == [iso]


def test_an_aktenzeichen_in_the_footer_is_the_letters_own():
    text = ("Altmark GmbH\nAm Hafen 3 · 20457 Hamburg\nHamburg, den 12.10.2020\nElbtal GmbH\n"
            "Betreff: Nachlieferung zu Auftrag 6915-MR\nSehr geehrte Frau Hahn,\nwir liefern die fehlenden Teile nach "
            "und verrechnen mit der Rechnung Nr. 2-WF/2019.\nMit freundlichen Grüßen\nThomas Brandt\n"
            "Aktenzeichen: 9690-VN – bitte bei Antwort angeben")
    assert roles(text) == {"6915-MR": "cited", "2-WF/2019": "cited", "9690-VN": "own"}


def test_a_form_tells_its_ref_from_the_contract_and_the_customer_number():
    text = ("HARBOUR DYNAMICS LTD\nSHIPPING INSTRUCTION\nField Details\nRef: 72-98/2066\nDate: 18-Aug-2023\n"
            "Shipper: Harbour Dynamics Ltd\nContract: 223/11\nCustomer No.: 8-RS/2023\nDeclared value: £3,324,877.50")
    assert roles(text) == {"72-98/2066": "own", "223/11": "cited", "8-RS/2023": "identifier"}


def test_a_remittance_line_is_not_a_title_and_its_abbreviations_cite():
    text = ("CASTELLAN TRADE BANK PLC\nCREDIT ADVICE\nSender's Reference: 57/733-1\nValue Date: 31-Jan-2021\n"
            "Remittance Information: INV VPN/21-445 CONTRACT 067/36")
    assert roles(text) == {"57/733-1": "own", "VPN/21-445": "cited", "067/36": "cited"}


def test_a_title_repeated_before_the_number_makes_it_the_papers_own():
    text = ("CHAMBER OF COMMERCE OF LONDON\nCERTIFICATE OF ORIGIN\nCertificate No. AT-18328\n1. Exporter: Vector Ltd\n"
            "3. Goods: as per commercial invoice No. E-2022/50 dated November 17, 2022")
    assert roles(text) == {"AT-18328": "own", "E-2022/50": "cited"}


def test_a_bare_number_right_after_a_citing_phrase_is_cited_and_a_product_code_is_not():
    text = ("JSC MERIDIAN\n25.07.2021\nDear Sirs,\nThank you for your letter of 2021-03-20 (VAZ-PSZ/69-2021). The modules "
            "RXM-880 ordered under Purchase Order FZH-2021-186 will be dispatched.\nYours faithfully,\nIdris Sarrouf\n"
            "Our ref: 2021/VB-90 - Please quote this reference.")
    assert roles(text) == {"VAZ-PSZ/69-2021": "cited", "FZH-2021-186": "cited", "2021/VB-90": "own"}
    assert not find_references("modules RXM-880 ordered")


def test_numbers_under_a_header_row_take_their_columns_label():
    text = ("Nordwerk Spedition GmbH\nIndustriestraße 7 · 01109 Hamburg\nBrandtner GmbH\nRECHNUNG\n"
            "Rechnungsnummer Rechnungsdatum Kundennummer Auftragsnummer\nT-2019/73 21. August 2019 34/356-4 A-77/12\n"
            "Lieferung gemäß Auftragsbestätigung BSG-2019-338")
    assert roles(text) == {"T-2019/73": "own", "34/356-4": "identifier", "A-77/12": "cited", "BSG-2019-338": "cited"}
    fields = {f.field: f.value for f in suggest_fields(text)}
    assert (fields["reference"], fields["doc_date"], fields["kind"]) == ("T-2019/73", "2019-08-21", "invoice")


def test_titles_read_without_umlauts_or_in_latin_letters_still_name_the_kind():
    assert {f.field: f.value for f in suggest_fields("ELBTAL BANK AG\nZAHLUNGSBESTATIGUNG\nUnsere Referenz: 8057-AD")}[
        "kind"] == "other"
    assert {f.field: f.value for f in suggest_fields("AKT ПРИЕМА-ПЕРЕДАЧИ No K-2021/40\nг. Гомель 17.03.2021")}[
        "kind"] == "other"


def test_a_pdf_text_layer_that_keeps_table_cells_one_per_line_still_pairs_labels_and_values():
    text = ("Nordwerk Spedition GmbH\nBrandtner GmbH\nRECHNUNG\nRechnungsnummer\nRechnungsdatum\nKundennummer\n"
            "T-2019/73\n21. August 2019\n34/356-4\nLieferung gemäß Auftragsbestätigung BSG-2019-338\nPos.\nBetrag\n1\n"
            "4.038.992,50 EUR")
    assert roles(text) == {"T-2019/73": "own", "34/356-4": "identifier", "BSG-2019-338": "cited"}


def test_german_compound_number_labels_carry_their_sign():
    text = "NORDWERK AG\nLIEFERSCHEIN Nr. 1-BA/2020\nDatum: 15.5.2020\nIhre Bestell-Nr.: 818/D-20\nKunden-Nr.: 2020/VE-08"
    assert roles(text) == {"1-BA/2020": "own", "818/D-20": "cited", "2020/VE-08": "identifier"}
