"""One window per case: a lock file the window holds while it has the case open.

`case.lock` holds who has it (pid, host, program, since), for the message a second window
shows; the lock itself is an `flock` on that file, which the kernel drops when its
process dies however it dies, so a stale lock (kill -9, a crash, power loss) is
recovered by the next acquire without guessing from pids. The command line does not
take it: scripts may keep working beside the window (their writes queue in SQLite).

A second window opens the case read-only and says who holds it (`open_for_window`)."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from evidence_desk.core.case import Case

LOCK_NAME = "case.lock"


@dataclass(frozen=True)
class LockHolder:
    pid: int
    host: str
    program: str = ""
    since: str = ""

    def describe(self) -> str:
        where = "" if self.host == socket.gethostname() else f" on {self.host}"
        return f"{self.program or 'another Evidence Desk'} (pid {self.pid}{where}, since {self.since or '?'})"


class CaseLock:
    """A held lock; release it (or let the process end) to let another window in."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    @classmethod
    def acquire(cls, folder: Path) -> CaseLock | None:
        """The lock, or None if a live process holds it."""
        path = Path(folder) / LOCK_NAME
        for _ in range(5):  # the file may be replaced between open and flock: try again
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                return None
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # released and unlinked by its holder meanwhile
                os.close(fd)
                continue
            info = {"pid": os.getpid(), "host": socket.gethostname(), "program": Path(sys.argv[0]).name,
                    "since": datetime.now(UTC).isoformat(timespec="seconds")}
            os.ftruncate(fd, 0)
            os.write(fd, (json.dumps(info) + "\n").encode("utf-8"))
            os.fsync(fd)
            return cls(path, fd)
        return None

    def release(self) -> None:
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            os.unlink(self.path)  # unlinked while still locked: no one can lock the old file
        os.close(self._fd)
        self._fd = -1

    def __enter__(self) -> CaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def holder(folder: Path) -> LockHolder | None:
    """Who holds the case's lock now (None: nobody alive does)."""
    path = Path(folder) / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raw = os.read(fd, 4096)
            try:
                data = json.loads(raw.decode("utf-8"))
                return LockHolder(int(data["pid"]), str(data["host"]), str(data.get("program", "")),
                                  str(data.get("since", "")))
            except (ValueError, KeyError, TypeError):
                return LockHolder(0, "?")
        return None  # the file is there but nobody holds it: a stale lock
    finally:
        os.close(fd)


def open_for_window(folder: Path | str, *, author: str | None = None,
                    opener: Callable[[bool], Case | None] | None = None,
                    ) -> tuple[Case | None, CaseLock | None, str | None]:
    """Open a case for a window: with the lock when it is free, else read-only with a
    sentence saying who has it open. The caller releases the lock when the window closes.

    `opener(read_only)` opens the case (the window's asks for an encrypted case's
    passphrase); it may return None (cancelled), and so then does this."""
    if opener is None:
        def opener(read_only: bool) -> Case | None:
            return Case.open(folder, author=author, read_only=read_only)
    case = opener(False)
    if case is None:
        return None, None, None
    if case.read_only:
        return case, None, f"the case is read-only ({case.read_only_reason})"
    lock = CaseLock.acquire(case.path)
    if lock is not None:
        return case, lock, None
    case.close()
    other = holder(Path(case.path))
    who = other.describe() if other else "another window"
    return opener(True), None, f"the case is open in {who}; this window shows it read-only"
