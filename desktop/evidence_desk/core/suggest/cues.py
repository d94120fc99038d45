"""The words real correspondence uses around reference numbers, in Russian, English and German.

A letter prints its own number in its header ("Исх. № 04-11/2187 от 19.02.2021",
"Our ref.", "Unser Zeichen") or in its title ("INVOICE INV-…", "EXPORT PASSPORT No. …");
it cites other papers with reply and reference phrases ("На № … от …", "with
reference to your letter No. …", "under Contract No. …", "gemäß Vertrag Nr. …").
These lists are matched case-folded against the words just before a number."""

from __future__ import annotations

import re

# Words before a number that make it a citation of another paper.
CITING = (
    # Russian: replies, "under the contract", "according to", "to the invoice"
    "на №", "на n", "на ваш", "на исх", "на письмо", "на ноту", "ваш", "вашего", "вашей", "вашу",
    "ссылаясь", "со ссылкой", "в ответ", "в связи с", "по контракт", "по договор", "к контракт",
    "к договор", "контракт", "договор", "основание", "согласно", "в соответствии", "в рамках",
    "во исполнение", "на основании", "по сч", "к сч", "сч[её]т\\w*", "лицензи\\w*", "сертификат\\w*",
    "нот[ыеу]", "письм[уао]", "паспорт\\w*", "приложени[ея] к", "упомянут", "указанн", "прилагаем",
    "направляем", "разрешени\\w*", "декларац\\w*", "накладн\\w*", "спецификац\\w*",
    # English
    "your", "reference to", "referring to", "refer to", "in reply to", "in response to", "re:", "re ",
    "subject:", "under", "pursuant to", "in accordance with", "according to", "as per", "per ",
    "against", "covering", "enclosed", "enclosing", "attached", "see ", "of contract", "to contract",
    "to the contract", "annex", "for invoice", "with invoice", "and invoice", "the invoice", "invoice",
    "contract", "agreement", "permit", "licence", "license", "certificate", "passport", "letter",
    "note", "shipment", "order", "in respect of", "related to", "quoting", "offer", "quotation",
    # German
    "ihr", "ihre", "ihrem", "ihres", "bezug", "bezugnehmend", "unter bezugnahme", "gemäß", "gemäss",
    "laut", "lt.", "zu vertrag", "zum vertrag", "zur rechnung", "zu rechnung", "vertrag", "vertrages",
    "vertrags", "rechnung", "im rahmen", "entsprechend", "auf grundlage", "genehmigung", "erklärung",
    "bescheinigung", "betreff:", "betr.", "anlage", "nachtrag", "verbalnote", "schreiben", "angebot",
    "bestellung", "auftrag", "auftrags", "предложени[ея]", "заказ[ау]?", "инвойс\\w*",
    # remittance lines abbreviate: "INV 21/07 CONTR. K-2019/77", "PO 4711-A"
    "inv", "inv.", "contr.", "po ",
)
# Labels of numbers that are neither a paper's own nor a paper it cites: customers, accounts, taxes,
# telephones, registers ("Customer No.", "Kundennummer", "ИНН", "Konto-Nr.").
IDENTIFIER_LABELS = (
    "customer", "client", "account", "acct", "tax", "vat", "iban", "bic", "swift code", "phone", "tel", "fax",
    "kunden", "konto", "steuer", "ust", "telefon", "handelsregister", "hrb", "инн", "кпп", "огрн", "окпо", "бик",
    "р/с", "к/с", "расч", "лицев", "тел", "факс", "клиент", "абонент",
)
# Where the small print of a page starts: the closing formula of a letter.
CLOSINGS = re.compile(r"^\s*(?:yours (?:sincerely|faithfully|truly)|kind regards|best regards|sincerely|"
                      r"mit freundlichen grüßen|mit freundlichen grüssen|hochachtungsvoll|с уважением|"
                      r"im auftrag|i\.\s?a\.)", re.I)
