"""The trust boundary: a worker's reply is data of the declared shape or it is refused,
and a worker sees a cleaned environment, its own process group and (with bubblewrap)
no network and no writable file outside its scratch folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from evidence_desk.core import confine
from evidence_desk.core.errors import WorkerCrashed, WorkerError
from evidence_desk.core.sandbox import SandboxWorker, jailed, run_isolated
from tests.core import sandbox_probes as probes


def _bwrap_required() -> None:
    if shutil.which("bwrap") is None:
        if os.environ.get("CI"):
            pytest.fail("bubblewrap is not installed (Debian package: bubblewrap)")
        pytest.skip("bubblewrap is not installed (Debian package: bubblewrap)")


@pytest.fixture
def worker():
    with SandboxWorker() as w:
        yield w


def test_a_reply_that_is_a_pickle_is_refused_without_running_it(worker, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(WorkerError, match="malformed reply"):
        worker.call(probes.SEND_PICKLE, str(marker), timeout=30)
    assert not marker.exists()
    assert worker.call(probes.PID, timeout=30) > 0  # the parent is up and a fresh worker serves


def test_a_reply_announcing_more_than_its_limit_is_refused_before_it_is_read(worker) -> None:
    with pytest.raises(WorkerError, match="over the 1,048,576-byte limit"):
        worker.call(probes.SEND_OVERSIZED, timeout=30)
    with pytest.raises(WorkerError, match="limit"):
        worker.call(probes.SEND_HUGE_64BIT, timeout=30)
    assert worker.call(probes.PID, timeout=30) > 0


def test_a_truncated_reply_is_a_crash_not_a_hang(worker) -> None:
    with pytest.raises(WorkerCrashed):
        worker.call(probes.SEND_TRUNCATED, timeout=30)
    assert worker.call(probes.PID, timeout=30) > 0


def test_a_reply_of_the_wrong_shape_is_refused(worker) -> None:
    from evidence_desk.core.rendering import validate

    page = worker.call(probes.SEND_LYING_PAGE, timeout=30)  # well-formed, so it decodes...
    with pytest.raises(WorkerError, match="wrong number of bytes"):
        validate(page)  # ...and the render pool's check refuses its pixel count
    wrong = probes.EntryPoint(probes._HERE, "pid", str)  # declared str, worker sends an int
    with pytest.raises(WorkerError, match="not what it must be"):
        worker.call(wrong, timeout=30)


def test_only_registered_entry_points_can_be_called_by_name(worker) -> None:
    with pytest.raises(TypeError, match="not a registered sandbox entry point"):
        worker.call("os.system", "true")


def test_a_worker_gets_a_cleaned_environment(worker, monkeypatch) -> None:
    monkeypatch.setenv("EVIDENCE_DESK_SECRET_TOKEN", "hunter2")
    worker.close()
    env = worker.call(probes.ENVIRONMENT, timeout=30)
    assert "EVIDENCE_DESK_SECRET_TOKEN" not in env
    assert env["TMPDIR"] == str(confine.scratch_dir())
    assert set(env) <= {"PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TESSDATA_PREFIX",
                        "OMP_THREAD_LIMIT", "PYTHONPATH", "HOME", "TMPDIR", "EVIDENCE_DESK_NO_BWRAP"}


def test_a_worker_and_what_it_starts_are_stopped_as_one_group(worker) -> None:
    pid, group = worker.call(probes.GROUP, timeout=30)
    assert pid == group  # its own process group
    child = worker.call(probes.START_CHILD, timeout=30)
    worker.close()
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        import time

        time.sleep(0.05)
    else:
        pytest.fail("the worker's child outlived the worker")


def test_a_dead_workers_stderr_is_kept_sanitised(worker) -> None:
    with pytest.raises(WorkerCrashed):
        worker.call(probes.SCREAM, "parser says \x1b[31mred\x07\n", timeout=30)
    assert "parser says \\x1b[31mred\\x07" in worker.last_stderr
    assert "\x1b" not in worker.last_stderr


def test_inside_bubblewrap_a_worker_has_no_network_and_writes_only_its_scratch(tmp_path: Path) -> None:
    _bwrap_required()
    assert jailed()
    outside = tmp_path / "outside.txt"
    assert run_isolated(probes.WRITE_FILE, str(outside), timeout=30).startswith("refused")
    assert not outside.exists()
    inside = confine.scratch_dir() / "inside.txt"
    assert run_isolated(probes.WRITE_FILE, str(inside), timeout=30) == "written"
    inside.unlink()
    assert run_isolated(probes.OPEN_NETWORK, timeout=30).startswith("refused")


def test_session_folders_of_dead_processes_are_swept(tmp_path: Path) -> None:
    dead = tmp_path / "evidence-desk-999999999-abc"
    demo = tmp_path / "evidence-desk-demo-999999999-xyz"
    mine = tmp_path / f"evidence-desk-{os.getpid()}-def"
    other = tmp_path / "pymp-unrelated"
    for folder in (dead, demo, mine, other):
        folder.mkdir()
    removed = confine.sweep_stale_sessions(tmp_path)
    assert set(removed) == {dead, demo}
    assert mine.exists() and other.exists()


def test_a_worker_keeps_the_tesseract_a_bundle_ships(monkeypatch):
    # A frozen build points at its own Tesseract through this variable (packaging/entry.py);
    # OCR runs in workers, so the cleaned environment must carry it or no scan is ever read.
    from evidence_desk.core.confine import worker_environment

    monkeypatch.setenv("EVIDENCE_DESK_TESSERACT", "/opt/evidence-desk/tesseract/tesseract")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not for workers")
    env = worker_environment()
    assert env["EVIDENCE_DESK_TESSERACT"] == "/opt/evidence-desk/tesseract/tesseract"
    assert "AWS_SECRET_ACCESS_KEY" not in env


def test_a_drive_mounted_while_a_worker_lives_gets_a_new_jail_without_waiting_for_that_worker(
        monkeypatch) -> None:
    """The jail is made again when the mount table changes (a USB drive plugged in), while an
    earlier worker is still alive: the old fork server ends only after its last worker, so
    stopping it and waiting would hang the caller (it did, under pytest-xdist, with a disk-full
    test mounting a tmpfs beside a live render pool)."""
    import threading

    from evidence_desk.core import sandbox

    with SandboxWorker() as old:
        old_pid = old.call(probes.PID, timeout=30)
        monkeypatch.setattr(sandbox, "_server_mounts", b"the mount table before the drive")
        started: list[int] = []
        thread = threading.Thread(target=lambda: started.append(_pid_of_a_new_worker()), daemon=True)
        thread.start()
        thread.join(60)
        assert started, "starting a worker after a mount change waited for the old jail's workers"
        assert started[0] != old_pid
        assert old.call(probes.PID, timeout=30) == old_pid  # the old worker serves on


def _pid_of_a_new_worker() -> int:
    with SandboxWorker() as new:
        return new.call(probes.PID, timeout=30)


def test_the_fork_server_loads_pymupdf_and_the_wire_format_but_not_pillow() -> None:
    """Every worker is forked with PyMuPDF and the wire format loaded; Pillow waits for the
    first image a worker opens, so a PDF's first page does not wait for it (issue 11)."""
    import subprocess
    import sys

    from evidence_desk.core.sandbox import SERVER_PRELOAD

    code = ("import sys\n" + "".join(f"import {m}\n" for m in SERVER_PRELOAD)
            + "print(sorted({m.split('.')[0] for m in sys.modules} & {'pymupdf', 'msgspec', 'PIL'}))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.strip() == "['msgspec', 'pymupdf']"
