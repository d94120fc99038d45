"""Every file of the shared corpus ends imported or refused with a clear reason, as its
manifest says. The default run imports a fixed stratified sample; the whole corpus runs
under the `corpus_full` marker (run by `.ci/run` in a step of its own)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, ImportReport, import_paths
from evidence_desk.core.verify_case import verify_case
from tests.core.importing.corpus_expect import REFUSAL_CODES, CorpusFile, load, sample

# The probe's own verdicts map one to one onto the importer's refusal codes.
# (A "PDF" with no PDF syntax at all, such as qpdf's 5-byte `bad1.pdf`, is "unsupported".)
EXPECTED_CODE = {"malformed": {"malformed", "unsupported"}, "encrypted": {"encrypted"},
                 "zero_pages": {"zero_pages"}, "huge": {"huge"}, "unknown": {"malformed"}}


def _import_all(case: Case, files: list[CorpusFile]) -> tuple[ImportReport, float]:
    started = time.monotonic()
    report = import_paths(case, [f.path for f in files], ImportOptions(workers=2, timeout=30))
    return report, time.monotonic() - started


def _mismatches(files: list[CorpusFile], report: ImportReport) -> list[str]:
    outcomes = {o.path: o for o in report.outcomes}
    problems = []
    for f in files:
        o = outcomes.get(f.path)
        if o is None:
            problems.append(f"{f.rel}: no outcome")
            continue
        if f.should_import:
            if o.status not in ("imported", "duplicate"):
                problems.append(f"{f.rel} ({f.expect}) should import, got {o.status} {o.code}: {o.reason}")
            continue
        if o.status != "refused":
            problems.append(f"{f.rel} ({f.expect}) should be refused, got {o.status}")
            continue
        reason = o.reason
        if o.code not in REFUSAL_CODES:
            problems.append(f"{f.rel}: refusal code {o.code!r} is not one of the documented codes")
        if f.expect in EXPECTED_CODE and o.code not in EXPECTED_CODE[f.expect]:
            problems.append(f"{f.rel}: refused as {o.code}, the probe says {f.expect} ({reason})")
        if not reason or "\n" in reason or len(reason) > 300 or "Traceback" in reason:
            problems.append(f"{f.rel}: refusal reason is not one clear line: {reason!r}")
        if ".incoming" in reason or "/tmp/" in reason:
            problems.append(f"{f.rel}: refusal reason leaks an internal path: {reason!r}")
    return problems


def _check_case_after(case: Case, report: ImportReport) -> None:
    verdict = verify_case(case)
    assert verdict.ok, verdict.problems
    assert verdict.checked["documents"] == len(report.imported)


def test_a_stratified_sample_of_the_corpus_imports_or_is_refused_as_its_manifest_says(
    corpus: Path, case: Case
) -> None:
    files = sample(load(corpus))
    categories = {f.category for f in files}
    assert {"ok", "encrypted", "zero_pages", "malformed", "huge",
            "unknown-pillow-ok", "unknown-pillow-refuses"} <= categories
    report, seconds = _import_all(case, files)
    print(f"\ncorpus sample: {len(files)} files in {seconds:.1f} s — {report.summary()}")
    assert _mismatches(files, report) == []
    _check_case_after(case, report)


@pytest.mark.corpus_full
def test_every_corpus_file_imports_or_is_refused_as_its_manifest_says(corpus: Path, case: Case) -> None:
    files = load(corpus)
    report, seconds = _import_all(case, files)
    print(f"\nwhole corpus: {len(files)} files in {seconds:.1f} s — {report.summary()}")
    assert _mismatches(files, report) == []
    _check_case_after(case, report)


def test_the_summary_counts_imports_duplicates_and_refusals_with_reasons(corpus: Path, case: Case) -> None:
    files = load(corpus)
    good = next(f for f in files if f.expect == "ok" and f.kind == "pdf")
    locked = next(f for f in files if f.expect == "encrypted")
    empty = next(f for f in files if f.expect == "zero_pages")
    report = import_paths(case, [good.path, locked.path, empty.path, good.path])
    pages = report.imported[0].pages
    assert report.summary() == (f"1 imported ({pages} pages), 0 skipped as duplicates, 2 refused "
                                "(1 encrypted, 1 zero_pages)")
    again = import_paths(case, [good.path])
    assert [o.status for o in again.outcomes] == ["duplicate"]
    assert again.outcomes[0].document_id == report.imported[0].document_id
