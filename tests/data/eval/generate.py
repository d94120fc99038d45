"""The evaluation set: documents generated from the layouts in `layouts/*.toml`, with ground truth.

A layout is the text of one kind of paper in the demo's line markup (`core/demo/markup`)
with slots: `{own}` (the paper's own number), `{date}` (its date), `{cite1}`… (numbers
it cites, `{cite1_date}` their dates), `{amount1}`… (money), `{sender}`, `{recipient}`,
`{person}`, `{city}`, `{noise1}`… (numbers that are neither the paper's own nor cited: a
registration stamp "Вх. №", a customer number); and `((one|other))` for wording that varies. Each layout gives
INSTANCES documents: the slots filled from fictitious pools by a seeded generator, each
time with another reference style, date format and number format of the layout's
language; the last instance is delivered as a scan. The ground truth is what was put in
the slots — no extraction code is involved in making it. Everything is fictitious."""

from __future__ import annotations

import random
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from evidence_desk.core.demo.corpus import DocTemplate, ScanSpec

HERE = Path(__file__).resolve().parent
INSTANCES = 3
SCAN_DELIVERIES = ("png", "jpeg", "scan-pdf")

MONTHS = {
    "ru": ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
           "ноября", "декабря"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"),
}
DATE_STYLES = {
    "ru": ("{d:02d}.{m:02d}.{y}", "«{d:02d}» {mon} {y} г.", "{d} {mon} {y} г.", "{y}-{m:02d}-{d:02d}", "{d:02d}.{m:02d}.{y} г.",
           "«{d}» {mon} {y} года", "{d:02d}.{m:02d}.{y}г."),
    "en": ("{d} {mon} {y}", "{mon} {d}, {y}", "{d:02d}.{m:02d}.{y}", "{y}-{m:02d}-{d:02d}", "{d}th {mon} {y}",
           "{d:02d}-{mab}-{y}", "{d} {mab} {y}", "{mab}. {d}, {y}", "{d:02d}/{m:02d}/{y}"),
    "de": ("{d:02d}.{m:02d}.{y}", "{d}. {mon} {y}", "{y}-{m:02d}-{d:02d}", "{d:02d}. {mon} {y}", "{d}.{m}.{y}",
           "{d}. {mab}. {y}"),
}
CURRENCIES = {"ru": ("RUB", "USD", "EUR"), "en": ("USD", "EUR", "GBP"), "de": ("EUR", "USD", "CHF")}
ORG_NAMES = {
    "ru": ("Интеграл", "Вектор", "Полесье", "Зарница", "Кристалл", "Меридиан", "Горизонт", "Сокол", "Альтаир",
           "Электроприбор", "Радиосвязь", "Протон"),
    "en": ("Integral", "Vector", "Meridian", "Kestrel", "Northgate", "Harbour Dynamics", "Bluewater", "Castellan",
           "Orion Systems", "Redcliff"),
    "de": ("Quellhorst", "Lindqvist-Hartmann", "Altmark", "Nordwerk", "Feyl", "Brandtner", "Elbtal", "Sarniza",
           "Rheinfeld", "Kronau"),
}
ORG_FORMS = {"ru": ("ООО «{n}»", "ОАО «{n}»", "ЗАО «{n}»", "АО «{n}»", "ГВТУП «{n}»"),
             "en": ("{n} Ltd", "JSC {n}", "{n} LLC", "{n} Limited"),
             "de": ("{n} GmbH", "{n} AG", "{n} Elektronik GmbH", "{n} Spedition GmbH")}
STATE_BODIES = {
    "ru": ("Министерство обороны Республики Островия", "Государственный комитет по военно-техническому сотрудничеству",
           "Министерство иностранных дел Республики Калдара"),
    "en": ("Ministry of Defence of the Republic of Qaldara", "Ministry of Foreign Affairs of the Republic of Ostrovia",
           "Defence Procurement Agency of Qaldara"),
    "de": ("Bundesamt für Ausfuhrkontrolle", "Verteidigungsministerium der Republik Qaldara",
           "Ministerium für Außenhandel der Republik Ostrowien"),
}
PEOPLE = {"ru": ("Семенов В. Н.", "Карпенко А. В.", "Гарбуз К. О.", "Щукин И. П.", "Веремеев И. С."),
          "en": ("John Whitaker", "Mary Collins", "Idris Sarrouf", "Peter Hale", "Anna Brooks"),
          "de": ("Jörg Feyl", "Sabine Krüger", "Thomas Brandt", "Ulrike Hahn", "Klaus Werner")}
