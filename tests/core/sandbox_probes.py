"""Functions the sandbox tests run inside a worker, some of them playing a compromised one
(a parser taken over by a hostile file writes whatever it likes to its end of the pipe)."""

from __future__ import annotations

import os
import pickle
import socket
import struct
import time
from pathlib import Path

from evidence_desk.core import sandbox
from evidence_desk.core.pdf.render_types import RenderedPage
from evidence_desk.core.wire import EntryPoint

_HERE = "tests.core.sandbox_probes"


class _RunsCode:
    """Unpickling this creates `marker`: proof that a reply was unpickled."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (Path(self.marker),))  # type: ignore[return-value]


def _pipe_fd() -> int:
    assert sandbox._WIRE is not None
    return sandbox._WIRE.fileno()


def sleep(seconds: float) -> None:
    time.sleep(seconds)


def exit_now(code: int) -> None:
    os._exit(code)


def pid() -> int:
    return os.getpid()


def environment() -> dict[str, str]:
    return dict(os.environ)


def group() -> tuple[int, int]:
    return os.getpid(), os.getpgrp()


def start_child() -> int:
    """Start a long-lived child in the worker's group (as Tesseract would be) and return its pid."""
    child = os.fork()
    if child == 0:
        time.sleep(600)
        os._exit(0)
    return child


def open_network() -> str:
    try:
        with socket.create_connection(("1.1.1.1", 53), timeout=2):
            return "connected"
    except OSError as exc:
        return f"refused: {exc.__class__.__name__}"


def write_file(path: str) -> str:
    try:
        Path(path).write_text("x", encoding="utf-8")
        return "written"
    except OSError as exc:
        return f"refused: {exc.__class__.__name__}"


def send_pickle(marker: str) -> int:
    """Reply with a pickle that would create `marker` if the parent unpickled it."""
    sandbox._WIRE.send_bytes(pickle.dumps(("ok", _RunsCode(marker))))  # type: ignore[union-attr]
    time.sleep(30)
    return 0


def send_oversized() -> int:
    """A frame header announcing 2 GiB (then nothing): the parent must not try to read it."""
    os.write(_pipe_fd(), struct.pack("!i", 2**31 - 1))
    time.sleep(30)
    return 0


def send_huge_64bit_length() -> int:
    """multiprocessing's 64-bit length form (-1, then 8 bytes) announcing an exabyte."""
    os.write(_pipe_fd(), struct.pack("!i", -1) + struct.pack("!Q", 2**60))
    time.sleep(30)
    return 0


def send_truncated() -> int:
    """A header for 1000 bytes, 10 bytes of body, then the worker dies."""
    os.write(_pipe_fd(), struct.pack("!i", 1000) + b"\x93\xa2ok" + b"\0" * 6)
    os._exit(0)


def send_lying_page() -> RenderedPage:
    """A well-formed reply whose page claims more pixels than it carries."""
    return RenderedPage(width=4000, height=4000, stride=12000, samples=b"\0" * 30, scale=1.0, rotate=0)


def scream(text: str) -> None:
    """Write to stderr (as a chatty or hostile parser would) and die."""
    os.write(2, text.encode("utf-8"))
    os._exit(7)


SLEEP: EntryPoint[None] = EntryPoint(_HERE, "sleep", type(None))
EXIT_NOW: EntryPoint[None] = EntryPoint(_HERE, "exit_now", type(None))
PID: EntryPoint[int] = EntryPoint(_HERE, "pid", int)
ENVIRONMENT: EntryPoint[dict[str, str]] = EntryPoint(_HERE, "environment", dict[str, str])
GROUP: EntryPoint[tuple[int, int]] = EntryPoint(_HERE, "group", tuple[int, int])
START_CHILD: EntryPoint[int] = EntryPoint(_HERE, "start_child", int)
OPEN_NETWORK: EntryPoint[str] = EntryPoint(_HERE, "open_network", str)
WRITE_FILE: EntryPoint[str] = EntryPoint(_HERE, "write_file", str)
SEND_PICKLE: EntryPoint[int] = EntryPoint(_HERE, "send_pickle", int)
SEND_OVERSIZED: EntryPoint[int] = EntryPoint(_HERE, "send_oversized", int, max_reply=1024 * 1024)
SEND_HUGE_64BIT: EntryPoint[int] = EntryPoint(_HERE, "send_huge_64bit_length", int, max_reply=1024 * 1024)
SEND_TRUNCATED: EntryPoint[int] = EntryPoint(_HERE, "send_truncated", int)
SEND_LYING_PAGE: EntryPoint[RenderedPage] = EntryPoint(_HERE, "send_lying_page", RenderedPage)
SCREAM: EntryPoint[None] = EntryPoint(_HERE, "scream", type(None))
