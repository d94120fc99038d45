"""Originals are stored once, by content, read-only; staging never leaves debris."""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.storage import OriginalStore
from tests.core.pdfs import write_text_pdf


def test_a_staged_file_is_hashed_while_copied_and_committed_to_its_content_address(tmp_path: Path) -> None:
    store = OriginalStore(tmp_path / "originals")
    src = tmp_path / "letter.bin"
    src.write_bytes(os.urandom(3 * 1024 * 1024 + 17))  # several copy chunks
    staged = store.stage(src)
    digest = hashlib.sha256(src.read_bytes()).hexdigest()
    assert (staged.sha256, staged.size) == (digest, src.stat().st_size)
    final = store.commit(staged)
    assert final == tmp_path / "originals" / digest[:2] / digest[2:]
    assert final.read_bytes() == src.read_bytes()
    assert store.hash_file(digest) == digest
    assert store.iter_stored() == [digest]
    assert list(store.staging.iterdir()) == []


def test_stored_originals_are_read_only(tmp_path: Path) -> None:
    store = OriginalStore(tmp_path / "originals")
    src = tmp_path / "a.bin"
    src.write_bytes(b"evidence")
    final = store.commit(store.stage(src))
    mode = stat.S_IMODE(final.stat().st_mode)
    assert mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0


def test_committing_the_same_content_twice_keeps_one_copy(tmp_path: Path) -> None:
    store = OriginalStore(tmp_path / "originals")
    a, b = tmp_path / "a.pdf", tmp_path / "copy of a.pdf"
    a.write_bytes(b"%PDF-1.4 same bytes")
    b.write_bytes(b"%PDF-1.4 same bytes")
    first = store.commit(store.stage(a))
    second = store.commit(store.stage(b))
    assert first == second
    assert len(store.iter_stored()) == 1
    assert list(store.staging.iterdir()) == []


def test_a_file_over_the_size_limit_is_refused_and_its_partial_copy_removed(tmp_path: Path) -> None:
    store = OriginalStore(tmp_path / "originals")
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (3 * 1024 * 1024))
    with pytest.raises(InvalidInputError, match="larger than the import limit"):
        store.stage(big, max_bytes=1024 * 1024)
    assert list(store.staging.iterdir()) == []


def test_importing_duplicates_stores_the_bytes_once_and_reports_the_existing_document(
    case: Case, tmp_path: Path
) -> None:
    pdf = write_text_pdf(tmp_path / "nota.pdf", ["Нота № 114 о поставке"])
    copy = tmp_path / "sub" / "renamed.pdf"
    copy.parent.mkdir()
    copy.write_bytes(pdf.read_bytes())
    report = import_paths(case, [pdf, copy])
    assert sorted(o.status for o in report.outcomes) == ["duplicate", "imported"]
    assert report.outcomes[0].document_id == report.outcomes[1].document_id is not None
    again = import_paths(case, [copy])
    assert again.outcomes[0].status == "duplicate"
    assert again.outcomes[0].document_id == report.imported[0].document_id
    assert "already in the case as document" in again.outcomes[0].reason
    assert len(case.originals.iter_stored()) == 1
    assert list(case.originals.staging.iterdir()) == []


def test_refused_files_leave_nothing_in_originals_or_staging(case: Case, tmp_path: Path) -> None:
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    report = import_paths(case, [junk])
    assert report.refused and report.refused[0].code == "malformed"
    assert case.originals.iter_stored() == []
    assert list(case.originals.staging.iterdir()) == []


def test_the_original_in_the_case_is_the_bytes_that_were_parsed_not_the_users_later_copy(
    case: Case, tmp_path: Path
) -> None:
    pdf = write_text_pdf(tmp_path / "a.pdf", ["Original text of the letter"])
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    report = import_paths(case, [pdf])
    pdf.write_bytes(b"changed afterwards")
    assert report.imported[0].sha256 == digest
    assert case.originals.hash_file(digest) == digest