CITIES = {"ru": ("Минск", "Велград", "Москва", "Гомель"), "en": ("London", "Velgrad", "Qasr Belun", "Leeds"),
          "de": ("Schkeuditz", "Hamburg", "Welgrad", "Dresden")}
# Reference styles seen in real correspondence: L = capital letter, C = Cyrillic capital, 9 = digit, Y = year.
REF_STYLES = ("99-99/9999", "LL/LL/999/Y", "LLL-Y/9999", "999/L-YY", "LL-99999", "LLL-Y-999", "9999-LL",
              "LLL/99-999", "Y/LL-99", "LL-Y/LL-999", "99/999-9", "L-Y/99", "LLL-LLL/99-Y", "9-LL/Y", "999/99")
RU_REF_STYLES = ("99-99/9999", "99/999-9", "999/CCC", "99-9/999", "9999/C-YY", "CCC-Y/99", "99/C-999")
_SLOT = re.compile(r"\{(\w+)\}")
_CHOICE = re.compile(r"\(\(([^()]*)\)\)")


@dataclass
class Truth:
    reference: str | None
    date: str
    kind: str
    sender: str | None
    recipient: str | None
    amounts: list[str] = field(default_factory=list)  # "1234567.89 EUR"
    cites: list[str] = field(default_factory=list)


@dataclass
class EvalDoc:
    template: DocTemplate
    layout: str
    language: str
    scanned: bool
    truth: Truth
    held_out: bool = False  # its layout was written after the reading rules were last changed


def _reference(rng: random.Random, lang: str, year: int) -> str:
    style = rng.choice(RU_REF_STYLES if lang == "ru" and rng.random() < 0.6 else REF_STYLES)
    out = []
    i = 0
    while i < len(style):
        if style.startswith("YY", i) and not style.startswith("Y/", i):
            out.append(str(year)[2:])
            i += 2
            continue
        ch = style[i]
        pool = {"L": "ABDEFGHKLMNPRSTVWZ", "C": "АБВГДКЛМНПРСТ", "9": "0123456789"}.get(ch)
        out.append(rng.choice(pool) if pool else str(year) if ch == "Y" else ch)
        i += 1
    return "".join(out)


def _date(rng: random.Random, lang: str, day: date) -> str:
    style = rng.choice(DATE_STYLES[lang])
    mon = MONTHS[lang][day.month - 1]
    return style.format(d=day.day, m=day.month, y=day.year, mon=mon, mab=mon[:3])


def _amount(rng: random.Random, lang: str) -> tuple[str, str]:
    value = Decimal(rng.randrange(1_000, 9_000_000)) + Decimal(rng.choice((0, 0, 50, 89, 25))) / 100
    currency = rng.choice(CURRENCIES[lang])
    whole, cents = f"{value:.2f}".split(".")
    groups = f"{int(whole):,}"
    if lang == "ru":
        number = groups.replace(",", "\u00a0" if rng.random() < 0.3 else " ") + "," + cents
        word = {"RUB": rng.choice(("руб.", "рублей", "RUB")), "USD": rng.choice(("долларов США", "USD")),
                "EUR": rng.choice(("евро", "EUR"))}[currency]
        text = f"{number} {word}" if rng.random() < 0.8 else f"{currency} {number}"
        if currency == "RUB" and rng.random() < 0.25:  # "1 234 567 руб. 89 коп."
            text = f"{number.split(',')[0]} руб. {cents} коп."
    elif lang == "de":
        number = groups.replace(",", ".") + "," + cents
        if currency == "CHF" and rng.random() < 0.5:  # Swiss: "CHF 1'234'567.89"
            number = groups.replace(",", "'") + "." + cents
        text = rng.choice((f"{number} {currency}", f"{currency} {number}", f"{number} €" if currency == "EUR"
                           else f"{number} {currency}"))
    else:
        number = f"{groups}.{cents}"
        symbol = {"USD": "US$", "EUR": "€", "GBP": "£"}[currency]
        text = rng.choice((f"{currency} {number}", f"{number} {currency}", f"{symbol}{number}"))
    return text, f"{value:.2f} {currency}"


