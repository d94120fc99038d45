"""`import --password-file FILE` opens password-protected PDFs; a wrong one is one refusal line."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.cli.main import main
from tests.core.pdfs import write_encrypted_pdf


def test_import_with_a_password_file_opens_the_pdf(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf = write_encrypted_pdf(tmp_path / "locked.pdf", "Nota 114/VTS", "пароль")
    secret = tmp_path / "pw.txt"
    secret.write_bytes("пароль\n".encode())
    code = main(["--case", str(tmp_path / "case"), "import", str(pdf), "--ocr", "never",
                 "--password-file", str(secret)])
    out, _err = capsys.readouterr()
    assert code == 0
    assert "imported" in out and "locked.pdf" in out
    assert "пароль".encode() not in b"".join(p.read_bytes() for p in (tmp_path / "case").rglob("*") if p.is_file())


def test_import_with_a_wrong_password_refuses_the_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf = write_encrypted_pdf(tmp_path / "locked.pdf", "Nota 114/VTS", "right")
    secret = tmp_path / "pw.txt"
    secret.write_text("wrong\n")
    code = main(["--case", str(tmp_path / "case"), "import", str(pdf), "--ocr", "never",
                 "--password-file", str(secret)])
    out, _err = capsys.readouterr()
    assert code == 1
    assert "refused" in out and "password is wrong" in out


def test_an_unreadable_password_file_is_one_error_line(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code = main(["--case", str(tmp_path / "case"), "import", str(tmp_path), "--password-file",
                 str(tmp_path / "missing.txt")])
    _out, err = capsys.readouterr()
    assert code == 1
    assert err.startswith("error: cannot read the password file") and len(err.strip().splitlines()) == 1
