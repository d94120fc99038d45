"""Own reference against cited references, the way correspondence places them, in ru, en and de."""

from __future__ import annotations

import pytest

from evidence_desk.core.suggest.fields import suggest_fields
from evidence_desk.core.suggest.reading import read_page


def roles(text: str) -> dict[str, str]:
    return {r.key: r.role for r in read_page(text).refs}


def details(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in suggest_fields(text):
        out.setdefault(f.field, []).append(f.value)
    return out


RU_LETTER = """ОАО «Интеграл»
220108, г. Минск, ул. Казинца, 121А, тел. +999 17 555 01 02, факс +999 17 555 01 03
Исх. № 04-11/2187 от 19.02.2021
На № 15/334 от 02.02.2021
Генеральному директору ООО «Альфа»
Уважаемый Иван Петрович!
В соответствии с контрактом № K-2019/77 от 20.11.2019 направляем счёт № 45 на сумму 1 234 567,89 руб."""


def test_a_russian_letter_owns_its_outgoing_number_and_cites_the_one_it_answers():
    assert roles(RU_LETTER) == {"04-11/2187": "own", "15/334": "cited", "K-2019/77": "cited", "45": "cited"}
    d = details(RU_LETTER)
    assert d["reference"] == ["04-11/2187"] and d["doc_date"] == ["2021-02-19"] and d["kind"] == ["letter"]


def test_the_date_of_the_answered_letter_is_not_the_letters_own_date():
    text = "ЗАО «Вектор»\nНа № 15/334 от 02.02.2021\n«19» февраля 2021 г.\nУважаемые коллеги!\nСообщаем о поставке."
    assert details(text)["doc_date"] == ["2021-02-19"]


def test_an_export_passport_owns_its_title_number_and_cites_the_invoice_and_contract_it_lists():
    text = ("EXPORT PASSPORT No. 2894-EP\nDate of issue: 12 March 2021\nContract No. K-2019/77\n"
            "Invoice No. INV-21/044\nExporter: JSC Integral\nImporter: Ministry of Defence of Testland")
    assert roles(text) == {"2894-EP": "own", "K-2019/77": "cited", "INV-21/044": "cited"}
    d = details(text)
    assert d["reference"] == ["2894-EP"] and d["kind"] == ["export_permit"] and d["doc_date"] == ["2021-03-12"]
    # A permit or passport is issued to the exporter: the holder is its recipient, not its sender.
    assert d["recipient"] == ["JSC Integral"] and "sender" not in d


def test_a_cover_note_that_merely_mentions_an_invoice_does_not_take_its_number():
    text = ("MEMO\nTo: Finance department\nFrom: Legal\n19 February 2021\n"
            "Please find attached Invoice INV-21/044 under Contract No. K-2019/77 for payment.")
    assert roles(text) == {"INV-21/044": "cited", "K-2019/77": "cited"}
    assert "reference" not in details(text)


def test_an_english_letter_with_our_ref_and_your_ref():
    text = ("QUELLE ENGINEERING LTD\nOur ref.: QE/VG/021/2021\nYour ref.: MOD/PD/77-2021\n19 February 2021\n"
            "Dear Sirs,\nWith reference to your letter No. MOD/PD/77-2021 and under Contract No. K-2019/77 we confirm.")
    assert roles(text) == {"QE/VG/021/2021": "own", "MOD/PD/77-2021": "cited", "K-2019/77": "cited"}
    assert details(text)["reference"] == ["QE/VG/021/2021"]


def test_a_german_reference_line_tells_unser_zeichen_from_ihr_zeichen():
    text = ("Quellhorst & Feyl Spedition GmbH\nFrachtring 88 · 04435 Schkeuditz\n"
            "Ihr Zeichen: AB-12/21   Ihre Nachricht vom 12.02.2021   Unser Zeichen: QF-21-118   Datum: 19.02.2021\n"
            "Sehr geehrte Damen und Herren,\nanbei die Rechnung Nr. INV-21/044 gemäß Vertrag Nr. K-2019/77.")
    assert roles(text) == {"AB-12/21": "cited", "QF-21-118": "own", "INV-21/044": "cited", "K-2019/77": "cited"}
    d = details(text)
    assert d["reference"] == ["QF-21-118"] and d["doc_date"] == ["2021-02-19"]


def test_a_german_invoice_owns_its_rechnung_number():
    text = ("Lindqvist-Hartmann Elektronik GmbH\nRECHNUNG Nr. LHE-2022-4471\nDatum: 19. Februar 2021\n"
            "Kunde: Talwir-Radio GmbH\nIhre Bestellung vom 11.04.2022, Ihre Endverbleibserklärung Az.: KR-EVE-22/09.\n"
            "Gesamtbetrag: 1.234.567,89 EUR")
    assert roles(text) == {"LHE-2022-4471": "own", "KR-EVE-22/09": "cited"}
    d = details(text)
    assert d["kind"] == ["invoice"] and d["doc_date"] == ["2021-02-19"] and d["reference"] == ["LHE-2022-4471"]


def test_an_annex_cites_the_contract_it_belongs_to():
    text = ("ПРИЛОЖЕНИЕ № 1\nк Контракту № OTE-2021/QL-014 от 20 мая 2021 г.\nСпецификация поставляемой продукции\n"
            "| № | Наименование | Кол-во | Цена |")
    assert roles(text) == {"OTE-2021/QL-014": "cited"}
    assert details(text)["kind"] == ["contract"]


def test_the_sellers_offer_reference_in_a_contract_body_is_a_citation():
    text = ("CONTRACT No. OTE-2021/QL-014\nVelgrad, 20 May 2021\nThe Seller, hereinafter the \"Seller\", and the Buyer "
            "have concluded this Contract on the basis of the Seller's offer Ref. No. OTE/1-14/0412 of 12 April 2021.")
    assert roles(text) == {"OTE-2021/QL-014": "own", "OTE/1-14/0412": "cited"}
    assert details(text)["doc_date"] == ["2021-05-20"]


def test_a_note_verbale_names_sender_and_recipient_in_its_opening_formula():
    text = ("EMBASSY OF THE REPUBLIC OF QALDARA\nNo. 114/21-VTS\nThe Embassy of the Republic of Qaldara presents its "
            "compliments to the Ministry of Foreign Affairs of the Republic of Ostrovia and has the honour to refer to "
            "the Ministry's Note No. 2021/NV-88.")
    assert roles(text) == {"114/21-VTS": "own", "2021/NV-88": "cited"}
    d = details(text)
    assert d["kind"] == ["diplomatic_note"]
    assert d["sender"] == ["Embassy of the Republic of Qaldara"]
    assert d["recipient"] == ["Ministry of Foreign Affairs of the Republic of Ostrovia"]


def test_two_equally_strong_own_readings_are_both_offered_and_say_they_compete():
    text = "INVOICE No. INV-7/21\nOur ref.: QE-55/2021\nDate: 2021-02-19\nSeller: Quelle Ltd"
    refs = [f for f in suggest_fields(text) if f.field == "reference"]
    assert refs[0].value == "INV-7/21"  # the heading's number is the one others cite
    text = "Исх. № 12/77\nНаш исх. № 13/88\n19.02.2021\nУважаемые коллеги!"
    refs = [f for f in suggest_fields(text) if f.field == "reference"]
    assert {r.value for r in refs} == {"12/77", "13/88"}
    assert all("two readings compete" in r.note and r.confidence < 0.6 for r in refs)


def test_an_incoming_stamp_is_neither_own_nor_cited():
    reading = read_page("Вх. № 7781 от 22.02.2021\nИсх. № 04-11/2187 от 19.02.2021\nУважаемый коллега!")
    assert [(r.key, r.role) for r in reading.refs] == [("7781", "incoming"), ("04-11/2187", "own")]


@pytest.mark.parametrize(("text", "cited"), [
    ("Ссылаясь на письмо № 17-2/554, сообщаем.", "17-2/554"),
    ("Во исполнение договора № 88/2020-П просим оплатить.", "88/2020-П"),
    ("In reply to your note No. 2021/NV-88 we inform you.", "2021/NV-88"),
    ("Pursuant to Licence No. EXP-21/0446 the goods were shipped.", "EXP-21/0446"),
    ("Bezugnehmend auf Ihr Schreiben Nr. BA-7/2021 teilen wir mit.", "BA-7/2021"),
    ("Gemäß Vertrag Nr. OTE-2021/QL-014 liefern wir.", "OTE-2021/QL-014"),
])
def test_reply_and_reference_phrases_make_citations_in_each_language(text, cited):
    from evidence_desk.core.links.refs import normalize_reference

    body = "Letterhead Ltd\nDear colleagues,\n" + text
    assert roles(body) == {normalize_reference(cited): "cited"}
