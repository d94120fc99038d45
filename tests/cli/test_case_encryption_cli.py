"""`case encrypt` / `case decrypt` and every other command on an encrypted case: the
passphrase from --passphrase-file (before the command) or EVIDENCE_DESK_CASE_PASSPHRASE,
one `error:` line and exit 1 when it is wrong or missing; the contract's JSON unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from tests.core.pdfs import write_text_pdf

PASSPHRASE = "the investigator's long passphrase"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _one_error(code: int, err: str, fragment: str) -> None:
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1, err
    assert fragment in err and "internal error" not in err, err


@pytest.fixture
def encrypted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Path]:
    write_text_pdf(tmp_path / "letter.pdf", ["Kirill O. Garbuz signed the export permit."])
    case = str(tmp_path / "case")
    assert _run(capsys, "--case", case, "import", str(tmp_path / "letter.pdf"), "--ocr", "never")[0] == 0
    (tmp_path / "pass").write_text(PASSPHRASE + "\n")
    code, out, err = _run(capsys, "case", "encrypt", case, "--passphrase-file", str(tmp_path / "pass"))
    assert code == 0, err
    assert "case encrypted: 1 documents, 1 originals" in out and "verify OK" in out
    return case, tmp_path / "pass"


def test_commands_on_an_encrypted_case_take_the_passphrase_from_a_file_or_the_environment(
        encrypted, capsys, monkeypatch):
    case, pass_file = encrypted
    code, out, err = _run(capsys, "--case", case, "--passphrase-file", str(pass_file), "list", "--json")
    assert code == 0, err
    assert [d["filename"] for d in json.loads(out)] == ["letter.pdf"]
    monkeypatch.setenv("EVIDENCE_DESK_CASE_PASSPHRASE", PASSPHRASE)
    code, out, err = _run(capsys, "--case", case, "search", "Garbuz", "--json")
    assert code == 0 and json.loads(out)[0]["doc"] == 1, err
    assert _run(capsys, "--case", case, "note", "1", "Checked against the original")[0] == 0
    code, out, err = _run(capsys, "verify", case, "--json")
    assert code == 0 and json.loads(out)["ok"] is True, out


def test_a_wrong_or_missing_passphrase_is_one_error_line(encrypted, capsys, tmp_path):
    case, _ = encrypted
    code, _, err = _run(capsys, "--case", case, "list")
    _one_error(code, err, "is encrypted; give its passphrase")
    (tmp_path / "wrong").write_text("not the passphrase at all")
    code, _, err = _run(capsys, "--case", case, "--passphrase-file", str(tmp_path / "wrong"), "show", "1")
    _one_error(code, err, "wrong passphrase")
    code, _, err = _run(capsys, "--case", case, "--passphrase-file", str(tmp_path / "missing"), "list")
    _one_error(code, err, "cannot read the passphrase file")


def test_decrypt_gives_back_a_plain_case_that_needs_no_passphrase(encrypted, capsys):
    case, pass_file = encrypted
    code, out, err = _run(capsys, "case", "decrypt", case, "--passphrase-file", str(pass_file))
    assert code == 0 and "case decrypted: 1 documents" in out and "verify OK" in out, err
    code, out, _ = _run(capsys, "--case", case, "list", "--json")
    assert code == 0 and json.loads(out)[0]["filename"] == "letter.pdf"
    code, _, err = _run(capsys, "case", "decrypt", case)
    _one_error(code, err, "is not encrypted")


def test_encrypting_twice_or_with_a_short_passphrase_is_refused(encrypted, capsys, tmp_path):
    case, pass_file = encrypted
    code, _, err = _run(capsys, "--passphrase-file", str(pass_file), "case", "encrypt", case,
                        "--passphrase-file", str(pass_file))
    _one_error(code, err, "already encrypted")
    other = tmp_path / "other"
    assert _run(capsys, "--case", str(other), "import", str(tmp_path / "letter.pdf"), "--ocr", "never")[0] == 0
    (tmp_path / "short").write_text("short")
    code, _, err = _run(capsys, "case", "encrypt", str(other), "--passphrase-file", str(tmp_path / "short"))
    _one_error(code, err, "too short")