def _org(rng: random.Random, lang: str, taken: set[str]) -> str:
    while True:
        name = rng.choice(ORG_FORMS[lang]).format(n=rng.choice(ORG_NAMES[lang]))
        if name not in taken:
            taken.add(name)
            return name


def _fill(layout: dict[str, object], index: int) -> EvalDoc:
    lang = str(layout["language"])
    rng = random.Random(f"{layout['id']}/{index}")
    text = str(layout["text"])
    text = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), text)
    day = date(2019, 1, 1) + timedelta(days=rng.randrange(0, 5 * 365))
    values: dict[str, str] = {"date": _date(rng, lang, day), "city": rng.choice(CITIES[lang]),
                              "person": rng.choice(PEOPLE[lang])}
    taken: set[str] = set()
    org_sender = bool(layout.get("sender_is_state", False))
    values["sender"] = rng.choice(STATE_BODIES[lang]) if org_sender else _org(rng, lang, taken)
    values["recipient"] = _org(rng, lang, taken) if layout.get("recipient_is_org", False) \
        else rng.choice(STATE_BODIES[lang])
    values["sender_upper"] = values["sender"].upper()
    values["own"] = _reference(rng, lang, day.year)
    amounts: list[str] = []
    cites: list[str] = []
    for slot in dict.fromkeys(_SLOT.findall(text)):
        if re.fullmatch(r"cite\d", slot):
            values[slot] = _reference(rng, lang, day.year - rng.randrange(0, 2))
            cites.append(values[slot])
        elif re.fullmatch(r"cite\d_date", slot):
            values[slot] = _date(rng, lang, day - timedelta(days=rng.randrange(5, 200)))
        elif re.fullmatch(r"noise\d", slot):
            values[slot] = _reference(rng, lang, day.year)
        elif re.fullmatch(r"amount\d", slot):
            values[slot], normal = _amount(rng, lang)
            amounts.append(normal)
    filled = _SLOT.sub(lambda m: values[m.group(1)], text)
    slots = set(_SLOT.findall(text))
    sender_slot = str(layout.get("sender_slot", "sender"))  # "person" where a person writes (e-mails, memos)
    has_sender = bool(slots & {"sender", "sender_upper"}) if sender_slot == "sender" else sender_slot in slots
    truth = Truth(reference=values["own"] if "own" in slots else None, date=day.isoformat(),
                  kind=str(layout["kind"]), sender=values[sender_slot] if has_sender else None,
                  recipient=values["recipient"] if "recipient" in slots else None,
                  amounts=sorted(set(amounts)), cites=cites)
    scanned = index == INSTANCES - 1
    delivery = SCAN_DELIVERIES[hash_index(str(layout["id"])) % len(SCAN_DELIVERIES)] if scanned else "pdf"
    tpl = DocTemplate(id=f"E{layout['id']}{index}", file=str(layout["id"]), language=lang, kind=truth.kind,
                      date=truth.date, reference=truth.reference or "", sender=truth.sender or "",
                      recipient=truth.recipient or "", title="", pages=(filled,), delivery=delivery,
                      scan=ScanSpec(skew=rng.uniform(-1.5, 1.5), dpi=200) if scanned else None)
    return EvalDoc(tpl, str(layout["id"]), lang, scanned, truth, bool(layout.get("held_out", False)))


def hash_index(text: str) -> int:
    return sum(text.encode())


def load_layouts(folder: Path | None = None) -> list[dict[str, object]]:
    out = []
    for path in sorted((folder or HERE / "layouts").glob("*.toml")):
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        data["id"] = path.stem
        out.append(data)
    return out


def eval_documents() -> list[EvalDoc]:
    return [_fill(layout, i) for layout in load_layouts() for i in range(INSTANCES)]
