"""Password-protected PDFs: opened with the password the user gives, which is used for that
import only and is written nowhere; a wrong or missing password leaves the file refused."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries.documents import list_documents
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
