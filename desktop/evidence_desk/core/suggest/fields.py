"""Document details suggested from the first page: date, own reference, sender, recipient, kind."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_desk.core.links.refs import find_references
from evidence_desk.core.suggest.patterns import find_dates

_SENDER = re.compile(r"^[ \t]*(?:From|Sender|От|Отправитель|Von|Absender)\s*:\s*(?P<v>\S.*?)\s*$",
                     re.I | re.M)
_RECIPIENT = re.compile(r"^[ \t]*(?:To|Recipient|Addressee|Кому|Получатель|Адресат|An|Empfänger)\s*:\s*(?P<v>\S.*?)\s*$",
                        re.I | re.M)
# Kind keywords, strongest first; a keyword in the first lines counts double (it is the title).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "diplomatic_note": ("note verbale", "вербальная нота", "verbalnote", "нота", "embassy presents its compliments",
                        "посольство свидетельствует"),
    "end_user_certificate": ("end-user certificate", "end user certificate", "сертификат конечного",
                             "endverbleibserklärung", "endverbleibserklarung"),
    "export_permit": ("export permit", "export licence", "export license", "export passport",
                      "экспортная лицензия", "паспорт экспортной", "разрешение на экспорт",
                      "ausfuhrgenehmigung"),
    "invoice": ("invoice", "счёт-фактура", "счет-фактура", "счёт на оплату", "счет на оплату", "rechnung"),
    "contract": ("contract no", "контракт №", "договор №", "vertrag nr", "agreement"),
    "report": ("report", "отчёт", "отчет", "bericht"),
    "letter": ("dear ", "уважаем", "sehr geehrte", "yours sincerely", "с уважением", "mit freundlichen"),
}


@dataclass(frozen=True)
class FieldSuggestion:
    field: str  # a documents column: doc_date, reference, sender, recipient, kind
    value: str
    quote: str
    start: int
    end: int


def guess_kind(text: str) -> tuple[str, str, int] | None:
    low = text.casefold()
    head = low[:400]
    best: tuple[int, str, str, int] | None = None
    for kind, words in KIND_WORDS.items():
        score, where, word_found = 0, -1, ""
        for word in words:
            pos = low.find(word)
            if pos < 0:
                continue
            score += 2 if word in head else 1
            if where < 0:
                where, word_found = pos, word
        if score and (best is None or score > best[0]):
            best = (score, kind, word_found, where)
    return None if best is None else (best[1], best[2], best[3])


def suggest_fields(text: str) -> list[FieldSuggestion]:
    out: list[FieldSuggestion] = []
    dates = find_dates(text[:1500])
    if dates:
        d = dates[0]
        out.append(FieldSuggestion("doc_date", d.normalized, d.text, d.start, d.end))
    refs = find_references(text[:1500])
    own = [r for r in refs if r.own] or refs[:1]
    if own:
        r = own[0]
        out.append(FieldSuggestion("reference", r.value, text[r.start:r.end], r.start, r.end))
    for field, pattern in (("sender", _SENDER), ("recipient", _RECIPIENT)):
        m = pattern.search(text)
        if m:
            out.append(FieldSuggestion(field, m.group("v")[:200], m.group(0).strip(), m.start("v"), m.end("v")))
    kind = guess_kind(text)
    if kind:
        name, word, pos = kind
        out.append(FieldSuggestion("kind", name, text[pos:pos + len(word)], pos, pos + len(word)))
    return out
