"""`case new CASE [--encrypt]`: a new, empty case in one step — encrypted from the start,
with the passphrase from --passphrase-file, EVIDENCE_DESK_CASE_PASSPHRASE or a prompt
(asked twice); a bad passphrase or an existing case is one `error:` line and creates nothing."""

from __future__ import annotations

import json

import pytest

from evidence_desk.cli.main import main
from tests.core.pdfs import write_text_pdf

PASSPHRASE = "the investigator's long passphrase"

pytestmark = pytest.mark.sqlite_only


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_new_encrypted_case_takes_imports_sealed_and_needs_its_passphrase(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("EVIDENCE_DESK_CASE_PASSPHRASE", raising=False)
    case = tmp_path / "case"
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    code, out, err = _run(capsys, "case", "new", str(case), "--encrypt", "--passphrase-file", str(tmp_path / "pass"))
    assert code == 0, err
    assert "case created encrypted" in out and "verify OK" in out
    assert (case / "encryption.json").is_file()
    assert not (case / "case.sqlite").read_bytes().startswith(b"SQLite format 3")
    write_text_pdf(tmp_path / "letter.pdf", ["Kirill O. Garbuz signed the export permit."])
    code, _out, err = _run(capsys, "--case", str(case), "list")
    assert code == 1 and "encrypted" in err and "internal error" not in err
    monkeypatch.setenv("EVIDENCE_DESK_CASE_PASSPHRASE", PASSPHRASE)
    assert _run(capsys, "--case", str(case), "import", str(tmp_path / "letter.pdf"), "--ocr", "never")[0] == 0
    code, out, err = _run(capsys, "--case", str(case), "search", "Garbuz", "--json")
    assert code == 0 and json.loads(out)[0]["doc"] == 1, err
    assert not any(b"Garbuz" in p.read_bytes() for p in case.rglob("*") if p.is_file())


def test_a_new_plain_case_and_the_refusals(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("EVIDENCE_DESK_CASE_PASSPHRASE", raising=False)
    plain = tmp_path / "plain"
    code, out, err = _run(capsys, "case", "new", str(plain))
    assert code == 0 and "created the case" in out, err
    assert (plain / "case.sqlite").read_bytes().startswith(b"SQLite format 3")
    code, _out, err = _run(capsys, "case", "new", str(plain), "--encrypt")
    assert code == 1 and err.startswith("error: ") and "already holds a case" in err
    (tmp_path / "short").write_text("short\n")
    code, _out, err = _run(capsys, "case", "new", str(tmp_path / "c2"), "--encrypt",
                           "--passphrase-file", str(tmp_path / "short"))
    assert code == 1 and "too short" in err and not (tmp_path / "c2").exists()
    code, _out, err = _run(capsys, "case", "new", str(tmp_path / "c3"), "--encrypt")  # no terminal here
    assert code == 1 and "--passphrase-file" in err and not (tmp_path / "c3").exists()
