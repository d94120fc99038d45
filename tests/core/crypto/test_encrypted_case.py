"""A case encrypted in place, used, and decrypted again loses nothing; the encrypted case
searches (FTS5 and the text fold on the SQLCipher connection), renders, imports, exports
and verifies like a plain one; a wrong or missing passphrase changes nothing."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.case_health import SQLITE_HEADER
from evidence_desk.core.crypto.convert import convert
from evidence_desk.core.crypto.header import HEADER_NAME
from evidence_desk.core.crypto.keys import KdfParams
from evidence_desk.core.db.encrypted import connect_raw, content_digest
from evidence_desk.core.errors import PassphraseRequiredError, WrongPassphraseError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.notes import add_note
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.redaction.export import ExportOptions, export_pdf
from evidence_desk.core.rendering import RenderJob, RenderPool
from evidence_desk.core.search import search
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf

# Encryption at rest is for SQLite cases (`case encrypt` refuses a server case).
pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "a passphrase for the test case"
CHEAP = KdfParams.fresh(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def _cheap() -> KdfParams:
    return KdfParams.fresh(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    write_text_pdf(folder / "letter.pdf", ["Herr Müller signed for the radar parts.",
                                           "Гарбузу передали счёт по контракту."])
    write_text_pdf(folder / "invoice.pdf", ["Invoice 2021-0457 fire control kits, EUR 1,250,000."])
    return folder


def _plain_case(case_dir: Path, inbox: Path) -> Case:
    case = Case.open(case_dir, create=True)
    report = import_paths(case, [inbox / "letter.pdf", inbox / "invoice.pdf"], ImportOptions(ocr="never"))
    assert len(report.imported) == 2
    add_note(case, "1", "Signature differs from the invoice", page=1)
    return case


def _digest(db: Path, key: bytes | None) -> dict[str, str]:
    con = connect_raw(db, key)
    try:
        return content_digest(con)
    finally:
        con.close()


def _render(case: Case, path: str) -> bytes:
    got: list[bytes] = []
    done = threading.Event()
    pool = RenderPool(lambda job, page, error: (got.append(bytes(page.samples) if page else b""), done.set()),
                      workers=1)
    pool.read_sources_with(case.originals.worker_source)
    try:
        pool.submit(RenderJob("p1", path, "application/pdf", 1, scale=0.5, owners={1}))
        assert done.wait(120)
    finally:
        pool.close()
    return got[0]


def _hits(case: Case, query: str) -> list[tuple[int, int]]:
    return [(h.doc, h.page) for h in search(case, query)]


def test_encrypt_use_decrypt_loses_nothing(case_dir, inbox):
    case = _plain_case(case_dir, inbox)
    documents = list_documents(case)
    hits = {q: _hits(case, q) for q in ("Muller", "Гарбуз", "radar", '"fire control"')}
    original = documents[0]
    pixels = _render(case, str(case.originals.path_for(original.sha256)))
    before = _digest(case.db_path, None)

    report = convert(case, PASSPHRASE, params=CHEAP)
    assert (report.documents, report.originals) == (2, 2)
    assert (case_dir / HEADER_NAME).is_file()
    assert not (case_dir / "case.sqlite").read_bytes().startswith(SQLITE_HEADER)
    for sha in (d.sha256 for d in documents):
        sealed = (case_dir / "originals" / sha[:2] / sha[2:]).read_bytes()
        assert not sealed.startswith(b"%PDF") and hashlib.sha256(sealed).hexdigest() != sha

    with Case.open(case_dir, passphrase=PASSPHRASE) as enc:
        assert enc.encrypted
        assert list_documents(enc) == documents
        # FTS5 and the fold (Müller ← Muller) and stems (Гарбузу ← Гарбуз) on SQLCipher:
        assert {q: _hits(enc, q) for q in hits} == hits and hits["Muller"] and hits["Гарбуз"]
        assert _render(enc, str(enc.originals.path_for(original.sha256))) == pixels
        assert verify_case(enc).ok

    convert(Case.open(case_dir, passphrase=PASSPHRASE), None)
    assert not (case_dir / HEADER_NAME).exists()
    assert _digest(case_dir / "case.sqlite", None) == before
    assert (case_dir / "originals" / original.sha256[:2] / original.sha256[2:]).read_bytes() \
        == (inbox / "letter.pdf").read_bytes()
    with Case.open(case_dir) as plain:
        assert list_documents(plain) == documents and verify_case(plain).ok
    assert sorted(p.name for p in case_dir.iterdir() if p.name.startswith(".crypt")) == []


def test_work_done_on_the_encrypted_case_is_kept_when_it_is_decrypted(case_dir, inbox, tmp_path):
    _plain_case(case_dir, inbox).close()
    convert(Case.open(case_dir), PASSPHRASE, params=_cheap())
    write_text_pdf(tmp_path / "third.pdf", ["Delivery via Brest customs, Zollamt stamp."])
    with Case.open(case_dir, passphrase=PASSPHRASE) as enc:
        imported = import_paths(enc, [tmp_path / "third.pdf"], ImportOptions(ocr="never")).imported
        assert len(imported) == 1
        staged = list((case_dir / "originals").rglob("*"))
        assert not any(p.is_file() and p.read_bytes().startswith(b"%PDF") for p in staged)
        add_note(enc, "3", "Stamp is from Brest")
        assert _hits(enc, "Zollamt") == [(3, 1)]
        out = tmp_path / "third-redacted.pdf"
        export_pdf(enc, "3", out, ExportOptions())
        assert out.read_bytes().startswith(b"%PDF")
    convert(Case.open(case_dir, passphrase=PASSPHRASE), None)
    with Case.open(case_dir) as plain:
        assert [d.filename for d in list_documents(plain)] == ["letter.pdf", "invoice.pdf", "third.pdf"]
        assert _hits(plain, "Zollamt") == [(3, 1)]
        assert verify_case(plain).ok


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_wrong_or_missing_passphrase_is_refused_and_changes_nothing(case_dir, inbox):
    convert(_plain_case(case_dir, inbox), PASSPHRASE, params=_cheap())
    before = _snapshot(case_dir)
    with pytest.raises(WrongPassphraseError, match="wrong passphrase"):
        Case.open(case_dir, passphrase="not the passphrase")
    with pytest.raises(PassphraseRequiredError, match="encrypted"):
        Case.open(case_dir)
    assert _snapshot(case_dir) == before


def test_an_altered_sealed_original_fails_verify(case_dir, inbox):
    convert(_plain_case(case_dir, inbox), PASSPHRASE, params=_cheap())
    with Case.open(case_dir, passphrase=PASSPHRASE) as enc:
        sha = list_documents(enc)[0].sha256
        path = enc.originals.path_for(sha)
        path.chmod(0o600)
        data = bytearray(path.read_bytes())
        data[100] ^= 1
        path.write_bytes(bytes(data))
        report = verify_case(enc)
    assert not report.ok and any("document 1" in p for p in report.problems), report.problems


def test_a_flipped_byte_in_the_encrypted_database_is_reported_as_damage(case_dir, inbox):
    from evidence_desk.core.case_health import DamagedCaseError

    convert(_plain_case(case_dir, inbox), PASSPHRASE, params=_cheap())
    db = case_dir / "case.sqlite"
    data = bytearray(db.read_bytes())
    assert len(data) > 8 * 4096
    for page in range(1, len(data) // 4096):  # every page but the first: SQLCipher's HMAC checks each
        data[page * 4096 + 200] ^= 0x01
    db.write_bytes(bytes(data))
    with pytest.raises(DamagedCaseError, match=r"repair"), Case.open(case_dir, passphrase=PASSPHRASE) as enc:
        list_documents(enc)
        search(enc, "radar")
