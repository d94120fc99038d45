"""Hostile sizes and the progress contract: a 50,000-page PDF, a hanging parser, and
the progress object a GUI shows during an import."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.errors import WorkerTimeout
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.progress import Progress, ProgressState
from evidence_desk.core.sandbox import SandboxWorker
from evidence_desk.core.verify_case import verify_case
from tests.core import sandbox_probes as probes
from tests.core.pdfs import write_text_pdf


def write_many_page_pdf(path: Path, pages: int) -> Path:
    """A valid PDF with `pages` pages sharing one small content stream, written directly
    (PyMuPDF would take minutes to build it page by page)."""
    content = b"BT /F1 12 Tf 72 720 Td (Page of a very long dossier) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [" % pages
        + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages)) + b"] >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    page = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R "
            b"/Resources << /Font << /F1 4 0 R >> >> >>")
    objects += [page] * pages
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_a_50000_page_pdf_is_refused_quickly_with_a_clear_reason(case: Case, tmp_path: Path) -> None:
    pdf = write_many_page_pdf(tmp_path / "dossier.pdf", 50_000)
    started = time.monotonic()
    report = import_paths(case, [pdf])
    print(f"\n50,000-page PDF refused in {time.monotonic() - started:.1f} s")
    [outcome] = report.refused
    assert outcome.code == "huge"
    assert "50,000 pages" in outcome.reason and "limit of 20,000" in outcome.reason
    assert verify_case(case).ok and case.originals.iter_stored() == []


@pytest.mark.slow
def test_a_50000_page_pdf_imports_when_the_limit_allows_it(case: Case, tmp_path: Path,
                                                          request: pytest.FixtureRequest) -> None:
    if "slow" not in request.config.option.markexpr or "not slow" in request.config.option.markexpr:
        pytest.skip("imports 50,000 pages: select with -m slow")
    pdf = write_many_page_pdf(tmp_path / "dossier.pdf", 50_000)
    progress = Progress()
    started = time.monotonic()
    report = import_paths(case, [pdf], ImportOptions(max_pages=60_000, chunk_pages=500), progress)
    print(f"\n50,000-page PDF imported in {time.monotonic() - started:.1f} s")
    assert report.imported[0].pages == 50_000
    assert verify_case(case).ok


def test_a_many_page_pdf_under_the_limit_imports_every_page(case: Case, tmp_path: Path) -> None:
    pdf = write_many_page_pdf(tmp_path / "dossier.pdf", 300)
    report = import_paths(case, [pdf], ImportOptions(chunk_pages=64))
    assert report.imported[0].pages == 300
    from evidence_desk.core.search import search

    assert len(search(case, "dossier", limit=1000)) == 300


def test_a_parser_call_that_hangs_is_stopped_at_its_time_limit() -> None:
    with SandboxWorker() as worker:
        started = time.monotonic()
        with pytest.raises(WorkerTimeout, match="within 1 s"):
            worker.call(probes.SLEEP, 30, timeout=1.0)
        assert time.monotonic() - started < 10
        assert worker.call(probes.PID, timeout=30) > 0  # a fresh worker replaced the stuck one


def test_a_worker_that_dies_is_reported_and_replaced() -> None:
    from evidence_desk.core.errors import WorkerCrashed

    with SandboxWorker() as worker:
        with pytest.raises(WorkerCrashed, match=r"exited with status 3|died"):
            worker.call(probes.EXIT_NOW, 3, timeout=30)
        assert worker.call(probes.PID, timeout=30) > 0


def test_progress_is_fed_during_an_import(case: Case, tmp_path: Path) -> None:
    files = [write_text_pdf(tmp_path / f"l{i}.pdf", [f"Letter {i}"]) for i in range(4)]
    (tmp_path / "notes.txt").write_text("not a document")
    seen: list[ProgressState] = []
    progress = Progress()
    progress.subscribe(seen.append)
    import_paths(case, [tmp_path], progress=progress)
    assert seen[0].label == "Importing" and seen[0].total == 5 and seen[0].done == 0
    assert [s.done for s in seen[1:]] == [1, 2, 3, 4, 5]
    assert seen[-1].fraction == 1.0
    assert {s.detail for s in seen[1:]} == {f.name for f in files} | {"notes.txt"}


def test_cancelling_through_progress_stops_the_import_and_keeps_the_case_sound(
    case: Case, tmp_path: Path
) -> None:
    for i in range(8):
        write_text_pdf(tmp_path / f"l{i}.pdf", [f"Letter {i}"])
    progress = Progress()
    progress.subscribe(lambda state: progress.cancel() if state.done >= 2 else None)
    report = import_paths(case, [tmp_path], ImportOptions(workers=1), progress)
    assert report.cancelled
    assert 2 <= len(report.imported) < 8
    assert verify_case(case).ok


def test_importing_a_folder_that_holds_the_case_skips_the_case_itself(case: Case, tmp_path: Path) -> None:
    write_text_pdf(tmp_path / "letter.pdf", ["Letter"])
    assert case.path.parent == tmp_path
    report = import_paths(case, [tmp_path])
    assert [o.path.name for o in report.outcomes] == ["letter.pdf"]
