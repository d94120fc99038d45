"""Sender and recipient of a paper, from where correspondence names them: labelled header
lines ("From:", "Кому:", "Absender:", "Seller:"), a note verbale's opening formula
("The Embassy of … presents its compliments to the Ministry …"), and a letterhead
naming an organisation by its legal form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_desk.core.suggest.orgs import LEGAL_FORM

_SENDER_LABELS = (r"From|Sender|Issued by|Issuer|Seller|Supplier|Exporter|Shipper|Ordering customer|"
                  r"От|От кого|Отправитель|Продавец|Поставщик|Экспортер|Экспортёр|Грузоотправитель|Плательщик|"
                  r"Von|Absender|Aussteller|Verkäufer|Lieferant|Exporteur|Auftraggeber")
_RECIPIENT_LABELS = (r"To|Recipient|Addressee|Buyer|Purchaser|Customer|Importer|Consignee|Beneficiary|"
                     r"Кому|Получатель|Адресат|Покупатель|Заказчик|Импортер|Импортёр|Грузополучатель|"
                     r"An|Empfänger|Käufer|Kunde|Besteller|Importeur|Begünstigter")
_LABELLED = {
    "sender": re.compile(rf"^[ \t]*(?:{_SENDER_LABELS})[ \t]*:[ \t]*(?P<v>\S.*?)[ \t]*$", re.I | re.M),
    "recipient": re.compile(rf"^[ \t]*(?:{_RECIPIENT_LABELS})[ \t]*:[ \t]*(?P<v>\S.*?)[ \t]*$", re.I | re.M),
}
_NOTE_FORMULAS = (
    re.compile(r"(?P<s>(?:The\s+)?(?:Embassy|Ministry|Permanent Mission|Consulate)[^\n]{3,140}?)\s+presents its "
               r"compliments to (?:the\s+)?(?P<r>[^\n]{3,160}?)\s+and\s+(?:has|with)", re.I | re.S),
    re.compile(r"(?P<s>(?:Посольство|Министерство|Постоянное представительство|Генеральное консульство)"
               r"[^\n]{3,140}?)\s+свидетельствует сво[её] уважение\s+(?P<r>[^\n]{3,160}?)\s+и\s+имеет",
               re.I | re.S),
    re.compile(r"(?P<s>(?:Die\s+)?(?:Botschaft|Ständige Vertretung|Generalkonsulat|Das\s+\w*ministerium)[^\n]{3,140}?)"
               r"\s+(?:begrüßt|beehrt sich)\s+(?:das|die|den|dem|der)?\s*(?P<r>[^\n]{3,160}?)\s+(?:und|,)",
               re.I | re.S),
)
_EMAIL_ADDRESS = re.compile(r"\s*[<\[(]?[\w.+-]+@[\w.-]+[>\])]?\s*")


@dataclass(frozen=True)
class Party:
    field: str  # sender | recipient
    value: str
    quote: str
    start: int
    end: int
    how: str
    confidence: float


def _clean(value: str) -> str:
    value = _EMAIL_ADDRESS.sub(" ", value)
    value = re.split(r"\s{3,}|\t|;", value)[0]
    return " ".join(value.split()).strip(" ,.;:")[:200]


def find_parties(text: str, header_end: int) -> list[Party]:
    found: dict[str, Party] = {}
    for field_name, pattern in _LABELLED.items():
        m = pattern.search(text)
        if m and _clean(m.group("v")):
            found[field_name] = Party(field_name, _clean(m.group("v")), m.group(0).strip(), m.start("v"),
                                      m.end("v"), "labelled line", 0.9)
    for pattern in _NOTE_FORMULAS:
        m = pattern.search(text)
        if m:
            for field_name, group in (("sender", "s"), ("recipient", "r")):
                value = _clean(re.sub(r"^(?:the|die|das)\s+", "", m.group(group), flags=re.I))
                if value and field_name not in found:
                    found[field_name] = Party(field_name, value, " ".join(m.group(0).split()), m.start(group),
                                              m.end(group), "note formula", 0.85)
            break
    if "sender" not in found:
        head = text[:max(header_end, 1)]
        for line_match in re.finditer(r"[^\n]+", head[:600]):
            line = line_match.group(0)
            if LEGAL_FORM.search(line) and len(line.split()) <= 12:
                found["sender"] = Party("sender", _clean(line), line.strip(), line_match.start(),
                                        line_match.end(), "letterhead", 0.6)
                break
    return list(found.values())
