"""Printing for the command line: JSON documents, plain tables, progress bars."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from evidence_desk.core.printable import escape, escape_keeping_lines
from evidence_desk.core.progress import Progress, ProgressState


def safe(value: object) -> str:
    """One field for a line of output: a file name's newline, ESC or bidi control is
    shown escaped, so it can neither split a row nor drive the terminal."""
    return escape("" if value is None else str(value))


class TerminalSafe:
    """A text stream that escapes control and bidirectional characters other than the
    line breaks and tabs the output itself writes: the last guard for text printed
    without `safe` (a message quoting a hostile file's metadata)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape_keeping_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    cells = [[safe(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, v in enumerate(row):
            widths[i] = min(max(widths[i], len(v)), 48)
    def fmt(row: Sequence[str]) -> str:
        return "  ".join((v if len(v) <= 48 else v[:47] + "…").ljust(widths[i]) for i, v in enumerate(row)).rstrip()
    print(fmt(list(headers)))
    print(fmt(["-" * w for w in widths]))
    for row in cells:
        print(fmt(row))


@contextmanager
def terminal_progress(enabled: bool = True) -> Iterator[Progress]:
    """A Progress drawn as a bar on stderr when stderr is a terminal."""
    progress = Progress()
    if not enabled or not sys.stderr.isatty():
        yield progress
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    with RichProgress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("[dim]{task.fields[detail]}"), transient=True,
    ) as bar:
        task = bar.add_task("", total=None, detail="")

        def show(state: ProgressState) -> None:
            bar.update(task, description=state.label, total=state.total, completed=state.done,
                       detail=state.detail[:40])

        progress.subscribe(show)
        yield progress
