"""The window's case lock: one holder at a time, a second window reads only and is told who
has the case, and the lock of a process that died is recovered by the next window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.case_lock import CaseLock, holder, open_for_window
from evidence_desk.core.errors import CaseError

REPO = Path(__file__).resolve().parents[2]


def test_a_second_window_opens_the_case_read_only_and_names_the_first(case: Case) -> None:
    first, lock, note = open_for_window(case.path)
    assert lock is not None and note is None and not first.read_only
    second, lock2, note2 = open_for_window(case.path)
    try:
        assert lock2 is None and second.read_only
        assert note2 is not None and f"pid {os.getpid()}" in note2 and "read-only" in note2
        with pytest.raises(CaseError, match="reading only"), second.write():
            pass
    finally:
        second.close()
        lock.release()
        first.close()
    third, lock3, _ = open_for_window(case.path)
    assert lock3 is not None  # released: the next window gets it
    lock3.release()
    third.close()


def test_the_lock_of_a_killed_process_is_recovered(case: Case) -> None:
    code = ("import sys, time; from pathlib import Path; from evidence_desk.core.case_lock import CaseLock; "
            "lock = CaseLock.acquire(Path(sys.argv[1])); print('HELD' if lock else 'BUSY', flush=True); "
            "time.sleep(600)")
    child = subprocess.Popen([sys.executable, "-c", code, str(case.path)], stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO / "desktop")})
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "HELD"
        held_by = holder(case.path)
        assert held_by is not None and held_by.pid == child.pid
        assert CaseLock.acquire(case.path) is None
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    assert (case.path / "case.lock").exists()  # left behind by the kill...
    assert holder(case.path) is None  # ...but nobody holds it
    with CaseLock.acquire(case.path) as lock:  # type: ignore[union-attr]
        assert lock is not None
        assert holder(case.path).pid == os.getpid()  # type: ignore[union-attr]
    assert not (case.path / "case.lock").exists()
