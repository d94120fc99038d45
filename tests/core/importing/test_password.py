"""Password-protected PDFs: opened with the password the user gives, which is used for that
import only and is written nowhere; a wrong or missing password leaves the file refused."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.confine import scratch_dir
from evidence_desk.core.entry_points import UNLOCK_PDF
from evidence_desk.core.errors import RefusedFileError, WorkerError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.sandbox import SandboxWorker
from tests.core.pdfs import write_encrypted_pdf

PASSWORD = "Zöllner-4711"  # non-ASCII: the bytes must reach MuPDF as the user typed them


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    return write_encrypted_pdf(tmp_path / "locked.pdf", "Contract 77/2019 with JSC Integral", PASSWORD)


def every_file_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_the_right_password_imports_a_decrypted_copy_and_keeps_the_password_nowhere(locked, tmp_path):
    with Case.open(tmp_path / "case", create=True) as case:
        report = import_paths(case, [locked], ImportOptions(workers=1), password=PASSWORD.encode())

        [outcome] = report.outcomes
        assert outcome.status == "imported", outcome.reason
        [doc] = list_documents(case)
        original = case.originals.path_for(doc.sha256)
    with pymupdf.open(original) as kept:
        assert not kept.needs_pass and not kept.is_encrypted
        assert "JSC Integral" in kept[0].get_text()
    stored = every_file_bytes(tmp_path / "case")
    for form in (PASSWORD.encode("utf-8"), PASSWORD.encode("latin-1"), PASSWORD.encode("utf-16-be")):
        assert form not in stored


def test_a_wrong_password_refuses_the_file_and_says_so(locked, tmp_path):
    with Case.open(tmp_path / "case", create=True) as case:
        report = import_paths(case, [locked], ImportOptions(workers=1), password=b"guess")
        [outcome] = report.outcomes
        assert (outcome.status, outcome.code) == ("refused", "bad_password")
        assert "password is wrong" in outcome.reason
        assert list_documents(case) == []
        assert not list((tmp_path / "case" / "originals").rglob("*.pdf"))


def test_without_a_password_the_file_is_refused_as_encrypted(locked, tmp_path):
    with Case.open(tmp_path / "case", create=True) as case:
        [outcome] = import_paths(case, [locked], ImportOptions(workers=1)).outcomes
        assert (outcome.status, outcome.code) == ("refused", "encrypted")
        assert "--password-file" in outcome.reason


def test_the_decrypted_pdf_comes_back_over_the_pipe_and_is_never_written_by_the_worker(locked):
    with SandboxWorker() as worker:
        before = set(scratch_dir().iterdir())
        data = worker.call(UNLOCK_PDF, str(locked), PASSWORD.encode(), 10**6)
        written = {p for p in scratch_dir().iterdir() if not p.name.endswith(".stderr")} - before
    assert written == set()
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        assert not doc.needs_pass and "JSC Integral" in doc[0].get_text()


def test_a_decrypted_pdf_over_the_import_limit_is_refused_and_a_longer_reply_never_read(locked):
    with SandboxWorker() as worker:
        with pytest.raises(RefusedFileError) as refused:
            worker.call(UNLOCK_PDF, str(locked), PASSWORD.encode(), 100)
        assert refused.value.code == "huge"
        # A worker that ignores the limit it was given: its reply is refused from its length.
        with pytest.raises(WorkerError, match="over the 100-byte limit"):
            worker.call(UNLOCK_PDF, str(locked), PASSWORD.encode(), 10**6, max_reply=100)
