"""OCR as a job: resume after a kill, cancel, and clear errors when Tesseract or a language is missing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import AuditEntry, Job, Page
from evidence_desk.core.errors import CancelledError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.ocr import tesseract
from evidence_desk.core.ocr.service import (
    ocr_after_import,
    ocr_documents,
    resume_ocr,
    unfinished_pages,
)
from evidence_desk.core.progress import Progress
from tests.core.ocr import scans


@pytest.fixture(scope="module")
def four_page_scan(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("scan")
    src = scans.text_pdf(d / "src.pdf", [scans.ENGLISH, scans.GERMAN, scans.ENGLISH, scans.GERMAN])
    return scans.scanned_pdf(d / "scan.pdf", [scans.raster(src, i, dpi=150) for i in range(4)], dpi=150)


def _import(case: Case, path: Path) -> int:
    return import_paths(case, [path], ImportOptions(ocr="never")).imported[0].document_id


def _job_done(case_dir: Path) -> int:
    with Case.open(case_dir) as c, c.read() as s:
        return int(s.execute(select(func.coalesce(func.max(Job.done), 0))).scalar_one())


@pytest.mark.crash_trials
@pytest.mark.needs_tesseract("eng", "deu")
def test_an_ocr_job_killed_midway_resumes_where_it_stopped(case_dir, four_page_scan):
    with Case.open(case_dir, create=True) as c:
        doc_id = _import(c, four_page_scan)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[3] / "desktop"))
    proc = subprocess.Popen([sys.executable, "-m", "evidence_desk", "--case", str(case_dir), "ocr",
                             "--lang", "eng+deu", "--workers", "1", "--json"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _job_done(case_dir) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert proc.poll() is None, proc.stderr.read().decode()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    with Case.open(case_dir) as c:
        with c.read() as s:
            if not c.on_server:  # PostgreSQL has no such check: it keeps its pages whole itself
                assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
            job = s.execute(select(Job)).scalars().one()
        done_before = job.done
        assert job.state == "running" and 1 <= done_before < 4

        assert unfinished_pages(c) == 4 - done_before
        report = resume_ocr(c, Progress(), workers=1)

        assert report.resumed_jobs == [job.id]
        assert report.pages_done == 4 - done_before
        with c.read() as s:
            assert s.get(Job, job.id).state == "done"
            pages = s.execute(select(Page).where(Page.document_id == doc_id)).scalars().all()
            assert all(p.text_source == "ocr" and not p.needs_ocr for p in pages)
            per_page = s.execute(select(AuditEntry.target_id, func.count()).where(AuditEntry.action == "page.ocr")
                                 .group_by(AuditEntry.target_id)).all()
        assert len(per_page) == 4 and all(n == 1 for _, n in per_page)  # no page read twice
        assert unfinished_pages(c) == 0


@pytest.mark.needs_tesseract("eng")
def test_a_cancelled_ocr_job_stops_and_is_not_resumed_automatically(case, four_page_scan):
    doc_id = _import(case, four_page_scan)
    progress = Progress()
    progress.subscribe(lambda state: progress.cancel() if state.done >= 1 else None)
    report = ocr_documents(case, [doc_id], "eng", progress, workers=1)
    assert report.cancelled and 1 <= report.pages_done < 4
    with case.read() as s:
        assert s.execute(select(Job.state)).scalar_one() == "cancelled"
    with pytest.raises(CancelledError):
        progress.raise_if_cancelled()
    again = ocr_documents(case, [doc_id], "eng", Progress(), workers=2)
    assert again.resumed_jobs == [] and again.pages_done == 4 - report.pages_done


@pytest.mark.needs_tool("tesseract")
def test_a_missing_language_pack_names_the_debian_package_to_install(case):
    with pytest.raises(tesseract.OcrUnavailableError, match=r"tesseract-ocr-fra"):
        ocr_documents(case, None, "eng+fra", Progress())
    with pytest.raises(tesseract.OcrUnavailableError, match=r"tesseract-ocr-chi-sim"):
        tesseract.check_languages("chi_sim")


def test_missing_tesseract_says_what_to_install_and_import_still_succeeds(case, four_page_scan, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    with pytest.raises(tesseract.OcrUnavailableError, match=r"apt install tesseract-ocr"):
        ocr_documents(case, None, "eng", Progress())
    doc_id = _import(case, four_page_scan)
    result = ocr_after_import(case, [doc_id], ImportOptions(ocr="auto"), Progress())
    assert result["ocr_pages"] == 0 and "apt install tesseract-ocr" in result["messages"][0]


@pytest.mark.needs_tesseract("rus", "eng", "deu", "bel", "ukr", "aze")
def test_installed_languages_include_the_ones_ci_installs():
    assert {"rus", "eng", "deu", "bel", "ukr", "aze"} <= set(tesseract.installed_languages())


def test_default_languages_come_from_the_users_settings():
    from evidence_desk.core import settings
    from evidence_desk.core.ocr.service import default_languages

    assert default_languages() == "rus+eng+deu"
    settings.update("ocr_languages", "bel+eng")
    assert default_languages() == "bel+eng"
