"""Predictions for the evaluation set: from a case the documents were imported into (what the
user is offered), or straight from each template's text (a quick check without PDFs or OCR)."""

from __future__ import annotations

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Suggestion
from evidence_desk.core.suggest.fields import suggest_fields
from evidence_desk.core.suggest.patterns import find_amounts
from evidence_desk.core.suggest.reading import read_page
from tests.data.eval.generate import EvalDoc
from tests.data.eval.score import Prediction


def from_text(doc: EvalDoc) -> Prediction:
    text = doc.template.text
    pred = Prediction()
    best: dict[str, float] = {}
    for f in suggest_fields(text):
        if f.confidence > best.get(f.field, -1):
            best[f.field] = f.confidence
            setattr(pred, f.field, f.value)
    pred.amounts = {a.normalized for a in find_amounts(text)}
    pred.citations = {r.key for r in read_page(text).cited()}
    return pred


def from_case(case: Case) -> dict[str, Prediction]:
    """filename → prediction, from the pending suggestions of each document."""
    out: dict[str, Prediction] = {}
    with case.read() as s:
        names = dict(s.execute(select(Document.id, Document.filename)).all())
        rows = s.execute(select(Suggestion).where(Suggestion.status == "pending")
                         .order_by(Suggestion.document_id, Suggestion.id)).scalars().all()
        best: dict[tuple[int, str], float] = {}
        for doc_id in names:
            out[names[doc_id]] = Prediction()
        for sug in rows:
            pred = out[names[sug.document_id]]
            if sug.kind == "field" and sug.field:
                conf = sug.confidence if sug.confidence is not None else 1.0
                if conf > best.get((sug.document_id, sug.field), -1):
                    best[(sug.document_id, sug.field)] = conf
                    setattr(pred, sug.field, sug.value)
            elif sug.kind == "amount" and sug.normalized:
                pred.amounts.add(sug.normalized)
            elif sug.kind == "reference" and (sug.note or "").startswith("cited") and sug.normalized:
                pred.citations.add(sug.normalized)
    return out
