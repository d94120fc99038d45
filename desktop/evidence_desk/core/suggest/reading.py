"""Reading a document the way its recipient does: the header says whose paper it is, the body
what it refers to.

Every reference number on a page gets a role. It is the document's *own* when its
label says so ("Исх. №", "Our ref.", "Unser Zeichen"), when it follows the heading
that names the paper ("INVOICE INV-…", "EXPORT PASSPORT No. …"), or when it stands
alone at the start of a header line ("№ 123 от …"). It is *cited* when reply or
reference words introduce it ("На № … от …", "under Contract No. …", "gemäß
Vertrag Nr. …"), when it is a later heading-like field of the header ("Contract
No. …" under "EXPORT PASSPORT No. …"), or when it stands in the body. A label that names no paper's
number ("Customer No.", "ИНН") makes it an *identifier*. In the small print after
the closing, a labelled number ("Aktenzeichen: …") is the letter's own; a number under
a header row takes its column's label (`columns`); a bare number right after a citing
phrase ("your letter of 5 March (QE/77-2021)") is cited. Where two own readings are
equally strong, both are kept and said to compete."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from evidence_desk.core.links.refs import (
    BARE,
    FoundReference,
    find_references,
    normalize_reference,
    plausible_reference,
)
from evidence_desk.core.suggest.columns import column_numbers
from evidence_desk.core.suggest.cues import (
    BODY_START,
    CITING,
    CLOSINGS,
    IDENTIFIER_LABELS,
    NUMBER_LABELS,
    OWN_LABELS,
    TITLES,
    cue_before,
)
from evidence_desk.core.suggest.patterns import find_dates

HEADER_MAX_LINES = 25
_POSSESSIVE_CITED = ("your", "ihr", "ваш", "на ")
_SENTENCE_END = re.compile(r"(?<!No)(?<!Nr)(?<!ref)(?<!Az)(?<!Исх)(?<!Ref)(?<!lt)(?<!Betr)[.;!?]\s+(?=[A-ZА-Я«\"])")
_LEFTOVER_WORD = re.compile(r"[^\W\d_]{2,}")
_WORD = re.compile(r"\w+")
# German titles are compounds: "Kaufvertrag", "Proformarechnung", "Zahlungsbestätigung".
_COMPOUND_ENDS = ("vertrag", "rechnung", "genehmigung", "bescheinigung", "erklärung", "bestätigung", "notiz")
_LABELLED_LINE = re.compile(r"^\s*[^\W\d_][\w .\-/]{0,24}:\s*\S")


@dataclass(frozen=True)
class Line:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class RefReading:
    ref: FoundReference
    role: str  # own | cited | incoming | identifier (a customer, account or tax number)
    strength: int  # own: 4 heading, 3 label, 2 header line, 1 weak; cited: 2 cue, 1 position
    cue: str
    line: Line
    evidence: str  # the words that gave the role, with the number

    @property
    def key(self) -> str:
        return self.ref.key


@dataclass
class PageReading:
    text: str
    lines: list[Line]
    header_end: int  # character offset where the body starts
    heading_kind: tuple[str, str, Line] | None  # (kind, title word, line)
    refs: list[RefReading] = field(default_factory=list)
    footer_start: int = 0  # character offset where the small print (closing, footer) starts

    def own(self) -> list[RefReading]:
        return [r for r in self.refs if r.role == "own"]

    def cited(self) -> list[RefReading]:
        return [r for r in self.refs if r.role == "cited"]

    def in_header(self, pos: int) -> bool:
        return pos < self.header_end


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for i, raw in enumerate(text.split("\n")):
        out.append(Line(i, pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def header_end(lines: list[Line], text: str) -> int:
    """Where the header ends: at the salutation, the compliments of a note, a contract's
    "hereinafter", or the first full-length line once a header item (a number, a date, a
    title, a labelled line) has been seen — a long line before any of them is a letterhead
    or a banner — and after HEADER_MAX_LINES lines at most."""
    seen = 0
    items = False
    for line in lines:
        if not line.text.strip():
            continue
        seen += 1
        if seen > 1 and BODY_START.search(line.text):
            return line.start
        if items and len(_WORD.findall(line.text)) >= 13:
            return line.start
        items = items or _header_item(line.text)
        if seen >= HEADER_MAX_LINES:
            return line.end
    return len(text)


def _header_item(line: str) -> bool:
    return bool(find_references(line) or find_dates(line) or title_kind(line) or _LABELLED_LINE.match(line))


# OCR drops umlauts ("ZAHLUNGSBESTATIGUNG") and reads Cyrillic titles in Latin letters ("AKT
# ПРИЕМА-ПЕРЕДАЧИ"); titles are compared through these one-to-one folds (positions do not move).
_LATIN_FOLD = str.maketrans("äöü", "aou")
_CYRILLIC_FOLD = str.maketrans("aekmhopctxy", "аекмнорстху")
_CYRILLIC_LETTER = re.compile(r"[а-яё]")


def title_haystack(text: str, word: str) -> str:
    """`text` (case-folded) folded the way title `word` is compared: Cyrillic words against the
    text with Latin look-alikes made Cyrillic, Latin words against the text without umlauts."""
    return text.translate(_CYRILLIC_FOLD if _CYRILLIC_LETTER.search(word) else _LATIN_FOLD)


def title_kind(line: str) -> tuple[str, str, int] | None:
    """(kind, title word, end of the word) when `line` starts with a title word (after at most
    two short words such as "COMMERCIAL" or a list number)."""
    low = line.casefold().strip()
    if not low or len(low) > 110:
        return None
    offset = len(line) - len(line.lstrip())
    best: tuple[int, int, str, str] | None = None
    for word, kind in TITLES:
        pos = title_haystack(low, word).find(title_haystack(word, word))
        if pos < 0 or (pos and low[pos - 1].isalnum() and not word.endswith(_COMPOUND_ENDS)):
            continue
        if len(_LEFTOVER_WORD.findall(low[:pos])) > 2 or cue_before(low[:pos], CITING) is not None \
                or ":" in low[:pos]:
            continue  # "Remittance information: INVOICE …" is a field naming another paper, not a title
        if best is None or (pos, -len(word)) < (best[0], -best[1]):
            best = (pos, len(word), word, kind)
    if best is None:
        return None
    return best[3], best[2], offset + best[0] + best[1]


def _heading(lines: list[Line], end: int) -> tuple[str, str, Line] | None:
    for line in lines:
        if line.start >= end:
            break
        found = title_kind(line.text)
        if found:
            return found[0], found[1], line
    return None


def _line_of(lines: list[Line], pos: int) -> Line:
    for line in lines:
        if line.start <= pos <= line.end:
            return line
    return lines[-1]


def _window(text: str, start: int, floor: int) -> str:
    """The words just before a number: back to the previous number, the sentence start or
    60 characters, whichever is nearest."""
    lo = max(floor, start - 60)
    chunk = text[lo:start]
    ends = list(_SENTENCE_END.finditer(chunk))
    if ends:
        chunk = chunk[ends[-1].end():]
    return chunk


def _is_pure_title(prefix: str, word: str) -> bool:
    """The line before the number is the title alone ("COMMERCIAL INVOICE", "Invoice:"), not a
    phrase that cites one ("к Контракту", "Re: Invoice")."""
    low = prefix.casefold()
    pos = low.find(word)
    if pos < 0:
        return False
    rest = low[:pos] + " " + low[pos + len(word):]
    cue = cue_before(low[:pos + len(word)], CITING)
    return len(_LEFTOVER_WORD.findall(rest)) <= 2 and (cue is None or cue.strip() in word) \
        and cue_before(rest, CITING) is None


def footer_start(lines: list[Line], text: str, header: int) -> int:
    """Where the small print starts: at the closing formula of a letter ("Yours faithfully", "Mit
    freundlichen Grüßen", "С уважением"), or at the last non-empty line."""
    filled = [line for line in lines if line.text.strip() and line.start >= header]
    for line in filled:
        if CLOSINGS.match(line.text):
            return line.start
    return filled[-1].start if len(filled) > 1 else len(text)


_SIGN_WORDS = {"no", "nr", "n", "number", "nummer", "номер"}


def _echoes(prefix: str, title: str) -> bool:
    """The words before the number repeat the title's ("Certificate No." under "CERTIFICATE OF
    ORIGIN", "Passport No." under "EXPORT PASSPORT"): the title's paper names its number."""
    words = [w for w in _LEFTOVER_WORD.findall(prefix.casefold()) if w not in _SIGN_WORDS]
    heading = set(_LEFTOVER_WORD.findall(title.casefold()))
    return bool(words) and all(w in heading for w in words)


def read_page(text: str, *, first_page: bool = True) -> PageReading:
    lines = split_lines(text) if text else [Line(0, 0, 0, "")]
    end = header_end(lines, text) if first_page else 0
    reading = PageReading(text, lines, end, _heading(lines, end) if first_page else None)
    reading.footer_start = footer_start(lines, text, end) if first_page else len(text)
    heading_taken = False
    prev_end = 0
    for ref in find_references(text):
        line = _line_of(lines, ref.start)
        in_header = ref.start < end
        floor = max(prev_end, line.start if in_header else 0)
        window = _window(text, ref.value_start, floor)
        prev_end = ref.end
        reading.refs.append(_classify(reading, ref, line, window, in_header, heading_taken))
        last = reading.refs[-1]
        if last.role == "own" and last.strength == 4:
            heading_taken = True
    title = reading.heading_kind[1] if reading.heading_kind else None
    for col in column_numbers([(line.start, line.text) for line in lines], title) if first_page else ():
        if not any(col.ref.start < r.ref.end and r.ref.start < col.ref.end for r in reading.refs):
            reading.refs.append(RefReading(col.ref, col.role, 3 if col.role == "own" else 2, f"column “{col.label}”",
                                           _line_of(lines, col.ref.start), f"{col.label}: {col.ref.value}"))
    reading.refs.extend(_bare_citations(reading))
    reading.refs.sort(key=lambda r: r.ref.start)
    if any(r.role == "own" and r.strength >= 3 for r in reading.refs):
        # Beside a number the heading or a label names as the paper's own, an unlabelled number
        # in the header is one of the fields listing other papers.
        reading.refs = [RefReading(r.ref, "cited", 1, "header field", r.line, r.evidence)
                        if r.role == "own" and r.strength == 1 else r for r in reading.refs]
    return reading


def _classify(reading: PageReading, ref: FoundReference, line: Line, window: str, in_header: bool,
              heading_taken: bool) -> RefReading:
    evidence = " ".join((window + reading.text[ref.value_start:ref.end]).split())

    def made(role: str, strength: int, cue: str) -> RefReading:
        return RefReading(ref, role, strength, cue, line, evidence)

    if ref.incoming:
        return made("incoming", 0, ref.prefix)
    identifier = _last_cue(window, IDENTIFIER_LABELS)
    if identifier and all(c is None or c[0] <= identifier[0] for c in
                          (_last_cue(window, OWN_LABELS), _last_cue(window, CITING))):
        return made("identifier", 0, identifier[1])  # "Customer No.: …", "ИНН …": no paper's number
    prefix_low = ref.prefix.casefold()
    if prefix_low.startswith(_POSSESSIVE_CITED):
        return made("cited", 2, ref.prefix)
    line_prefix = reading.text[line.start:ref.start]
    heading = reading.heading_kind
    if in_header and heading is not None and not heading_taken and line.index <= heading[2].index + 1:
        kind, word, hline = heading
        here = title_kind(line_prefix)
        if line.index == hline.index and _is_pure_title(reading.text[line.start:ref.value_start], word):
            return made("own", 4, word)
        if line.index in (hline.index + 1, hline.index + 2) and not find_references(hline.text) and (
                not _LEFTOVER_WORD.findall(line_prefix.casefold())
                or (here is not None and here[0] == kind and _is_pure_title(line_prefix, here[1]))
                or _echoes(line_prefix, hline.text)):
            return made("own", 4, word)
    own_cue = _last_cue(window, OWN_LABELS)
    cite_cue = _last_cue(window, CITING)
    if own_cue and (not cite_cue or own_cue[0] >= cite_cue[0]):
        return made("own", 3 if in_header else 2, own_cue[1])
    label = _last_cue(window, NUMBER_LABELS)
    if label and in_header and not cite_cue:
        return made("own", 3, label[1])
    if label and ref.start >= reading.footer_start and not cite_cue:
        return made("own", 2, label[1])  # "Aktenzeichen: … – bitte bei Antwort angeben" in the small print
    if cite_cue:
        return made("cited", 2, cite_cue[1])
    if in_header:
        bare_line = not _LEFTOVER_WORD.findall(line_prefix.casefold())
        return made("own", 2 if bare_line else 1, "header")
    return made("cited", 1, "")


def _last_cue(window: str, cues: tuple[str, ...]) -> tuple[int, str] | None:
    """(end position, cue) of the cue that ends nearest the number."""
    cue = cue_before(window, cues)
    return None if cue is None else (window.casefold().rfind(cue) + len(cue), cue)


# Between a citing word and a bare number only a date, "of", "dated", "vom", "от" and punctuation:
# "your letter of 5 March 2021 (QE/77-2021)", "Purchase Order WR-2019/RP-845".
_BARE_GAP = re.compile(r"^[\s(,:;]*(?:(?:of|dated|vom|от|from|date)\b[\s(,:;]*)?(?:\{date\}[\s(),:;]*)?\Z", re.I)


def _bare_citations(reading: PageReading) -> list[RefReading]:
    """Numbers written without a sign or a paper word, read as cited where a citing word stands just
    before them (never in the header's own place: they are only ever citations)."""
    text = reading.text
    taken = [(r.ref.start, r.ref.end) for r in reading.refs]
    out = []
    for m in BARE.finditer(text):
        value = m.group("value").rstrip(".-/")
        start, stop = m.start(), m.start() + len(value)
        if not plausible_reference(value) or any(start < e and s < stop for s, e in taken):
            continue
        window = _window(text, start, max([e for s, e in taken if e <= start] + [start - 60]))
        cue = _last_cue(window, CITING)
        if cue is None:
            continue
        gap = window[cue[0]:]
        for d in reversed(find_dates(gap)):
            gap = gap[:d.start] + "{date}" + gap[d.end:]
        if not _BARE_GAP.match(gap):
            continue
        ref = FoundReference(start, stop, start, "", value, normalize_reference(value))
        line = _line_of(reading.lines, start)
        out.append(RefReading(ref, "cited", 1, cue[1], line, " ".join((window + value).split())))
    return out
