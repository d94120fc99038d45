"""What a sandbox worker may see: a cleaned environment, a private scratch folder, and on
Linux (when `bwrap` is installed and user namespaces work) a bubblewrap jail.

Inside the jail the whole file system is read-only except the scratch folder and
`/dev/shm` (render workers write pages into shared memory), there is no network
(`--unshare-net`), a new session (no terminal to inject keystrokes into), and the jail
dies with its parent. Without bubblewrap the rlimits in `core/sandbox.py` still apply.

Every process keeps its temporary files in one session folder named for its pid,
`<tmp>/evidence-desk-<pid>-<random>/`: its workers' scratch, multiprocessing's
sockets (instead of anonymous `pymp-*` folders) and the demo's corpus. The folder is
removed at exit, and `sweep_stale_sessions` (run when a case is opened) removes the
folders of processes that died without removing theirs (kill -9, power loss)."""

from __future__ import annotations

import atexit
import contextlib
import functools
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

SESSION_PREFIX = "evidence-desk-"
_SESSION_NAME = re.compile(r"^evidence-desk-(?:demo-)?(\d+)-")
# What a worker needs from the caller's environment: finding programs (tesseract), the
# locale, Tesseract's data and binary (a bundle ships its own), thread limits, and Python's
# own import path when it is set.
_KEPT = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TESSDATA_PREFIX", "OMP_THREAD_LIMIT",
         "PYTHONPATH", "EVIDENCE_DESK_NO_BWRAP", "EVIDENCE_DESK_TESSERACT")
_lock = threading.Lock()
_session: Path | None = None


def session_dir() -> Path:
    """This process's private temporary folder (mode 0700), created on first use."""
    global _session
    with _lock:
        if _session is None or not _session.is_dir():
            _session = Path(tempfile.mkdtemp(prefix=f"{SESSION_PREFIX}{os.getpid()}-"))
            (_session / "scratch").mkdir(mode=0o700)
            atexit.register(shutil.rmtree, _session, ignore_errors=True)
        return _session


def scratch_dir() -> Path:
    """Where workers may write (their only writable folder inside the jail)."""
    return session_dir() / "scratch"


def worker_environment() -> dict[str, str]:
    """The environment a worker runs with: nothing of the caller's but what it needs."""
    env = {key: os.environ[key] for key in _KEPT if key in os.environ}
    scratch = str(scratch_dir())
    env.update(HOME=scratch, TMPDIR=scratch, OMP_THREAD_LIMIT=env.get("OMP_THREAD_LIMIT", "1"))
    env.setdefault("PATH", "/usr/bin:/bin")
    return env


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def owner_alive(pid: int) -> bool:
    """True if process `pid` still runs (a pid of this machine's current boot)."""
    return pid == os.getpid() or _pid_alive(pid)


def sweep_stale_sessions(base: Path | None = None) -> list[Path]:
    """Remove session and demo folders whose owning process is gone; return what was removed."""
    base = Path(base or tempfile.gettempdir())
    removed = []
    try:
        entries = list(base.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = _SESSION_NAME.match(entry.name)
        if match is None or owner_alive(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink() and entry.stat().st_uid == os.getuid():
                shutil.rmtree(entry)
                removed.append(entry)
    return removed


def _bwrap_args(scratch: Path) -> list[str]:
    return ["--ro-bind", "/", "/", "--dev", "/dev", "--bind", "/dev/shm", "/dev/shm",
            "--bind", str(scratch), str(scratch), "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--die-with-parent", "--new-session"]


@functools.cache
def bwrap_path() -> str | None:
    """`bwrap` if it is installed and can build a jail here (user namespaces may be off)."""
    if sys.platform != "linux" or os.environ.get("EVIDENCE_DESK_NO_BWRAP"):
        return None
    exe = shutil.which("bwrap")
    if exe is None:
        return None
    try:
        done = subprocess.run([exe, *_bwrap_args(scratch_dir()), "true"], capture_output=True, timeout=20,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return exe if done.returncode == 0 else None


def jailed_python() -> Path | None:
    """A launcher that runs this Python inside the jail (multiprocessing starts its fork
    server with it), or None when there is no bubblewrap."""
    exe = bwrap_path()
    if exe is None:
        return None
    session = session_dir()
    launcher = session / "jailed-python"
    if not launcher.exists():
        env = [a for key, value in worker_environment().items() for a in ("--setenv", key, value)]
        args = [exe, *_bwrap_args(session / "scratch"), "--clearenv", *env, "--", sys.executable]
        quoted = " ".join(_sh(a) for a in args)
        launcher.write_text(f"#!/bin/sh\nexec {quoted} \"$@\"\n", encoding="utf-8")
        launcher.chmod(0o700)
    return launcher


def mount_signature() -> bytes:
    """What is mounted where, as this process sees it. A jail sees the mounts of the
    moment it started (propagation is off on many systems), so a drive mounted later is
    invisible inside it until the jail is started again."""
    try:
        return hashlib.sha256(Path("/proc/self/mountinfo").read_bytes()).digest()
    except OSError:
        return b""


def _sh(arg: str) -> str:
    return "'" + arg.replace("'", "'\\''") + "'"


_PART_NAME = re.compile(r"^\..+\.(\d+)-[0-9a-f]{12}\.part$")


def part_path(target: Path) -> Path:
    """A temporary name beside `target` for a file about to replace it, carrying this
    process's pid; `.part` files of processes that died (a killed export) are removed."""
    with contextlib.suppress(OSError):
        for entry in target.parent.iterdir():
            match = _PART_NAME.match(entry.name)
            if match and not owner_alive(int(match.group(1))) and entry.is_file():
                entry.unlink(missing_ok=True)
    return target.parent / f".{target.name}.{os.getpid()}-{os.urandom(6).hex()}.part"


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(source: Path, part: Path, target: Path) -> None:
    """Copy `source` (a worker's output in its scratch folder) to `part`, flush it, and
    rename it over `target`: the target is either the old file or the whole new one."""
    with open(source, "rb") as src, open(part, "wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
        dst.flush()
        os.fsync(dst.fileno())
    os.replace(part, target)
    _fsync_dir(target.parent)
