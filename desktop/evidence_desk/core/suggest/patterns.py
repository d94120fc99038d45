"""Dates and money amounts in Russian, English and German text, with normalised values.

Dates normalise to ISO 8601 (`2021-03-12`); amounts to `1234567.89 RUB`.
OCR's usual slips are tolerated where they are cheap to allow ("Marz" for März)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

_MONTHS = {
    # Russian (genitive, as dates are written), English, German, with abbreviations
    "январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "мая": 5, "июн": 6, "июл": 7, "август": 8,
    "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
    "jän": 1, "mär": 3, "marz": 3, "maerz": 3, "mai": 5, "okt": 10, "dez": 12,
}
_RU_MONTH = r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
_EN_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
             r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_DE_MONTH = (r"(?:Januar|Jänner|Februar|März|Maerz|Marz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
             r"(?:Jan|Feb|Mär|Mar|Apr|Jun|Jul|Aug|Sept?|Okt|Nov|Dez)\.)")
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Mär|Apr|May|Mai|Jun|Jul|Aug|Sep|Oct|Okt|Nov|Dec|Dez)"

DATE_PATTERNS = [
    re.compile(r"(?<![\d/.])(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
    re.compile(r"(?<![\d/.])(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)(?![\d/])(?:\s*г\.)?"),
    re.compile(rf"(?<!\d)[«\"“]?(?P<d>\d{{1,2}})[»\"”]?\s+(?P<mon>{_RU_MONTH})\s+(?P<y>(?:19|20)\d\d)"
               r"(?:\s*(?:г\.|года))?", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})\.\s*(?P<mon>{_DE_MONTH})\s+(?P<y>(?:19|20)\d\d)", re.I),
    re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mon>{_EN_MONTH}),?\s+(?P<y>(?:19|20)\d\d)", re.I),
    re.compile(rf"(?P<mon>{_EN_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s+(?P<y>(?:19|20)\d\d)", re.I),
    # forms, bank advices and air waybills: "05-Mar-2021", "5 MAR 2021" (the latter above)
    re.compile(rf"(?<![\d-])(?P<d>\d{{1,2}})-(?P<mon>{_MONTH_ABBR})-(?P<y>(?:19|20)\d\d)(?![\d-])", re.I),
]

# OCR slips kept: a decimal point read as "°", a lost first group space ("5241 793,50").
_NUMBER = (r"\d{1,3}(?:[ \u00a0.,'’]\d{3})+(?:[.,°]\d{1,2})?|\d{4}(?:[ \u00a0]\d{3})+(?:[.,°]\d{1,2})?"
           r"|\d+(?:[.,°]\d{1,2})?")
# "ВОВ", "RUВ": "RUB" as OCR reads it with the Russian model.
_OCR_RUB = r"[RВР][UОУ][BВ]"
_CUR_BEFORE = r"US\$|USD|EUR|RUB|CHF|GBP|\$|€|£|" + _OCR_RUB
_CUR_AFTER = (_OCR_RUB + r"|USD|EUR|RUB|RUR|CHF|GBP|BYN|руб(?:\.|лей|ля|ль)?|р\.|рублей|долл(?:\.|аров)?(?:\s*США)?|"
              r"евро|Euro|EURO|Rubel|dollars?|US-Dollar|€|\$")
# Russian contracts spell the sum out between the figure and the currency:
# "1 234 567,89 (один миллион … восемьдесят девять копеек) рублей".
_SPELLED_OUT = r"(?:\s*\([^()\d]{3,240}\))?"
AMOUNT_PATTERNS = [
    # Russian accounts write the kopecks as a word of their own: "1 234 567 руб. 89 коп."
    re.compile(r"(?<![\d.,])(?P<num>\d{1,3}(?:[ \u00a0]\d{3})+|\d+)\s?(?P<cur>руб(?:\.|лей|ля|ль)?)\s?"
               r"(?P<kop>\d{1,2})\s?коп(?:\.|еек|ейки|ейка)?", re.I),
    re.compile(rf"(?P<cur>{_CUR_BEFORE})\s?(?P<num>{_NUMBER})(?![\d.,]\d)"),
    re.compile(rf"(?<![\d.,])(?P<num>{_NUMBER}){_SPELLED_OUT}\s?(?P<cur>{_CUR_AFTER})(?!\w)", re.I),
]
_CENTS = Decimal("0.01")
_CURRENCY = {"us$": "USD", "$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "us-dollar": "USD",
             "долл": "USD", "€": "EUR", "eur": "EUR", "euro": "EUR", "евро": "EUR", "rub": "RUB",
             "руб": "RUB", "р.": "RUB", "рублей": "RUB", "rur": "RUB", "rubel": "RUB", "£": "GBP", "gbp": "GBP", "chf": "CHF"}


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    text: str
    normalized: str


def _month(name: str) -> int | None:
    n = name.casefold().rstrip(".")
    for length in range(len(n), 1, -1):
        if n[:length] in _MONTHS:
            return _MONTHS[n[:length]]
    return None


def find_dates(text: str) -> list[Found]:
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            month = _month(m.group("mon")) if "mon" in m.groupdict() and m.group("mon") else int(m.group("m"))
            try:
                value = date(int(m.group("y")), month or 0, int(m.group("d")))
            except ValueError:
                continue
            taken.append((m.start(), m.end()))
            out.append(Found(m.start(), m.end(), m.group(0).strip(), value.isoformat()))
    return sorted(out, key=lambda f: f.start)


def parse_number(raw: str) -> Decimal | None:
    """"1 234 567,89", "1,234,567.89", "1.234.567,89", "1'234.50" → an exact Decimal (never a float)."""
    s = raw.replace("\u00a0", " ").replace("’", "'").replace("°", ".")
    m = re.search(r"[.,](\d{1,2})$", s)
    decimals = ""
    if m and not re.search(r"[ .,']\d{3}$", s):
        decimals = m.group(1)
        s = s[:m.start()]
    digits = re.sub(r"[ .,']", "", s)
    if not digits.isdigit():
        return None
    return Decimal(f"{digits}.{decimals or '0'}")


def _currency(raw: str) -> str:
    if re.fullmatch(_OCR_RUB, raw.strip()):
        return "RUB"
    c = raw.casefold().strip()
    for key, code in _CURRENCY.items():
        if c == key or c.startswith(key):
            return code
    return c.upper()


def find_amounts(text: str) -> list[Found]:
    out: list[Found] = []
    for pattern in AMOUNT_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in out):
                continue
            value = parse_number(m.group("num"))
            if value is None or _section_sign(text, m):
                continue
            if "kop" in m.groupdict():
                value += Decimal(m.group("kop")) / 100
            out.append(Found(m.start(), m.end(), m.group(0).strip(),
                             f"{value.quantize(_CENTS)} {_currency(m.group('cur'))}"))
    return sorted(out, key=lambda f: f.start)


def _section_sign(text: str, m: re.Match[str]) -> bool:
    """"$ 2 Der Kaufpreis …": OCR's reading of "§ 2" at the start of a line, not two dollars."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    return (m.group("cur") == "$" and not text[line_start:m.start()].strip()
            and m.group("num").isdigit() and len(m.group("num")) <= 3 and text[m.end():m.end() + 2].strip()[:1].isalpha())