# Labels that say "this is our own number", wherever they stand.
OWN_LABELS = (
    "исх", "наш исх", "наш №", "our ref", "our reference", "our file", "our no", "unser zeichen", "unser az",
    "unser aktenzeichen", "unsere zeichen", "unser geschäftszeichen", "unsere nr", "unsere referenz",
    "unsere ref",
)
# Labels that name a paper's number without saying whose: its own in the header (when no
# citing word stands before them), a citation in the body ("the Seller's offer Ref. No. …").
NUMBER_LABELS = (
    "az.", "aktenzeichen", "geschäftszeichen", "reference:", "ref.:", "ref:", "ref. no", "reference no",
    "reg. no", "рег. №", "регистрационный №", "registration no", "document no", "doc. no", "документ №",
)
# Title words: a heading made of one of these and a number is the paper's own number.
# Strongest (most specific) first; each maps to a document kind.
TITLES: tuple[tuple[str, str], ...] = (
    ("end-user certificate", "end_user_certificate"), ("end user certificate", "end_user_certificate"),
    ("end-use certificate", "end_user_certificate"), ("end-use statement", "end_user_certificate"),
    ("сертификат конечного", "end_user_certificate"), ("endverbleibserklärung", "end_user_certificate"),
    ("endverbleibsbescheinigung", "end_user_certificate"), ("endverbleibserklarung", "end_user_certificate"),
    ("export passport", "export_permit"), ("export permit", "export_permit"), ("export licence", "export_permit"),
    ("export license", "export_permit"), ("паспорт экспорт", "export_permit"), ("экспортная лицензия", "export_permit"),
    ("лицензия на экспорт", "export_permit"),
    ("разрешение на экспорт", "export_permit"), ("разрешение на вывоз", "export_permit"),
    ("ausfuhrgenehmigung", "export_permit"), ("ausfuhrlizenz", "export_permit"), ("ausfuhrpass", "export_permit"),
    ("note verbale", "diplomatic_note"), ("вербальная нота", "diplomatic_note"), ("verbalnote", "diplomatic_note"),
    ("proforma invoice", "invoice"), ("pro forma invoice", "invoice"), ("commercial invoice", "invoice"),
    ("invoice", "invoice"), ("счёт-фактура", "invoice"), ("счет-фактура", "invoice"), ("счёт на оплату", "invoice"),
    ("счет на оплату", "invoice"), ("счёт", "invoice"), ("счет", "invoice"), ("инвойс", "invoice"),
    ("handelsrechnung", "invoice"), ("proformarechnung", "invoice"), ("proforma-rechnung", "invoice"), ("rechnung", "invoice"),
    ("supplementary agreement", "contract"), ("дополнительное соглашение", "contract"), ("annex", "contract"),
    ("appendix", "contract"), ("приложение", "contract"), ("anlage", "contract"), ("nachtrag", "contract"),
    ("contract", "contract"), ("agreement", "contract"), ("контракт", "contract"), ("договор", "contract"),
    ("vertrag", "contract"), ("vereinbarung", "contract"),
    ("certificate of origin", "other"), ("ursprungszeugnis", "other"), ("сертификат происхождения", "other"),
    ("shipping instruction", "other"), ("packing list", "other"), ("credit advice", "other"), ("debit advice", "other"),
    ("lieferschein", "other"), ("quittung", "other"), ("packliste", "other"), ("bescheid", "export_permit"),
    ("акт ", "other"), ("доверенность", "other"), ("упаковочный лист", "other"),
    ("payment confirmation", "other"), ("confirmation of payment", "other"), ("swift", "other"),
    ("подтверждение", "other"), ("платежное поручение", "other"), ("платёжное поручение", "other"),
    ("zahlungsbestätigung", "other"), ("bankbestätigung", "other"), ("gutschriftsanzeige", "other"),
    ("forwarder", "other"), ("receipt", "other"), ("fcr", "other"), ("bill of lading", "other"),
    ("air waybill", "other"), ("экспедитор", "other"), ("расписка", "other"), ("накладная", "other"),
    ("übernahmebescheinigung", "other"), ("spediteur", "other"), ("frachtbrief", "other"),
    ("memorandum", "report"), ("memo", "report"), ("report", "report"), ("служебная записка", "report"),
    ("докладная записка", "report"), ("справка", "report"), ("отчёт", "report"), ("отчет", "report"),
    ("aktennotiz", "report"), ("vermerk", "report"), ("bericht", "report"), ("протокол", "report"),
    ("minutes", "report"), ("protokoll", "report"),
    ("note", "diplomatic_note"), ("нота", "diplomatic_note"),
)
# The first line of the body: after it, a number is no longer in the header.
BODY_START = re.compile(
    r"^\s*(?:dear\b|ladies and gentlemen|sirs\b|уважаем|господин|sehr geehrte|liebe[r]?\b|"
    r"hallo\b|hello\b|hi\b|guten tag|добрый день|здравствуйте)"
    r"|presents its compliments|has the honou?r|свидетельствует|имеет честь|beehrt sich|"
    r"hereinafter|именуем|im folgenden|nachstehend", re.I)
# Phrases that name the paper a letter is (when no title says it).
LETTER_WORDS = ("dear ", "уважаем", "sehr geehrte", "yours sincerely", "yours faithfully", "с уважением",
                "mit freundlichen", "kind regards", "best regards", "ladies and gentlemen")
EMAIL_HEADERS = re.compile(r"^\s*(?:from|sent|to|cc|subject|date|von|gesendet|an|betreff|datum|"
                           r"от кого|от|кому|тема|отправлено|дата)\s*:", re.I | re.M)
NOTE_WORDS = ("presents its compliments", "свидетельствует своё уважение", "свидетельствует свое уважение",
              "beehrt sich", "avail itself of this opportunity", "пользуется случаем",
              "benutzt diesen anlass", "benützt diesen anlass")


def cue_before(window: str, cues: tuple[str, ...]) -> str | None:
    """The cue nearest the end of `window` (the words just before a number), if any."""
    low = window.casefold()
    best: tuple[int, str] | None = None
    for cue in cues:
        if any(ch in cue for ch in "[]"):
            for m in re.finditer(cue, low):
                if best is None or m.end() > best[0]:
                    best = (m.end(), m.group(0))
            continue
        pos = low.rfind(cue)
        if pos >= 0 and _starts_word(low, pos, cue) and (best is None or pos + len(cue) > best[0]):
            best = (pos + len(cue), cue)
    return None if best is None else best[1]


# German writes papers as compounds ("Endverbleibserklärung Nr.", "Ausfuhrgenehmigung Nr."):
# these cues count at the end of a longer word too.
_COMPOUND_CUES = ("vertrag", "rechnung", "genehmigung", "erklärung", "bescheinigung", "bestätigung", "schreiben")


def _starts_word(text: str, pos: int, cue: str = "") -> bool:
    return pos == 0 or not text[pos - 1].isalnum() or cue in _COMPOUND_CUES
