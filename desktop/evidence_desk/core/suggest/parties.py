"""Sender and recipient of a paper, from where correspondence names them: labelled header
lines ("From:", "Кому:", "Absender:", "Seller:"), a note verbale's opening formula
("The Embassy of … presents its compliments to the Ministry …"), and a letterhead
naming an organisation by its legal form."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_desk.core.suggest.orgs import LEGAL_FORM, LONG_FORMS

_SENDER_LABELS = (r"From|Sender|Author|Issued by|Issuer|Verfasser|Автор|Seller|Supplier|Exporter|Shipper|Ordering customer|"
                  r"От|От кого|Отправитель|Продавец|Поставщик|Экспортер|Экспортёр|Грузоотправитель|Плательщик|"
                  r"Von|Absender|Aussteller|Verkäufer|Lieferant|Exporteur|Auftraggeber")
_RECIPIENT_LABELS = (r"To|Recipient|Addressee|Buyer|Purchaser|Customer|Importer|Consignee|Beneficiary|"
                     r"Кому|Получатель|Адресат|Покупатель|Заказчик|Импортер|Импортёр|Грузополучатель|"
                     r"An|Empfänger|Käufer|Kunde|Besteller|Importeur|Begünstigter")
_LABELLED = {
    "sender": re.compile(rf"^[ \t]*(?:{_SENDER_LABELS})[ \t]*:[ \t]*(?P<v>\S.*?)[ \t]*$", re.I | re.M),
    "recipient": re.compile(rf"^[ \t]*(?:{_RECIPIENT_LABELS})[ \t]*:[ \t]*(?P<v>\S.*?)[ \t]*$", re.I | re.M),
}
# Opening formulas that name who speaks (and to whom): a note verbale's compliments, a
# certificate's "We, the …, certify".
_NOTE_FORMULAS = (
    re.compile(r"(?:^|[.!]\s+)(?:The\s+)?(?P<s>[A-Z][^\n.]{3,140}?)\s+presents its "
               r"compliments to (?:the\s+)?(?P<r>[^\n]{3,160}?)\s+and\s+(?:has|with)", re.M),
    re.compile(r"(?:^|[.!]\s+)(?P<s>[А-ЯЁ][^\n.]{3,140}?)\s+свидетельствует сво[её] уважение\s+(?P<r>[^\n]{3,160}?)"
               r"\s+и\s+имеет", re.M),
    re.compile(r"(?:^|[.!]\s+)(?:Die\s+|Das\s+|Der\s+)?(?P<s>[A-ZÄÖÜ][^\n.]{3,140}?)\s+(?:begrüßt|beehrt sich)\s+"
               r"(?:das|die|den|dem|der)?\s*(?P<r>[^\n]{3,160}?)\s+(?:und|,)", re.M),
)
_SPEAKER = (
    re.compile(r"(?:^|[.!]\s+)We,\s+(?:the\s+)?(?P<s>[^,\n]{3,140}),\s+(?:hereby\s+)?(?:certify|confirm|declare)", re.M),
    re.compile(r"(?:^|[.!]\s+)Мы,\s+(?P<s>[^,\n]{3,140}),\s+(?:настоящим\s+)?(?:подтверждаем|удостоверяем|заявляем)", re.M),
    re.compile(r"(?:^|[.!]\s+)Wir,\s+(?:die\s+|der\s+|das\s+)?(?P<s>[^,\n]{3,140}),\s+(?:erklären|bestätigen|versichern)",
               re.M),
)
# A contract names its parties before "hereinafter": the first is the one that sells or supplies.
_HEREINAFTER = re.compile(
    r"(?P<p>[^,\n]{3,140}?),?\s+(?:hereinafter|именуем\w*\s+в\s+дальнейшем|im\s+Folgenden|nachstehend)", re.I)
_PARTY_LEAD = re.compile(r"^.*?\b(?:between|and|by|zwischen|und|и|с|между)\s+", re.I)
# On an export permit or licence the exporter is who it is issued to; the issuing authority sends it.
_ISSUED_TO = re.compile(r"^[ \t]*(?:Exporter|Licensee|Holder|Экспортер|Экспортёр|Ausführer|Exporteur|"
                        r"Genehmigungsinhaber)[ \t]*:[ \t]*(?P<v>\S.*?)[ \t]*$", re.I | re.M)
_LABEL_LINE = re.compile(r"^\s*[^\W\d_][\w .\-/]{0,24}:\s*\S")
_ORG_LINE = re.compile(rf"{LEGAL_FORM.pattern}|(?<!\w)(?:{LONG_FORMS})(?!\w)", re.I)
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


def find_parties(text: str, header_end: int, kind: str | None = None) -> list[Party]:
    found: dict[str, Party] = {}
    if kind == "export_permit":
        m = _ISSUED_TO.search(text)
        if m and _clean(m.group("v")):
            found["recipient"] = Party("recipient", _clean(m.group("v")), m.group(0).strip(), m.start("v"),
                                       m.end("v"), "permit holder", 0.8)
    for field_name, pattern in _LABELLED.items():
        if field_name in found:
            continue
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
    for pattern in _SPEAKER:
        m = pattern.search(text)
        if m and "sender" not in found:
            found["sender"] = Party("sender", _clean(m.group("s")), " ".join(m.group(0).split()), m.start("s"),
                                    m.end("s"), "certifying body", 0.8)
    parties = [m for m in _HEREINAFTER.finditer(text) if _clean(_PARTY_LEAD.sub("", m.group("p")))][:2]
    if len(parties) == 2:
        for field_name, m in zip(("sender", "recipient"), parties, strict=True):
            if field_name not in found:
                value = _clean(_PARTY_LEAD.sub("", m.group("p")))
                found[field_name] = Party(field_name, value, " ".join(m.group(0).split()), m.start("p"), m.end("p"),
                                          "contract party", 0.7)
    _header_names(text[:max(header_end, 1)], found)
    if "sender" in found and "recipient" in found and found["sender"].value == found["recipient"].value:
        del found["sender"]  # the permit holder, read once as "Exporter:" for each side
    return list(found.values())


def _header_names(head: str, found: dict[str, Party]) -> None:
    """A letterhead naming an organisation is the sender; the next organisation the header
    names, on a line of its own (the address block), is the recipient."""
    seen: list[str] = []
    for line_match in re.finditer(r"[^\n]+", head[:900]):
        line = line_match.group(0)
        if _LABEL_LINE.match(line) or len(line.split()) > 12 or not _ORG_LINE.search(line):
            continue
        value = _clean(line)
        if any(value.casefold() == v.casefold() for v in seen):
            continue
        seen.append(value)
        field_name = "sender" if len(seen) == 1 else "recipient"
        if field_name not in found:
            how, conf = ("letterhead", 0.6) if field_name == "sender" else ("address block", 0.5)
            found[field_name] = Party(field_name, value, line.strip(), line_match.start(), line_match.end(), how, conf)
        if len(seen) == 2:
            return
