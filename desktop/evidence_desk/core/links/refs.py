"""Reference numbers: finding them in text and folding them to one comparable key.

"№ 12/345-6", "No. 12/345-6", "Исх. № 12/345-6" and "12/345-6" are one
reference. Cyrillic letters that look like Latin ones (К/K, А/A, …) are folded
too: a Russian letter typed "К-2019/77" cites the contract filed as "K-2019/77".

Finding is only half the work: whether a number is the document's own or one it
cites depends on where it stands and which words introduce it (`core/suggest/reading`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХУавекмнорстху", "ABEKMHOPCTXYABEKMHOPCTXY")
# Number signs: "№", "No.", "Nr.", "N°", and what OCR makes of "№" ("Ne", "N2" before a space).
_SIGN = r"(?:№|N°|Nº|No\.?|Nr\.?|Number|Nummer|номер|#|Ne(?=\s)|N2(?=\s))"
# Labels that introduce a number without a sign: "Our ref.", "Unser Zeichen", "Az.", "Исх."
_LABEL = (r"(?:(?:Our|Your|My|Unser|Ihr|Ihre|Наш|Ваш)\s+)?"
          r"(?:ref(?:erence|erenz)?\.?|Zeichen|Az\.|Aktenzeichen|Geschäftszeichen|Исх\.?|Вх\.?|Рег\.?|Reg\.?)")
# Words naming a kind of paper, which may carry its number directly: "Invoice INV-21/07".
_PAPER = (r"(?:Invoice|Rechnung|Contract|Vertrag|Agreement|Permit|Licen[cs]e|Passport|Certificate|"
          r"Контракт\w*|Договор\w*|Сч[её]т\w*|Лицензи\w*)")
_PREFIX = (rf"(?P<prefix>(?:{_LABEL}\s*:?\s*(?:{_SIGN}\s*:?\s*)?)|(?:{_SIGN}\s*:?\s*)"
           rf"|(?:{_PAPER}\s+(?=[A-ZА-Я0-9]+[/\-][A-ZА-Я0-9])))")
_VALUE = r"(?P<value>[A-ZА-Я0-9](?:[A-Za-zА-Яа-я0-9]|[/\-.](?=[A-Za-zА-Яа-я0-9]))*)"
_LEADING_WORDS = re.compile(rf"(?:{_PAPER}\s*)?(?:{_LABEL}\s*:?\s*)?(?:{_SIGN}\s*:?\s*)?", re.IGNORECASE)
REFERENCE = re.compile(rf"(?<![\w/\-]){_PREFIX}{_VALUE}", re.IGNORECASE)
# A reference written bare, "(OTE-2021/QL-014/A1)": letters/digits joined by / or -.
BARE = re.compile(r"(?<![\w/.\-])(?P<value>[A-ZА-Я0-9][A-Za-zА-Яа-я0-9]*(?:[/\-][A-Za-zА-Яа-я0-9]+)+)")
_DATE_LIKE = re.compile(r"\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d")
_OWN_LABELS = ("исх", "наш", "our", "unser", "az", "aktenzeichen", "geschäftszeichen", "ref", "reg", "рег")


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
        """The prefix alone says "this is our number" (the context may still say otherwise)."""
        p = self.prefix.casefold()
        return any(p.startswith(o) for o in _OWN_LABELS)

    @property
    def incoming(self) -> bool:
        """"Вх. №": the receiver's registration stamp, neither the sender's number nor a citation."""
        return self.prefix.casefold().startswith("вх")


def plausible_reference(value: str, signed: bool = False) -> bool:
    """Digits in it, not a date, and long or structured enough not to be a page or item number
    (after a number sign, "№ 45" is a number; bare, "45" is not)."""
    if not any(ch.isdigit() for ch in value) or _DATE_LIKE.fullmatch(value):
        return False
    return len(value) >= (2 if signed else 3) or not value.isdigit()


def normalize_reference(text: str) -> str:
    """The comparable key: prefix words and spacing dropped, homoglyphs folded, upper case."""
    t = text.strip()
    m = _LEADING_WORDS.match(t)
    if m and 0 < m.end() < len(t):
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
        if not plausible_reference(value, signed=bool(re.search(_SIGN, m.group("prefix"), re.I))):
            continue
        out.append(FoundReference(m.start(), m.start("value") + len(value), m.start("value"),
                                  " ".join(m.group("prefix").split()), value, normalize_reference(value)))
    if bare:
        for m in BARE.finditer(text):
            value = m.group("value").rstrip(".-/")
            if not any(ch.isdigit() for ch in value) or any(m.start() < f.end and f.start < m.end() for f in out):
                continue
            out.append(FoundReference(m.start(), m.start() + len(value), m.start(), "", value,
                                      normalize_reference(value)))
        out.sort(key=lambda f: f.start)
    return out
