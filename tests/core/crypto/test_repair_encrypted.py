"""`repair` on an encrypted case: with its passphrase, a 0-byte or truncated database is
rebuilt from the sealed originals and the log as an SQLCipher database beside the damaged
one — encrypted still, with the same key — and no decrypted copy of an original is written
on the way."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from evidence_desk.cli.main import main
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.crypto.convert import convert
from evidence_desk.core.crypto.keys import KdfParams
from evidence_desk.core.errors import PassphraseRequiredError, WrongPassphraseError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.repair import repair_case
from evidence_desk.core.storage import OriginalStore
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf

PASSPHRASE = "correct horse battery staple"
SECRET = "QUARTZLYNX"

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def encrypted_case(tmp_path: Path) -> tuple[Path, str, list[tuple[int, str, int]]]:
    for name, pages in (("nota-114.pdf", 3), ("invoice.pdf", 1), ("permit.pdf", 2)):
        write_text_pdf(tmp_path / name, [f"{name} page {i}: radar parts {SECRET}" for i in range(pages)])
    folder = tmp_path / "case"
    with Case.open(folder, create=True) as case:
        convert(case, PASSPHRASE, params=KdfParams.fresh(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        import_paths(case, [tmp_path / "nota-114.pdf", tmp_path / "invoice.pdf", tmp_path / "permit.pdf"])
        add_note(case, 2, "check the amount")
        uid = str(case.meta("case_uid"))
        docs = _documents(case)
    return folder, uid, docs


def _documents(case: Case) -> list[tuple[int, str, int]]:
    with case.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT id, filename, page_count FROM documents ORDER BY id"))]


def _rebuilt_and_sound(folder: Path, uid: str) -> list[tuple[int, str, int]]:
    db = (folder / DB_NAME).read_bytes()
    assert not db.startswith(b"SQLite format 3") and SECRET.encode() not in db  # SQLCipher still
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        assert case.encrypted
        verdict = verify_case(case)
        assert verdict.ok, verdict.problems
        assert case.meta("case_uid") == uid
        return _documents(case)


def test_a_zero_byte_encrypted_database_is_rebuilt_encrypted_from_the_sealed_originals(encrypted_case):
    folder, uid, docs = encrypted_case
    (folder / DB_NAME).write_bytes(b"")
    report = repair_case(folder, passphrase=PASSPHRASE)
    assert report.damaged_kept is not None and report.damaged_kept.stat().st_size == 0
    assert (report.documents, report.pages, report.problems) == (3, 6, [])
    rebuilt = _rebuilt_and_sound(folder, uid)
    assert sorted(d[2] for d in rebuilt) == sorted(d[2] for d in docs)


def test_a_truncated_encrypted_database_is_rebuilt_encrypted(encrypted_case):
    folder, uid, docs = encrypted_case
    db = folder / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[: len(data) - 4096 - 100])  # cut inside a page, near the end
    report = repair_case(folder, passphrase=PASSPHRASE)
    assert (report.documents, report.pages, report.problems) == (3, 6, [])
    rebuilt = _rebuilt_and_sound(folder, uid)
    assert sorted(d[2] for d in rebuilt) == sorted(d[2] for d in docs)


def test_repair_leaves_no_plaintext_original_in_the_temporary_folder(encrypted_case, tmp_path, monkeypatch):
    folder, _uid, _docs = encrypted_case
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    (folder / DB_NAME).write_bytes(b"")
    repair_case(folder, passphrase=PASSPHRASE)
    left = [p for p in temp.rglob("*") if p.is_file() and b"%PDF" in p.read_bytes()[:1024]]
    assert left == []
    store = OriginalStore(folder / "originals")
    assert all(b"%PDF" not in store.path_for(sha).read_bytes()[:1024] for sha in store.iter_stored())


def test_repair_asks_for_the_passphrase_and_refuses_a_wrong_one(encrypted_case, tmp_path, capsys, monkeypatch):
    folder, uid, _docs = encrypted_case
    (folder / DB_NAME).write_bytes(b"")
    with pytest.raises(PassphraseRequiredError):
        repair_case(folder)
    with pytest.raises(WrongPassphraseError):
        repair_case(folder, passphrase="not the passphrase")
    assert (folder / DB_NAME).stat().st_size == 0  # nothing was touched
    monkeypatch.delenv("EVIDENCE_DESK_CASE_PASSPHRASE", raising=False)
    assert main(["repair", str(folder)]) == 1  # no terminal to ask on
    assert "--passphrase-file" in capsys.readouterr().err
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    os.chmod(secret, 0o600)
    assert main(["repair", str(folder), "--passphrase-file", str(secret)]) == 0
    assert "rebuilt   3 documents (6 pages)" in capsys.readouterr().out
    monkeypatch.setenv("EVIDENCE_DESK_CASE_PASSPHRASE", PASSPHRASE)
    assert main(["verify", str(folder)]) == 0
    _rebuilt_and_sound(folder, uid)
