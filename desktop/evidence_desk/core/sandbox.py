"""Worker processes for untrusted work (parsing, rendering, OCR of hostile files).

A worker is a spawned process with an address-space limit and a CPU-time
limit; the parent enforces a wall-clock timeout per call. Whatever the file does
to MuPDF or Pillow (hang, crash, eat memory) ends that worker, never the caller:
the call raises `WorkerTimeout` or `WorkerCrashed` and the next call gets a fresh
worker. Only picklable plain data (numbers, strings, bytes, dataclasses) comes back.

Workers are processes, not threads: PyMuPDF is not thread-safe."""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import os
import threading
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from evidence_desk.core.errors import (
    EvidenceDeskError,
    WorkerCrashed,
    WorkerError,
    WorkerTimeout,
)


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


def _worker_main(conn: Connection, limits: Limits, preload: tuple[str, ...] = (),
                 env: dict[str, str] | None = None, cwd: str | None = None) -> None:
    if env is not None:  # forked from the fork server: take the caller's environment, as spawn would
        os.environ.clear()
        os.environ.update(env)
    if cwd is not None:
        with contextlib.suppress(OSError):
            os.chdir(cwd)
    _apply_limits(limits)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    for module_name in preload:  # import the parser while the parent is still hashing the file
        with contextlib.suppress(Exception):  # a failure is reported on first use instead
            importlib.import_module(module_name)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        func_path, args, kwargs = message
        try:
            module_name, func_name = func_path.rsplit(".", 1)
            func = getattr(importlib.import_module(module_name), func_name)
            result = func(*args, **kwargs)
            conn.send(("ok", result))
        except EvidenceDeskError as exc:
            conn.send(("user", exc))
        except MemoryError:
            conn.send(("memory", "ran out of its memory limit"))
        except Exception as exc:  # a parser error: report it as data, keep the worker
            detail = f"{type(exc).__name__}: {exc}".strip()
            conn.send(("error", detail[:500], traceback.format_exc(limit=3)[-2000:]))


# Modules the fork server imports once, so every worker forked from it starts with
# PyMuPDF and Pillow loaded (milliseconds instead of 1–3 s of interpreter start-up and
# imports per worker). The server is a fresh interpreter, not a fork of the caller:
# workers inherit no database connection, no Qt and no threads.
SERVER_PRELOAD = ["evidence_desk.core.sandbox", "evidence_desk.core.pdf.extract"]
_context_lock = threading.Lock()
_context: Any = None


def _mp_context() -> Any:
    global _context
    with _context_lock:
        if _context is None:
            if "forkserver" in mp.get_all_start_methods():
                _context = mp.get_context("forkserver")
                _context.set_forkserver_preload(SERVER_PRELOAD)
            else:  # pragma: no cover - Windows
                _context = mp.get_context("spawn")
        return _context


def _cwd() -> str | None:
    try:
        return os.getcwd()
    except OSError:  # the caller's folder was removed
        return None


class SandboxWorker:
    """One worker process, started lazily and replaced after a timeout or crash."""

    def __init__(self, limits: Limits | None = None, preload: tuple[str, ...] = ()) -> None:
        self.limits = limits or Limits()
        self.preload = preload
        self._ctx = _mp_context()
        self._proc: mp.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._lock = threading.Lock()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe()
        proc = self._ctx.Process(target=_worker_main, daemon=True, args=(
            child, self.limits, self.preload, dict(os.environ), _cwd()))
        proc.start()
        child.close()
        self._proc, self._conn = proc, parent

    def _kill(self) -> None:
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc, self._conn = None, None

    def start(self) -> None:
        """Start the process now (it is otherwise started by the first call)."""
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._kill()
                self._start()

    def call(self, func_path: str, *args: Any, timeout: float = 60.0, **kwargs: Any) -> Any:
        with self._lock:
            if self._proc is None or not self._proc.is_alive():
                self._kill()
                self._start()
            assert self._conn is not None and self._proc is not None
            try:
                self._conn.send((func_path, args, kwargs))
                if not self._conn.poll(timeout):
                    self._kill()
                    raise WorkerTimeout(f"gave no answer within {timeout:.0f} s and was stopped")
                reply = self._conn.recv()
            except (EOFError, OSError, BrokenPipeError) as exc:
                code = self._proc.exitcode if self._proc is not None else None
                self._kill()
                raise WorkerCrashed(_crash_reason(code)) from exc
        status = reply[0]
        if status == "ok":
            return reply[1]
        if status == "user":
            raise reply[1]
        if status == "memory":
            self._kill()  # its heap may be fragmented or half-freed: start clean
            raise WorkerCrashed(f"needed more than {self.limits.memory_mb} MiB of memory")
        raise WorkerError(reply[1])

    def close(self) -> None:
        with self._lock:
            if self._conn is not None and self._proc is not None and self._proc.is_alive():
                try:
                    self._conn.send(None)
                    self._proc.join(2)
                except (OSError, BrokenPipeError):
                    pass
            self._kill()

    def __enter__(self) -> SandboxWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _crash_reason(exitcode: int | None) -> str:
    if exitcode is None:
        return "the worker process died"
    if exitcode < 0:
        import signal

        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the worker process crashed ({name})"
    return f"the worker process exited with status {exitcode}"
