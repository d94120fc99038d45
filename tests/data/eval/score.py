"""Precision and recall of what the reading found against the evaluation set's ground truth.

Per document the prediction is what a reviewer is offered first: the most confident
own-reference suggestion, the date, kind, sender and recipient suggestions, every
amount suggested, and every number read as cited. A field is counted per document
(one truth, at most one prediction); amounts and citations per item."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from evidence_desk.core.links.refs import normalize_reference
from tests.data.eval.generate import EvalDoc

FIELDS = ("reference", "doc_date", "kind", "sender", "recipient")
ITEMS = ("amounts", "citations")


@dataclass
class Prediction:
    reference: str | None = None
    doc_date: str | None = None
    kind: str | None = None
    sender: str | None = None
    recipient: str | None = None
    amounts: set[str] = field(default_factory=set)
    citations: set[str] = field(default_factory=set)


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    truth: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.truth if self.truth else 1.0


def _party_match(got: str, want: str) -> bool:
    return fuzz.token_set_ratio(got.casefold(), want.casefold()) >= 85


def _same(name: str, got: str, want: str) -> bool:
    if name == "reference":
        return normalize_reference(got) == normalize_reference(want)
    if name in ("sender", "recipient"):
        return _party_match(got, want)
    return got == want


def score(docs: list[EvalDoc], predictions: dict[str, Prediction]) -> dict[tuple[str, str], Tally]:
    """(group, field) → tally; groups: all, each language, born-digital, scanned."""
    out: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for doc in docs:
        pred = predictions[doc.template.id]
        truth = doc.truth
        groups = ("all", doc.language, "scanned" if doc.scanned else "born-digital")
        want = {"reference": truth.reference, "doc_date": truth.date, "kind": truth.kind,
                "sender": truth.sender, "recipient": truth.recipient}
        for name in FIELDS:
            got, expected = getattr(pred, name), want[name]
            for g in groups:
                t = out[(g, name)]
                t.truth += expected is not None
                t.predicted += got is not None
                t.tp += got is not None and expected is not None and _same(name, got, expected)
        sets = {"amounts": (pred.amounts, set(truth.amounts)),
                "citations": ({normalize_reference(c) for c in pred.citations},
                              {normalize_reference(c) for c in truth.cites})}
        for name, (got_set, want_set) in sets.items():
            for g in groups:
                t = out[(g, name)]
                t.truth += len(want_set)
                t.predicted += len(got_set)
                t.tp += len(got_set & want_set)
    return out


def report(tallies: dict[tuple[str, str], Tally]) -> str:
    groups = ("all", "ru", "en", "de", "born-digital", "scanned")
    lines = [f"{'field':<11}" + "".join(f"{g:>16}" for g in groups)]
    for name in (*FIELDS, *ITEMS):
        row = f"{name:<11}"
        for g in groups:
            t = tallies.get((g, name), Tally())
            row += f"   P {t.precision:.2f} R {t.recall:.2f}"
        lines.append(row)
    return "\n".join(lines)


def misses(docs: list[EvalDoc], predictions: dict[str, Prediction], name: str) -> list[str]:
    """What went wrong for one field, to read (never to tune the rules to the set)."""
    out = []
    for doc in docs:
        pred, truth = predictions[doc.template.id], doc.truth
        if name in ITEMS:
            want = set(truth.amounts) if name == "amounts" else {normalize_reference(c) for c in truth.cites}
            got = pred.amounts if name == "amounts" else {normalize_reference(c) for c in pred.citations}
            if got != want:
                out.append(f"{doc.template.id} ({doc.layout}): missing {sorted(want - got)}, extra {sorted(got - want)}")
            continue
        want_v = {"reference": truth.reference, "doc_date": truth.date, "kind": truth.kind, "sender": truth.sender,
                  "recipient": truth.recipient}[name]
        got_v = getattr(pred, name)
        if (got_v is None) != (want_v is None) or (got_v is not None and want_v is not None
                                                    and not _same(name, got_v, want_v)):
            out.append(f"{doc.template.id} ({doc.layout}): got {got_v!r}, want {want_v!r}")
    return out
