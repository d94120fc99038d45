"""Organisations named by their legal form (ООО «…», JSC …, … GmbH), in Russian, English and German.

A legal form is the surest sign that a run of capitalised words is a company: "ОАО
«Интеграл»", "JSC Integral", "Zarnitsa Instrument Plant AG". The form is written
before the name in Russian and often in English ("JSC …"), after it in German and in
English ("… Ltd", "… GmbH")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_FORMS_BEFORE = (r"ООО|ОАО|ЗАО|АО|ПАО|НАО|ОДО|ЧУП|УП|ГУП|ФГУП|ГВТУП|РУП|ИП|НПО|НПП|ГП|"
                 r"JSC|OJSC|CJSC|PJSC|LLC|OOO|OAO|ZAO|SE|FSUE|SUE")
_FORMS_AFTER = (r"GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|KG|OHG|UG|e\.\s?V\.|SE|Ltd\.?|Limited|LLC|Inc\.?|Corp\.?|"
                r"PLC|plc|LLP|S\.A\.|S\.p\.A\.|B\.V\.|N\.V\.|Sp\.\s?z\s?o\.o\.|s\.r\.o\.|Oy|AB|A/S")
# The forms long enough to be recognised in capitals too ("ALTMARK ELEKTRONIK GMBH").
LONG_FORMS = r"GmbH|Ltd|Limited|LLC|JSC|OJSC|CJSC|PJSC|Inc|Corp|PLC|LLP|ООО|ОАО|ЗАО|ПАО|ГВТУП|ФГУП"
LEGAL_FORM = re.compile(rf"(?<!\w)(?:{_FORMS_BEFORE}|{_FORMS_AFTER})(?!\w)")
_QUOTED = r"[«\"“„][^»\"”“\n]{2,60}[»\"”“]"
_CAP_WORD = r"(?:[A-ZÄÖÜА-ЯЁ][\w&'’.\-]*|&|of|and|für|und|der|die|des|für)"
ORG_BEFORE = re.compile(rf"(?<!\w)(?P<form>{_FORMS_BEFORE})\s+(?P<name>{_QUOTED}|{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,4}})")
ORG_AFTER = re.compile(rf"(?P<name>[A-ZÄÖÜ][\w&'’.\-]*(?:\s+(?:&\s+)?[A-ZÄÖÜ][\w&'’.\-]*){{0,5}})\s*,?\s+"
                       rf"(?P<form>{_FORMS_AFTER})(?!\w)")
_STATE_BODY = re.compile(
    r"(?<!\w)(?:(?:The\s+)?(?:Ministry|Embassy|Federal Office|Federal Service|Committee|Agency|Department)"
    r"(?:\s+(?:of|for|on|and|the|[A-Z][\w\-]*)){1,7}"
    r"|(?:Министерств\w*|Посольств\w*|Комитет\w*|Федеральн\w+\s+служб\w*|Государственн\w+\s+комитет\w*)"
    r"(?:\s+(?:[а-яё]+|[А-ЯЁ][\w\-]*)){1,6}"
    r"|(?:Bundesamt|Bundesministerium|Botschaft|Auswärtiges Amt|Zollamt|Ministerium)"
    r"(?:\s+(?:für|der|des|und|von|[A-ZÄÖÜ][\w\-]*)){0,6})")


@dataclass(frozen=True)
class OrgName:
    start: int
    end: int
    text: str
    form: str
    type: str  # organisation | state_body


def find_organisations(text: str) -> list[OrgName]:
    out: list[OrgName] = []
    for pattern in (ORG_BEFORE, ORG_AFTER):
        for m in pattern.finditer(text):
            if any(m.start() < o.end and o.start < m.end() for o in out):
                continue
            name = m.group("name").strip(" ,.")
            if len(name) < 2 or name.casefold() in {"the", "and", "of"}:
                continue
            out.append(OrgName(m.start(), m.end(), " ".join(m.group(0).split()).rstrip(" ,"), m.group("form"),
                               "organisation"))
    for m in _STATE_BODY.finditer(text):
        if any(m.start() < o.end and o.start < m.end() for o in out):
            continue
        value = " ".join(m.group(0).split()).rstrip(" ,.")
        value = re.sub(r"\s+(?:of|for|on|and|the|für|der|des|und|von)$", "", value)
        if len(value.split()) >= 2:
            out.append(OrgName(m.start(), m.start() + len(value), value, "", "state_body"))
    return sorted(out, key=lambda o: o.start)
