"""Numbers that stand under their labels: a form's or an invoice's header row ("Rechnungsnummer
Rechnungsdatum Kundennummer", "Invoice No. | Date | Customer No.") and the row of values below it.

Each value is paired with the label in the same column (the rows have as many cells once dates
and amounts count as one cell each). The label says whose number it is: the paper's own
("Rechnungsnummer" under the title RECHNUNG, "Beleg-Nr.", "No."), one it cites ("Auftragsnummer",
"Order No.") or neither ("Kundennummer", "Customer No.")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from evidence_desk.core.links.refs import (
    FoundReference,
    normalize_reference,
    plausible_reference,
    repair_digits,
)
from evidence_desk.core.suggest.cues import CITING, IDENTIFIER_LABELS, cue_before
from evidence_desk.core.suggest.patterns import find_amounts, find_dates

_SIGN_WORD = re.compile(r"^(?:no\.?|nr\.?|№|number|nummer|номер|#)$", re.I)
_NUMBER_LABEL = re.compile(r"^(?P<stem>[^\W\d_]*?)[-\s]?(?:nummer|nr\.?|no\.?|number|номер|№|#)$", re.I)
_CELL = re.compile(r"[^\s|]+")
_OWN_STEMS = ("beleg", "dokument", "document", "doc", "ref", "referenz", "reference", "")


@dataclass(frozen=True)
class ColumnNumber:
    ref: FoundReference
    role: str  # own | cited | identifier
    label: str


def _labels(line: str) -> list[str]:
    """The header row's labels, "Invoice No." kept as one."""
    out: list[str] = []
    for token in _CELL.findall(line):
        if _SIGN_WORD.match(token) and out:
            out[-1] = f"{out[-1]} {token}"
        else:
            out.append(token)
    return out


def _cells(text: str, start: int) -> list[tuple[int, str]]:
    """(offset, text) of each cell of a value row; a date or an amount is one cell."""
    spans = sorted([(d.start, d.end) for d in find_dates(text)] + [(a.start, a.end) for a in find_amounts(text)])
    cells: list[tuple[int, str]] = []
    pos = 0
    for s, e in [*spans, (len(text), len(text))]:
        if s < pos:
            continue
        cells.extend((start + pos + m.start(), m.group(0)) for m in _CELL.finditer(text[pos:s]))
        if e > s:
            cells.append((start + s, text[s:e]))
        pos = e
    return cells


def _role(stem: str, title: str | None) -> str | None:
    low = stem.casefold()
    if any(low.startswith(label) for label in IDENTIFIER_LABELS):
        return "identifier"
    if low in _OWN_STEMS or (title and (low.startswith(title) or title.startswith(low.rstrip("s")))):
        return "own"
    if cue_before(low, CITING) is not None:
        return "cited"
    return None


def _rows(filled: list[tuple[int, str]]) -> list[tuple[list[str], list[tuple[int, str]]]]:
    """(labels, cells) pairs: a header row and the value row under it, either each on one line
    (as OCR and plain text read a table) or one cell per line (as a PDF's text layer keeps table
    cells: the run of label lines, then as many value lines)."""
    out = []
    for (_, head), (start, row) in pairwise(filled):
        labels = _labels(head)
        if len(labels) >= 2:
            out.append((labels, _cells(row, start)))
    i = 0
    while i < len(filled):
        j = i
        while j < len(filled) and not any(ch.isdigit() for ch in filled[j][1]) and len(_labels(filled[j][1])) == 1:
            j += 1
        # The run may begin with a title or a letterhead line: the header row is its last k lines,
        # with k the longest for which the k lines below are all short cells holding figures.
        for k in range(j - i, 1, -1):
            values = filled[j:j + k]
            if len(values) == k and all(len(t.split()) <= 3 and any(ch.isdigit() for ch in t) for _, t in values):
                out.append(([_labels(t)[0] for _, t in filled[j - k:j]],
                            [(start + len(text) - len(text.lstrip()), text.strip()) for start, text in values]))
                break
        i = max(j, i + 1)
    return out


def column_numbers(lines: list[tuple[int, str]], title: str | None) -> list[ColumnNumber]:
    """Numbers under number labels, from `lines` as (offset, text); `title` is the paper's title word."""
    out: list[ColumnNumber] = []
    filled = [(start, text) for start, text in lines if text.strip()]
    for labels, cells in _rows(filled):
        if len(cells) != len(labels) or not any(_NUMBER_LABEL.match(label) for label in labels):
            continue
        for label, (offset, cell) in zip(labels, cells, strict=True):
            m = _NUMBER_LABEL.match(label)
            value = repair_digits(cell.strip(".,;:"))
            if m is None or not plausible_reference(value, signed=True) or find_dates(value) or " " in value:
                continue
            role = _role(m.group("stem"), title)
            if role is not None:
                ref = FoundReference(offset, offset + len(value), offset, label, value, normalize_reference(value))
                out.append(ColumnNumber(ref, role, label))
    return out
