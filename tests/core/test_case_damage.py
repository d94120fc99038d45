"""Never create over damage: a case whose database is empty, truncated, unreadable or missing
while its originals are there is refused with a message naming `evidence-desk repair`, and
left exactly as it was. A case nobody may write opens for reading."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.case_health import DamagedCaseError
from evidence_desk.core.errors import CaseError
from evidence_desk.core.importing import import_paths
from tests.core.pdfs import write_text_pdf

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def imported_case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    write_text_pdf(tmp_path / "a.pdf", ["A letter about radar parts."] * 3)
    write_text_pdf(tmp_path / "b.pdf", ["An invoice for fire-control kits."])
    with Case.open(folder, create=True) as case:
        assert len(import_paths(case, [tmp_path / "a.pdf", tmp_path / "b.pdf"]).imported) == 2
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not p.name.endswith((".lock", "-shm", "-wal"))}


def test_a_zero_byte_database_is_refused_and_nothing_is_created(imported_case: Path) -> None:
    (imported_case / DB_NAME).write_bytes(b"")
    before = _snapshot(imported_case)
    with pytest.raises(DamagedCaseError, match=r"is empty \(0 bytes\).*evidence-desk repair"):
        Case.open(imported_case)
    with pytest.raises(DamagedCaseError):
        Case.open(imported_case, create=True)  # not even when asked to create a case
    assert _snapshot(imported_case) == before


def test_a_truncated_database_is_refused(imported_case: Path) -> None:
    db = imported_case / DB_NAME
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedCaseError, match=r"truncated|cannot be read|damaged"):
        Case.open(imported_case)
    assert db.stat().st_size == len(data) // 3


def test_a_missing_database_beside_originals_is_refused(imported_case: Path) -> None:
    (imported_case / DB_NAME).unlink()
    with pytest.raises(DamagedCaseError, match=r"missing although the case holds 2 original"):
        Case.open(imported_case, create=True)
    assert not (imported_case / DB_NAME).exists()


def test_a_zeroed_page_in_the_database_is_a_clear_error_when_read(imported_case: Path, capsys) -> None:
    from evidence_desk.cli.main import main

    db = imported_case / DB_NAME
    with Case.open(imported_case):
        pass  # checkpointed and closed: every page is in the main file
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    victim = pages // 2
    data[victim * page_size:(victim + 1) * page_size] = b"\0" * page_size
    db.write_bytes(bytes(data))
    codes = [main(["--case", str(imported_case), command, *args])
             for command, args in (("show", ["1"]), ("show", ["2"]), ("list", []), ("search", ["radar"]))]
    err = capsys.readouterr().err
    assert "internal error" not in err
    if any(codes):  # the zeroed page held something those commands read
        assert "damaged" in err and "evidence-desk repair" in err


def test_a_case_on_a_read_only_bind_mount_lists_and_refuses_writes(imported_case: Path, tmp_path: Path) -> None:
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        if os.environ.get("CI"):
            pytest.fail("bubblewrap is not installed (Debian package: bubblewrap)")
        pytest.skip("bubblewrap is not installed (Debian package: bubblewrap)")
    before = _snapshot(imported_case)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([bwrap, "--bind", "/", "/", "--dev", "/dev", "--ro-bind", str(imported_case),
                               str(imported_case), "--", sys.executable, "-m", "evidence_desk", "--case",
                               str(imported_case), *args], capture_output=True, text=True, timeout=120,
                              cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO / "desktop")}, check=False)

    listed = run("list")
    assert listed.returncode == 0, listed.stderr
    assert "a.pdf" in listed.stdout and "b.pdf" in listed.stdout
    shown = run("show", "1")
    assert shown.returncode == 0, shown.stderr
    noted = run("note", "1", "a remark")
    assert noted.returncode == 1
    assert noted.stderr.startswith("error: ") and "read-only volume" in noted.stderr
    assert len(noted.stderr.strip().splitlines()) == 1
    assert _snapshot(imported_case) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write whatever the permissions say")
def test_a_case_without_write_permission_opens_for_reading(imported_case: Path) -> None:
    for path in (imported_case, imported_case / DB_NAME):
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        with Case.open(imported_case) as case:
            assert case.read_only
            with pytest.raises(CaseError, match="reading only"), case.write():
                pass
    finally:
        imported_case.chmod(0o755)
        (imported_case / DB_NAME).chmod(0o644)


def test_a_case_opened_read_only_refuses_writes(imported_case: Path) -> None:
    with Case.open(imported_case, read_only=True) as case:
        from evidence_desk.core.queries.documents import list_documents

        assert len(list_documents(case)) == 2
        with pytest.raises(CaseError, match="reading only"), case.write():
            pass


def test_reimporting_the_file_of_a_deleted_original_restores_it(imported_case: Path, tmp_path: Path) -> None:
    from evidence_desk.core.verify_case import verify_case

    with Case.open(imported_case) as case:
        stored = sorted(p for p in (imported_case / "originals").rglob("*") if p.is_file()
                        and ".incoming" not in p.parts)
        victim = stored[0]
        victim.chmod(0o644)
        victim.unlink()
        assert not verify_case(case).ok
        report = import_paths(case, [tmp_path / "a.pdf", tmp_path / "b.pdf"])
        assert [o.status for o in report.outcomes].count("restored") == 1
        assert verify_case(case).ok
