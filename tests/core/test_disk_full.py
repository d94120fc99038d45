"""A nearly full disk gives a clear DiskFullError and leaves the case intact.

Uses a small tmpfs mount (needs root or CAP_SYS_ADMIN); skipped cleanly elsewhere."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import CaseMeta
from evidence_desk.core.errors import DiskFullError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "small"
    mount.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                              capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("cannot run mount")
    if done.returncode != 0:
        pytest.skip("mounting a small tmpfs is not permitted here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=10, check=False)


def _fill(folder: Path, leave_bytes: int) -> None:
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with open(folder / "filler", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave_bytes))


def test_an_import_onto_a_full_disk_is_refused_clearly_and_the_case_stays_sound(
    small_disk: Path, tmp_path: Path
) -> None:
    case = Case.open(small_disk / "case", create=True)
    small = write_text_pdf(tmp_path / "small.pdf", ["A short letter"])
    big = tmp_path / "big.pdf"
    write_text_pdf(big, ["A long annex"])
    big.write_bytes(big.read_bytes() + os.urandom(1_500_000))  # incompressible padding
    assert len(import_paths(case, [small]).imported) == 1
    _fill(small_disk, 600_000)

    report = import_paths(case, [big])

    [outcome] = report.refused
    assert outcome.code == "disk_full"
    assert "disk holding the case is full" in outcome.reason and "free some space" in outcome.reason
    assert list(case.originals.staging.iterdir()) == []
    (small_disk / "filler").unlink()
    verdict = verify_case(case)
    assert verdict.ok, verdict.problems
    assert verdict.checked["documents"] == 1
    case.close()


def test_a_database_write_onto_a_full_disk_raises_disk_full_and_keeps_earlier_data(small_disk: Path) -> None:
    case = Case.open(small_disk / "case", create=True)
    _fill(small_disk, 16_384)
    with pytest.raises(DiskFullError, match="disk holding the case is full"), case.write() as s:
        for i in range(2000):
            s.add(CaseMeta(key=f"k{i}", value="v" * 4000))
    (small_disk / "filler").unlink()
    assert case.meta("k0") is None
    assert verify_case(case).ok
    case.close()
