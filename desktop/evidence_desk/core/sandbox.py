"""Worker processes for untrusted work (parsing, rendering, OCR of hostile files).

A worker is a process forked from a fork server that runs, where possible, inside a
bubblewrap jail (`core/confine.py`: no network, read-only files but its scratch
folder); it has an address-space and CPU-time limit, a cleaned environment, its own
process group (it and anything it starts, such as Tesseract, are stopped together:
SIGTERM, a short grace period, SIGKILL), and its stderr goes to a file in its scratch
folder, shown only sanitised. The parent enforces a wall-clock timeout per call.
Whatever the file does to MuPDF or Pillow (hang, crash, eat memory, take over the
parser) ends that worker, never the caller: the call raises `WorkerTimeout`,
`WorkerCrashed` or `WorkerError` and the next call gets a fresh worker.

Calls and replies cross as length-framed MessagePack (`core/wire.py`), never pickle:
a reply is checked against its size limit before it is read and decoded only into
the type its `EntryPoint` declares.

Workers are processes, not threads: PyMuPDF is not thread-safe."""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import os
import signal
import sys
import threading
import traceback
from dataclasses import dataclass
from multiprocessing import forkserver, resource_tracker, spawn, util
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from evidence_desk.core import confine
from evidence_desk.core.errors import EvidenceDeskError, WorkerCrashed, WorkerError, WorkerTimeout
from evidence_desk.core.printable import escape_block

if TYPE_CHECKING:
    from evidence_desk.core.wire import EntryPoint

# `core.wire` (msgspec) is imported where a call is made or served, not here: the window
# starts the fork server (`start_server`) before it has imported anything else.

R = TypeVar("R")
GRACE_SECONDS = 0.5  # between SIGTERM and SIGKILL when a worker is stopped
STDERR_TAIL = 4000  # bytes of a dead worker's stderr kept for its error message


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 3072
    cpu_seconds: int | None = None  # per worker lifetime; the wall clock is per call


def _apply_limits(limits: Limits) -> None:
    try:
        import resource

        mem = limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        if limits.cpu_seconds:
            resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core dumps of sensitive pages
    except (ImportError, ValueError, OSError):  # pragma: no cover - non-POSIX
        pass


