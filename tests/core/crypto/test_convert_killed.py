"""Killed at any moment while it encrypts or decrypts a case in place, the conversion
leaves a case that opens, verifies and holds every document — in the old form or the new
one, never a mix — and the next open leaves no `.crypt-*` folder behind.

Each trial forks the test process (no interpreter start-up): the child converts, and is
killed with SIGKILL either at the k-th file rename of the conversion (every step of the
build and of the swap, in turn) or after a random delay (marker crash_trials: CI's long step)."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.case_health import SQLITE_HEADER
from evidence_desk.core.crypto import convert as convert_module
from evidence_desk.core.crypto.header import HEADER_NAME
from evidence_desk.core.crypto.keys import KdfParams
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.core.search import search
from evidence_desk.core.verify_case import verify_case
from tests.core.pdfs import write_text_pdf

# Encryption at rest is for SQLite cases (`case encrypt` refuses a server case).
pytestmark = pytest.mark.sqlite_only

PASSPHRASE = "killed midway but whole"
CHEAP = KdfParams.fresh(time_cost=1, memory_kib=8 * 1024, parallelism=1)
RENAMES = 14  # more than a conversion of the three-document case makes (the last trials finish)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[int, str]]]:
    root = tmp_path_factory.mktemp("kill-template")
    files = [write_text_pdf(root / f"doc{i}.pdf", [f"Kestrel report number {i} on the radar parts."])
             for i in range(3)]
    with Case.open(root / "case", create=True) as case:
        assert len(import_paths(case, files, ImportOptions(ocr="never")).imported) == 3
        docs = [(d.id, d.sha256) for d in list_documents(case)]
    return root / "case", docs


def _copy(template: Path, target: Path, encrypted: bool) -> Path:
    import shutil

    shutil.copytree(template, target)
    if encrypted:
        convert_module.convert(Case.open(target), PASSPHRASE, params=CHEAP)
    return target


def _convert_in_child(folder: Path, to_encrypted: bool, kill_at_rename: int | None) -> int:
    pid = os.fork()
    if pid == 0:  # the child: convert, and die by SIGKILL at the chosen rename
        try:
            if kill_at_rename is not None:
                real, count = os.replace, [0]

                def replace(src, dst):  # type: ignore[no-untyped-def]
                    count[0] += 1
                    if count[0] == kill_at_rename:
                        os.kill(os.getpid(), signal.SIGKILL)
                    real(src, dst)

                convert_module.os.replace = replace  # type: ignore[attr-defined]
            case = Case.open(folder, passphrase=PASSPHRASE)
            convert_module.convert(case, PASSPHRASE if to_encrypted else None, params=CHEAP)
        finally:
            os._exit(0)
    return pid


def _wait(pid: int, timeout: float = 120.0) -> int:
    """The child's exit status; a child that hangs (a lock held at fork time) fails the trial."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        time.sleep(0.02)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"the converting child {pid} hung for {timeout:.0f} s")


def _check_whole(folder: Path, docs: list[tuple[int, str]]) -> bool:
    """The case opens, verifies, holds every document and is in one form; True if encrypted."""
    with Case.open(folder, passphrase=PASSPHRASE) as case:
        report = verify_case(case)
        assert report.ok, report.problems
        assert [(d.id, d.sha256) for d in list_documents(case)] == docs
        assert len(search(case, "Kestrel")) == 3
        encrypted = case.encrypted
    assert not [p.name for p in folder.iterdir() if p.name.startswith(".crypt")]
    db_plain = (folder / "case.sqlite").read_bytes().startswith(SQLITE_HEADER)
    originals_plain = all((folder / "originals" / s[:2] / s[2:]).read_bytes().startswith(b"%PDF")
                          for _, s in docs)
    assert db_plain == originals_plain == (not encrypted) == (not (folder / HEADER_NAME).exists())
    return encrypted


@pytest.mark.crash_trials  # 28 forked kills: with the other kill trials, in .ci/run's long step
@pytest.mark.parametrize("to_encrypted", [True, False], ids=["encrypt", "decrypt"])
def test_a_conversion_killed_at_each_rename_leaves_a_whole_case(tmp_path, template, to_encrypted):
    folder, docs = template
    outcomes = []
    for k in range(1, RENAMES + 1):
        case_dir = _copy(folder, tmp_path / f"trial-{k}", encrypted=not to_encrypted)
        pid = _convert_in_child(case_dir, to_encrypted, k)
        status = _wait(pid)
        killed = os.WIFSIGNALED(status)
        outcomes.append((killed, _check_whole(case_dir, docs)))
    # Early kills leave the old form, late ones (after the journal) the new one; the last
    # trials were not killed at all.
    assert outcomes[0] == (True, not to_encrypted)
    assert outcomes[-1] == (False, to_encrypted)
    assert (True, to_encrypted) in outcomes  # some kills fell inside the swap and were rolled forward


@pytest.mark.crash_trials
def test_a_conversion_killed_at_random_moments_leaves_a_whole_case(tmp_path, template):
    folder, docs = template
    rng = random.Random()
    started = time.perf_counter()
    pid = _convert_in_child(_copy(folder, tmp_path / "timing", encrypted=False), True, None)
    _wait(pid)
    duration = time.perf_counter() - started
    for trial in range(8):
        to_encrypted = trial % 2 == 0
        case_dir = _copy(folder, tmp_path / f"random-{trial}", encrypted=not to_encrypted)
        pid = _convert_in_child(case_dir, to_encrypted, None)
        time.sleep(rng.uniform(0, duration))
        os.kill(pid, signal.SIGKILL)
        _wait(pid)
        _check_whole(case_dir, docs)
