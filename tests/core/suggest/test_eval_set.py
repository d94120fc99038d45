"""The evaluation set is what the brief asks for, and its ground truth stands in its documents.

The set's scores through import and OCR are measured by tests/benchmarks/test_eval_bench.py;
here the reading of each document's own text guards against regressions."""

from __future__ import annotations

from tests.data.eval.generate import eval_documents
from tests.data.eval.predict import from_text
from tests.data.eval.score import score


def test_the_set_has_80_documents_in_3_languages_over_25_layouts_born_digital_and_scanned():
    docs = eval_documents()
    assert len(docs) >= 80 and len({d.layout for d in docs}) >= 25
    assert {d.language for d in docs} == {"ru", "en", "de"}
    assert sum(d.scanned for d in docs) >= 25 and sum(not d.scanned for d in docs) >= 50
    assert len({d.template.delivery for d in docs}) >= 4


def test_every_truth_value_is_printed_in_its_document():
    for doc in eval_documents():
        text = doc.template.text
        for value in [doc.truth.reference, *doc.truth.cites]:
            assert value is None or value in text, (doc.template.id, value)


def test_reading_the_documents_text_meets_the_targets():
    docs = eval_documents()
    tallies = score(docs, {d.template.id: from_text(d) for d in docs})
    for name in ("reference", "citations", "doc_date", "amounts"):
        t = tallies[("all", name)]
        assert t.precision >= 0.95 and t.recall >= 0.90, (name, t)
