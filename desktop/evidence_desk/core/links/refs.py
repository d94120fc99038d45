"""Reference numbers: finding them in text and folding them to one comparable key.

"№ 12/345-6", "No. 12/345-6", "Исх. № 12/345-6" and "12/345-6" are one
reference. Cyrillic letters that look like Latin ones (К/K, А/A, …) are folded
too: a Russian letter typed "К-2019/77" cites the contract filed as "K-2019/77".

Finding is only half the work: whether a number is the document's own or one it
cites depends on where it stands and which words introduce it (`core/suggest/reading`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cyrillic letters that look like Latin ones, and "Б", which OCR reads as "B" in a Latin-looking number.
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХУБавекмнорстхуб", "ABEKMHOPCTXYBABEKMHOPCTXYB")
# Number signs: "№", "No.", "Nr.", "N°", and what OCR makes of "№" ("Ne", "N2" before a space, "№.").
_SIGN = r"(?:№\.?|N°|Nº|No\.?|Nr\.?|Number|Nummer|номер|#|Ne(?=\s)|N2(?=\s))"
# OCR reads a letter for a digit inside a run of digits ("2O21", "O14", "2l/7"): in a part of a number
# that has digits, these letters are the digits they look like.
_DIGIT_LOOKALIKES = str.maketrans("OoIl|", "00111")
_PART = re.compile(r"[^/\-.]+")
# OCR reads Cyrillic "П" as "TI" in numbers it takes for Latin ("455/ПНБ" → "455/TIHB").
_OCR_CYRILLIC = (("П", "TI"),)
# Labels that introduce a number without a sign: "Our ref.", "Unser Zeichen", "Az.", "Исх."
_LABEL = (r"(?:(?:Our|Your|My|Unser|Ihr|Ihre|Наш|Ваш)\s+)?"
          r"(?:ref(?:erence|erenz)?\.?|Zeichen|Az\.|Aktenzeichen|Geschäftszeichen|Исх\.?|Вх\.?|Bx\.?|Рег\.?|Reg\.?)")
# Words naming a kind of paper, which may carry its number directly: "Invoice INV-21/07".
# Orders and offers too ("Purchase Order PO-2021/17", "Auftrag 4711-AB"), and the abbreviations of
# remittance lines ("INV 21/07 CONTR. K-2019/77"); a label's colon may stand between ("Contract: 223/11").
_PAPER = (r"(?:Invoice|Inv\.?|Rechnung|Contract|Contr\.?|Vertrag|Agreement|Permit|Licen[cs]e|Passport|"
          r"Certificate|(?:Purchase\s+)?Order|PO|Offer|Quotation|Auftrag|Bestellung|Auftragsbestätigung|Angebot|"
          r"Контракт\w*|Договор\w*|Сч[её]т\w*|Лицензи\w*|Заказ\w*|Инвойс\w*|Спецификаци\w*)")
# German compounds carry the sign: "Bestell-Nr.", "Kunden-Nr.", "Rechnungs-Nr.".
_COMPOUND_SIGN = r"[^\W\d_]{3,}-(?:Nr|No)\.?"
_PREFIX = (rf"(?P<prefix>(?:{_LABEL}\s*:?\s*(?:{_SIGN}\s*:?\s*)?)|(?:{_COMPOUND_SIGN}\s*:?\s*)|(?:{_SIGN}\s*:?\s*)"
           rf"|(?:{_PAPER}\s*:?\s+(?=[A-ZА-Я0-9]+[/\-][A-ZА-Я0-9])))")
_VALUE = r"(?P<value>[A-ZА-Я0-9](?:[A-Za-zА-Яа-я0-9]|[/\-.](?=[A-Za-zА-Яа-я0-9]))*)"
_LEADING_WORDS = re.compile(rf"(?:{_PAPER}(?:\s*:\s*|\s+))?(?:{_LABEL}\s*:?\s*)?(?:{_SIGN}\s*:?\s*)?", re.IGNORECASE)
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
        return self.prefix.casefold().startswith(("вх", "bx"))  # "Bx." is how OCR reads "Вх." at times


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
    t = repair_digits(re.sub(r"\s+", "", t))
    for cyrillic, latin in _OCR_CYRILLIC:
        t = t.replace(cyrillic, latin)
    t = t.translate(_HOMOGLYPHS).upper()
    return t.strip(".,;:)(»«\"'")


def repair_digits(value: str) -> str:
    """"2O21/O14" → "2021/014": in each part of a number that holds a digit and otherwise only letters
    OCR mistakes for digits, those letters are digits (the length does not change)."""
    def part(m: re.Match[str]) -> str:
        p = m.group(0)
        if any(ch.isdigit() for ch in p) and all(ch.isdigit() or ch in "OoIl|" for ch in p):
            return p.translate(_DIGIT_LOOKALIKES)
        return p
    return _PART.sub(part, value)


def find_references(text: str, bare: bool = False) -> list[FoundReference]:
    """References introduced by a prefix (№, No., Az., Исх. №, …); with `bare`, also unprefixed
    reference-like tokens (for matching against known references, not for suggesting new ones)."""
    out = []
    for m in REFERENCE.finditer(text):
        value = repair_digits(m.group("value").rstrip(".-/"))
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
