"""The evaluation set imported as a user would: precision and recall of what the reading offers.

    uv run pytest -m benchmark tests/benchmarks/test_eval_bench.py -s

93 documents from 31 layouts (`tests/data/eval/layouts`) in Russian, English and German,
two thirds born-digital PDFs and one third scans (PNG, JPEG, image-only PDF), are written
with the demo's machinery, imported with `import_paths` + `after_import` (OCR rus+eng+deu,
then the reading), and the suggestions each document is offered are scored against the
ground truth: per field, per language, born-digital against scanned, and for citations.
Targets: own reference and citations P ≥ 0.95 and R ≥ 0.90; dates and amounts ≥ 0.95 / 0.90.
Figures are printed; the targets are asserted (they are quality, not speed)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.demo.generate import specimen_bytes
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.post_import import after_import
from evidence_desk.core.progress import Progress
from tests.data.eval.generate import eval_documents
from tests.data.eval.predict import from_case
from tests.data.eval.score import misses, report, score

pytestmark = [pytest.mark.benchmark, pytest.mark.timeout(1800)]
TARGETS = {"reference": (0.95, 0.90), "citations": (0.95, 0.90), "doc_date": (0.95, 0.90), "amounts": (0.95, 0.90)}


def test_the_reading_meets_its_targets_on_the_evaluation_set(tmp_path: Path) -> None:
    if shutil.which("tesseract") is None:
        pytest.skip("the scanned half needs Tesseract (Debian package tesseract-ocr)")
    docs = eval_documents()
    folder = tmp_path / "eval"
    folder.mkdir()
    for doc in docs:
        (folder / doc.template.filename).write_bytes(specimen_bytes(doc.template))
    case = Case.open(tmp_path / "case", create=True)
    options = ImportOptions(workers=2, ocr="auto", languages="rus+eng+deu")
    started = time.perf_counter()
    rep = import_paths(case, sorted(folder.iterdir()), options)
    after_import(case, rep, options, Progress())
    elapsed = time.perf_counter() - started
    by_file = from_case(case)
    predictions = {doc.template.id: by_file[doc.template.filename] for doc in docs}
    tallies = score(docs, predictions)
    scans = sum(d.scanned for d in docs)
    print(f"\nevaluation set: {len(docs)} documents, {len({d.layout for d in docs})} layouts, "
          f"{len(docs) - scans} born-digital, {scans} scanned; import + OCR + reading {elapsed:.1f} s")
    print(report(tallies))
    held = [d for d in docs if d.held_out]
    if held:
        print(f"held-out layouts (never tuned on): {len(held)} documents, {len({d.layout for d in held})} layouts")
        print(report(score(held, predictions)))
        for name in ("reference", "citations", "doc_date", "amounts"):
            for wrong in misses(held, predictions, name):
                print(f"  held-out {name}: {wrong}")
    for name in ("reference", "citations", "doc_date", "amounts", "kind"):
        wrong = misses(docs, predictions, name)
        if wrong:
            print(f"  {name}: {len(wrong)} documents differ, e.g. " + "; ".join(wrong[:4]))
    case.close()
    for name, (p, r) in TARGETS.items():
        t = tallies[("all", name)]
        assert t.precision >= p and t.recall >= r, f"{name}: P {t.precision:.2f} R {t.recall:.2f}"
