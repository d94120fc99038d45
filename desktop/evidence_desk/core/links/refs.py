"""Reference numbers: finding them in text and folding them to one comparable key.

"№ 12/345-6", "No. 12/345-6", "Исх. № 12/345-6" and "12/345-6" are one
reference. Cyrillic letters that look like Latin ones (К/K, А/A, …) are folded
too: a Russian letter typed "К-2019/77" cites the contract filed as "K-2019/77"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХУавекмнорстху", "ABEKMHOPCTXYABEKMHOPCTXY")
# The words that introduce a reference number in Russian, English and German letters.
_PREFIX = (r"(?P<prefix>(?:(?:Исх|Вх|Our|Your|Ref|Reg|Invoice|Rechnung|Note|Permit|Licen[cs]e|Contract|"
           r"Vertrag|Контракт|контракт[ау]?|договор[ау]?|Счёт|Счет|счёт[ау]?|счет[ау]?|Нот[аы])\.?\s*"
           r"(?:ref\.?|No\.?|Nr\.?|№|N°)?\s*(?:No\.?|Nr\.?|№)?)"
           r"|Az\.|Aktenzeichen|Unser Zeichen|Ihr Zeichen|№|No\.|Nr\.|N°|Ref\.)\s*:?\s*")
_VALUE = r"(?P<value>[A-ZА-Я0-9][A-Za-zА-Яа-я0-9]*(?:[/\-.][A-Za-zА-Яа-я0-9]+)+|\d{3,})"
REFERENCE = re.compile(_PREFIX + _VALUE, re.IGNORECASE)
# A reference written bare, "(OTE-2021/QL-014/A1)": letters/digits joined by / or -.
BARE = re.compile(r"(?<![\w/.\-])(?P<value>[A-ZА-Я0-9][A-Za-zА-Яа-я0-9]*(?:[/\-][A-Za-zА-Яа-я0-9]+)+)")


@dataclass(frozen=True)
class FoundReference:
    start: int
    end: int
    value_start: int
    prefix: str
    value: str
    key: str

    @property
    def own(self) -> bool:
        p = self.prefix.casefold()
        return any(p.startswith(o) for o in ("исх", "our", "ref", "az", "aktenzeichen", "unser",
                                             "invoice", "rechnung", "note", "permit", "licen"))


def normalize_reference(text: str) -> str:
    """The comparable key: prefix words and spacing dropped, homoglyphs folded, upper case."""
    t = text.strip()
    m = re.match(_PREFIX, t, re.IGNORECASE)
    if m and m.end() < len(t):
        t = t[m.end():]
    t = t.translate(_HOMOGLYPHS).upper()
    t = re.sub(r"\s+", "", t)
    return t.strip(".,;:)(»«\"'")


def find_references(text: str, bare: bool = False) -> list[FoundReference]:
    """References introduced by a prefix (№, No., Az., Исх. №, …); with `bare`, also unprefixed
    reference-like tokens (for matching against known references, not for suggesting new ones)."""
    out = []
    for m in REFERENCE.finditer(text):
        value = m.group("value").rstrip(".-/")
        if not any(ch.isdigit() for ch in value):
            continue
        key = normalize_reference(value)
        out.append(FoundReference(m.start(), m.start("value") + len(value), m.start("value"),
                                  m.group("prefix").strip(), value, key))
    if bare:
        for m in BARE.finditer(text):
            value = m.group("value").rstrip(".-/")
            if not any(ch.isdigit() for ch in value) or any(m.start() < f.end and f.start < m.end() for f in out):
                continue
            out.append(FoundReference(m.start(), m.start() + len(value), m.start(), "", value,
                                      normalize_reference(value)))
        out.sort(key=lambda f: f.start)
    return out
