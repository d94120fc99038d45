"""Two OCR runs on one case at once (a second terminal, the window and a script): each
document is read by one of them only, and a job is resumed only once its process is gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import AuditEntry, Job
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.ocr import jobs
from tests.core.ocr import scans

DESKTOP = Path(__file__).resolve().parents[3] / "desktop"


@pytest.fixture(scope="module")
def four_page_scan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("scan")
    src = scans.text_pdf(d / "src.pdf", [scans.ENGLISH, scans.GERMAN, scans.ENGLISH, scans.GERMAN])
    return scans.scanned_pdf(d / "scan.pdf", [scans.raster(src, i, dpi=150) for i in range(4)], dpi=150)


def _ocr(case_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "evidence_desk", "--case", str(case_dir), "ocr", "--lang",
                             "eng+deu", "--workers", "1", "--json"], env=dict(os.environ, PYTHONPATH=str(DESKTOP)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_a_second_ocr_run_leaves_a_running_ones_document_alone(case_dir: Path, four_page_scan: Path) -> None:
    with Case.open(case_dir, create=True) as c:
        import_paths(c, [four_page_scan], ImportOptions(ocr="never"))
    first = _ocr(case_dir)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and first.poll() is None:
        with Case.open(case_dir) as c, c.read() as s:
            if s.execute(select(func.count(Job.id))).scalar_one():
                break
        time.sleep(0.1)
    second = _ocr(case_dir)
    out2, err2 = second.communicate(timeout=300)
    out1, err1 = first.communicate(timeout=300)
    assert first.returncode == 0 and second.returncode == 0, err1 + err2
    with Case.open(case_dir) as c, c.read() as s:
        per_page = s.execute(select(AuditEntry.target_id, func.count()).where(AuditEntry.action == "page.ocr")
                             .group_by(AuditEntry.target_id)).all()
    assert len(per_page) == 4 and all(n == 1 for _, n in per_page)  # no page read twice
    assert json.loads(out1)["pages_done"] + json.loads(out2)["pages_done"] == 4


def test_a_job_is_resumed_only_after_its_owner_is_gone(case: Case, four_page_scan: Path) -> None:
    doc = import_paths(case, [four_page_scan], ImportOptions(ocr="never")).imported[0].document_id
    job = jobs.create(case, [(doc, n, "eng") for n in range(1, 5)], "auto")
    assert job is not None
    assert jobs.unfinished(case) == []  # its owner (this process) is alive
    assert jobs.create(case, [(doc, 1, "eng")], "auto") is None  # the document is busy
    sleeper = subprocess.Popen([sys.executable, "-c", "pass"])
    sleeper.wait()  # a pid that is certainly gone
    with case.write() as s:
        row = s.get(Job, job.id)
        row.params = {**row.params, "owner": {**row.params["owner"], "pid": sleeper.pid}}
    assert [j.id for j in jobs.unfinished(case)] == [job.id]
    assert jobs.claim(case, job.id) is True
    assert jobs.claim(case, job.id) is False  # now owned by a live process: this one
