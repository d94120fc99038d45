"""Document details suggested from the first page: own reference, date, kind, sender, recipient.

Each comes from where real correspondence puts it (see `reading`): the own number
from the header or heading, the date from the own number's line ("№ … от …",
"dated", "vom") or the header's date line, never from a cited paper's "от …"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_desk.core.suggest.cues import EMAIL_HEADERS, LETTER_WORDS, NOTE_WORDS
from evidence_desk.core.suggest.parties import find_parties
from evidence_desk.core.suggest.patterns import Found, find_dates
from evidence_desk.core.suggest.reading import PageReading, RefReading, read_page, title_haystack

_NOT_ISSUE_DATE = re.compile(
    r"(?<!\w)(?:valid|expir|until|bis|gültig|до|действ\w*|birth|geboren|рожд\w*|received|eingegangen|получен\w*|"
    r"вх\.|deadline|frist|срок|delivery|lieferung|поставк\w*|"
    r"(?:schreiben|nachricht|brief|letter|note|message|mail|письм\w*|нот\w*|сообщени\w*)\s+"
    r"(?:vom|от|of|dated|datiert))\W*$", re.I)
# "На № 15/334 от 02.02.2021", "Note No. 2021/NV-88 dated 5 March 2021" (the line may break).
# "or" is how OCR reads "от" at times.
_CITED_DATE_GAP = re.compile(r"^(?:[ \t,;:]*|[\s,;:]*(?:от|or|dated|of|vom|from|d\.d\.)[\s,:]*)\Z", re.I)
_OWN_DATE_GAP = re.compile(r"^[ \t,;:]*(?:от|or|dated|of|vom|from|date[d]?:?|datum:?|дата:?|,)?[ \t,:]*\Z", re.I)


@dataclass(frozen=True)
class FieldSuggestion:
    field: str  # a documents column: doc_date, reference, sender, recipient, kind
    value: str
    quote: str
    start: int
    end: int
    note: str = ""
    confidence: float = 1.0


def own_reference(reading: PageReading) -> list[FieldSuggestion]:
    """The own number; two when equally strong readings compete (each says so)."""
    own = reading.own()
    if not own:
        return []
    best = max(r.strength for r in own)
    top: dict[str, RefReading] = {}
    for r in own:
        if r.strength == best:
            top.setdefault(r.key, r)
    confidence = {4: 0.95, 3: 0.95, 2: 0.85, 1: 0.5}[best]
    if len(top) == 1:
        [r] = top.values()
        return [FieldSuggestion("reference", r.ref.value, r.evidence, r.ref.value_start, r.ref.end,
                                f"own reference ({_why(r)})", confidence)]
    values = list(top.values())[:2]
    out = []
    for r, other in ((values[0], values[1]), (values[1], values[0])):
        out.append(FieldSuggestion("reference", r.ref.value, r.evidence, r.ref.value_start, r.ref.end,
                                   f"two readings compete: {r.ref.value} ({_why(r)}) or {other.ref.value} "
                                   f"({_why(other)})", 0.5 if r is values[0] else 0.45))
    return out


def _why(r: RefReading) -> str:
    return {4: f"heading “{r.cue}”", 3: f"label “{r.cue}”", 2: "header line", 1: "header"}.get(r.strength, r.cue)


def own_date(reading: PageReading, text: str) -> Found | None:
    dates = find_dates(text)
    if not dates:
        return None
    own = sorted(reading.own(), key=lambda r: -r.strength)
    for r in own[:1]:
        for d in dates:
            if d.start >= r.ref.end and d.start - r.ref.end <= 30 and _OWN_DATE_GAP.match(text[r.ref.end:d.start]):
                return d
    cited_ends = [r.ref.end for r in reading.cited()]

    def issue_date(d: Found) -> bool:
        before = text[max(0, d.start - 30):d.start]
        if any(0 <= d.start - e <= 30 and _CITED_DATE_GAP.match(text[e:d.start]) for e in cited_ends):
            return False  # "На № 15/334 от 02.02.2021": the cited paper's date
        return not _NOT_ISSUE_DATE.search(before)

    header = [d for d in dates if reading.in_header(d.start) and issue_date(d)]
    if header:
        return header[0]
    body = [d for d in dates if issue_date(d)]
    return body[0] if body else None


def guess_kind(reading: PageReading, text: str) -> tuple[str, str, int] | None:
    """(kind, the words that say it, where) — the heading first, then how the text reads."""
    if reading.heading_kind is not None:
        kind, word, line = reading.heading_kind
        pos = line.start + max(0, title_haystack(line.text.casefold(), word).find(title_haystack(word, word)))
        return kind, text[pos:pos + len(word)], pos
    low = text.casefold()
    for kind, words in (("diplomatic_note", NOTE_WORDS), ("letter", LETTER_WORDS)):
        for word in words:
            pos = low.find(word)
            if pos >= 0:
                return kind, text[pos:pos + len(word)], pos
    m = EMAIL_HEADERS.search(text[:600])
    if m and len(EMAIL_HEADERS.findall(text[:800])) >= 3:
        return "letter", m.group(0).strip(), m.start()
    return None


def suggest_fields(text: str, reading: PageReading | None = None) -> list[FieldSuggestion]:
    reading = reading or read_page(text)
    out: list[FieldSuggestion] = []
    d = own_date(reading, text)
    if d is not None:
        out.append(FieldSuggestion("doc_date", d.normalized, d.text, d.start, d.end))
    out.extend(own_reference(reading))
    kind = guess_kind(reading, text)
    for party in find_parties(text, reading.header_end, kind[0] if kind else None):
        out.append(FieldSuggestion(party.field, party.value, party.quote, party.start, party.end,
                                   party.how, party.confidence))
    if kind:
        name, word, pos = kind
        out.append(FieldSuggestion("kind", name, word, pos, pos + len(word)))
    return out