def _die_with_server() -> None:
    """Linux: the worker is killed when the fork server ends (it ends with the parent), so
    a worker busy on a hostile file does not outlive a parent killed with -9."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() == 1:  # the server ended before the call took effect
            os._exit(1)


# The worker's end of its pipe (worker processes only): a compromised parser could find
# it anyway, and the hostile-reply tests use it to play one.
_WIRE: Connection | None = None


def _worker_main(conn: Connection, limits: Limits, preload: tuple[str, ...], env: dict[str, str],
                 cwd: str | None, stderr_path: str) -> None:
    from evidence_desk.core import wire

    global _WIRE
    _WIRE = conn
    with contextlib.suppress(OSError):
        os.setsid()  # its own process group: stopped as one, with whatever it starts
    _die_with_server()
    with contextlib.suppress(OSError):
        fd = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(fd, 2)
        os.close(fd)
    os.environ.clear()
    os.environ.update(env)
    if cwd is not None:
        with contextlib.suppress(OSError):
            os.chdir(cwd)
    _apply_limits(limits)
    for module_name in preload:  # import the parser while the parent is still hashing the file
        with contextlib.suppress(Exception):  # a failure is reported on first use instead
            importlib.import_module(module_name)
    while True:
        try:
            data = conn.recv_bytes(wire.MAX_REQUEST)
        except (EOFError, OSError):
            return
        if not data:
            return
        conn.send_bytes(_serve_one(data))


def _serve_one(data: bytes) -> bytes:
    from evidence_desk.core import wire

    try:
        request = wire.decode_request(data)
        module_name, func_name = request.entry.rsplit(".", 1)
        func = getattr(importlib.import_module(module_name), func_name)
        args, kwargs = wire.convert_arguments(func, request.args, request.kwargs)
        return wire.encode_result(func(*args, **kwargs))
    except EvidenceDeskError as exc:
        return wire.encode_failure(wire.USER, str(exc), exc)
    except MemoryError:
        return wire.encode_failure(wire.MEMORY, "ran out of its memory limit")
    except Exception as exc:  # a parser error: report it as data, keep the worker
        detail = f"{type(exc).__name__}: {exc}".strip()
        traceback.print_exc(limit=3)  # into the worker's stderr file
        return wire.encode_failure(wire.ERROR, detail[:500])


# Modules the fork server imports once, so every worker starts with PyMuPDF, the wire format
# and ctypes loaded (not Pillow: images.pillow). The server is a fresh interpreter, not a fork
# of the caller: workers inherit no database connection, no Qt and no threads.
SERVER_PRELOAD = ["evidence_desk.core.sandbox", "evidence_desk.core.wire", "evidence_desk.core.pdf.extract",
                  "evidence_desk.core.pdf.render", "ctypes"]
_context_lock = threading.Lock()
_context: Any = None
_server_mounts: bytes | None = None  # the mount table the jailed fork server was started with
_server_started_as: int | None = None  # its pid and its starter (a forked child owns neither)
_server_owner: int | None = None


def _mp_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in mp.get_all_start_methods():
                _context = mp.get_context("forkserver")
                _context.set_forkserver_preload(SERVER_PRELOAD)
                # multiprocessing's sockets go in our session folder, not an anonymous pymp-*
                # folder that a killed process would leave behind.
                mp.current_process()._config.setdefault("tempdir", str(confine.session_dir()))
            else:  # pragma: no cover - Windows
                _context = mp.get_context("spawn")
        return _context


def _ensure_server() -> None:
    """Start the fork server inside the jail (again, if it died)."""
    if _mp_context().get_start_method() != "forkserver":  # pragma: no cover - Windows
        return
    with _context_lock:
        resource_tracker.ensure_running()  # outside the jail: it unlinks shared memory
        launcher = confine.jailed_python()
        if launcher is None:
            forkserver.ensure_running()
            return
        global _server_mounts, _server_started_as, _server_owner
        mounts = confine.mount_signature()
        if _server_mounts is not None and mounts != _server_mounts:
            # A drive was mounted or unmounted since the jail started: a new jail sees it.
            _let_go_of_server()
        plain = spawn.get_executable()
        spawn.set_executable(str(launcher))
        try:
            forkserver.ensure_running()
        finally:
            spawn.set_executable(plain)
        if forkserver._forkserver._forkserver_pid != _server_started_as:
            _server_started_as, _server_owner = forkserver._forkserver._forkserver_pid, os.getpid()
        _server_mounts = mounts


def _let_go_of_server() -> None:
    """Forget the running fork server so that the next start makes a new one: close our end
    of its alive pipe and reap it in the background. Not multiprocessing's _stop(), which
    waits for it to exit: it exits only after every worker it forked (each holds a copy of
    that pipe), so with a live worker (a render pool's) the caller waited forever."""
    server = forkserver._forkserver
    with server._lock:
        pid, alive, address = server._forkserver_pid, server._forkserver_alive_fd, server._forkserver_address
        server._forkserver_pid = server._forkserver_alive_fd = server._forkserver_address = None
    with contextlib.suppress(OSError, TypeError):  # TypeError: there was none
        os.close(alive)  # type: ignore[arg-type]
    if _server_owner != os.getpid():
        return  # a forked child's inherited server is its parent's: its socket and its exit are theirs
    if address is not None and not util.is_abstract_socket_namespace(address):
        with contextlib.suppress(OSError):
            os.unlink(address)
    if pid is not None:
        threading.Thread(target=_reap, args=(pid,), name="reap-old-fork-server", daemon=True).start()


def _reap(pid: int) -> None:
    with contextlib.suppress(OSError):  # ChildProcessError included
        os.waitpid(pid, 0)


def start_server() -> None:
    """Start the jailed fork server now, without waiting for it: it imports PyMuPDF and
    Pillow on another core while the caller imports the rest (the window: Qt), so the
    first worker is forked ready a second or two sooner."""
    _ensure_server()


def jailed() -> bool:
    """True when workers run inside bubblewrap."""
    return confine.jailed_python() is not None


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the caller's folder was removed
        return None


def _signal_group(proc: mp.process.BaseProcess, sig: int) -> None:
    """Signal the worker's process group (it and what it started); a worker that has not
    yet made its own group is signalled alone, and only while it is known to be alive."""
    pid = proc.pid
    if pid is None:
        return
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        if proc.is_alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
    except PermissionError:  # pragma: no cover - the group is someone else's
        pass


class SandboxWorker:
    """One worker process, started lazily and replaced after a timeout or crash."""

    def __init__(self, limits: Limits | None = None, preload: tuple[str, ...] = ()) -> None:
        self.limits = limits or Limits()
        self.preload = preload
        self._ctx = _mp_context()
        self._proc: mp.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._stderr: Path | None = None
        self._lock = threading.Lock()
        self.last_stderr = ""  # sanitised tail of the last dead worker's stderr

    @property
    def pid(self) -> int | None:
        proc = self._proc
        return proc.pid if proc is not None and proc.is_alive() else None

    def _start(self) -> None:
        _ensure_server()
        parent, child = self._ctx.Pipe()
        self._stderr = confine.scratch_dir() / f"worker-{os.urandom(6).hex()}.stderr"
        proc = self._ctx.Process(target=_worker_main, daemon=True, args=(
            child, self.limits, self.preload, confine.worker_environment(), _cwd(), str(self._stderr)))
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent

    def _kill(self) -> None:
        proc = self._proc
        if proc is not None and proc.pid is not None:
            if proc.is_alive():
                _signal_group(proc, signal.SIGTERM)
                proc.join(GRACE_SECONDS)
            _signal_group(proc, signal.SIGKILL)  # and whatever it started
            proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._collect_stderr()
        self._proc, self._conn = None, None

    def _collect_stderr(self) -> None:
        path, self._stderr = self._stderr, None
        if path is None:
            return
        with contextlib.suppress(OSError):
            with open(path, "rb") as fh:
                fh.seek(max(0, os.fstat(fh.fileno()).st_size - STDERR_TAIL))
                self.last_stderr = escape_block(fh.read().decode("utf-8", "replace"))
            path.unlink()

    def kill(self) -> None:
        """Stop the process now (a call in progress fails with WorkerCrashed)."""
        proc = self._proc
        if proc is not None and proc.is_alive():
            _signal_group(proc, signal.SIGKILL)

    def start(self) -> None:
        """Start the process now (it is otherwise started by the first call)."""
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._kill()
                self._start()

    def call(self, entry: EntryPoint[R] | str, *args: Any, timeout: float = 60.0, max_reply: int | None = None,
             **kwargs: Any) -> R:
        """Run `entry` in the worker and return its reply, decoded into the entry's type.
        `max_reply` lowers the entry's reply limit for this call (never raises it)."""
        from evidence_desk.core import wire
        from evidence_desk.core.wire import EntryPoint

        if isinstance(entry, str):
            entry = EntryPoint.named(entry)
        limit = entry.max_reply if max_reply is None else min(max_reply, entry.max_reply)
        request = wire.encode_request(entry, args, kwargs)
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._kill()
                self._start()
            assert self._conn is not None and self._proc is not None
            try:
                self._conn.send_bytes(request)
                if not self._conn.poll(timeout):
                    self._kill()
                    raise WorkerTimeout(f"gave no answer within {timeout:.0f} s and was stopped")
                data = self._conn.recv_bytes(limit)
            except EOFError as exc:
                code = self._proc.exitcode if self._proc is not None else None
                self._kill()
                raise WorkerCrashed(_crash_reason(code)) from exc
            except OSError as exc:
                # recv_bytes refuses a frame longer than max_reply from its header alone
                oversized = "bad message length" in str(exc)
                code = self._proc.exitcode if self._proc is not None else None
                self._kill()
                if oversized:
                    raise WorkerError(f"the worker sent a reply over the {limit:,}-byte "
                                      f"limit of {entry.function}; it was refused") from None
                raise WorkerCrashed(_crash_reason(code)) from exc
            try:
                reply = wire.decode_reply(data)
                if reply.status == wire.OK:
                    return wire.decode_result(entry, reply)
            except WorkerError:
                self._kill()  # a worker that sends garbage is not trusted with another call
                raise
        if reply.status == wire.USER:
            raise wire.user_error(reply)
        if reply.status == wire.MEMORY:
            with self._lock:
                self._kill()  # its heap may be fragmented or half-freed: start clean
            raise WorkerCrashed(f"needed more than {self.limits.memory_mb} MiB of memory")
        raise WorkerError(reply.detail or "the worker failed")

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._proc is not None and self._proc.is_alive():
                try:
                    self._conn.send_bytes(b"")
                    self._proc.join(2)
                except (OSError, BrokenPipeError):
                    pass
            self._kill()

    def __enter__(self) -> SandboxWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def run_isolated(entry: EntryPoint[R], *args: Any, timeout: float = 60.0, limits: Limits | None = None,
                 **kwargs: Any) -> R:
    """Run one call in a fresh worker that is stopped afterwards (nothing carries over
    from an earlier call: use it to check what another worker produced)."""
    with SandboxWorker(limits) as worker:
        return worker.call(entry, *args, timeout=timeout, **kwargs)


def _crash_reason(exitcode: int | None) -> str:
    if exitcode is None:
        return "the worker process died"
    if exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the worker process crashed ({name})"
    return f"the worker process exited with status {exitcode}"
