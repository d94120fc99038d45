"""The `evidence-desk` command's first lines: when the command line asks for the window, the
render workers' fork server is started before anything else is imported.

The first page a window shows is drawn by a sandboxed worker forked from that server,
which must first import PyMuPDF (a few hundred milliseconds); the sooner it starts, on
the other core, the sooner the page is on screen. Parsing the command line (argparse,
the CLI's modules) and loading Qt happen meanwhile. Everything here is the standard
library only, so that the server starts before the CLI's own imports."""

from __future__ import annotations

import sys
from collections.abc import Sequence

_VALUED_OPTIONS = {"--case", "--passphrase-file", "--author"}


def opens_the_window(argv: Sequence[str]) -> bool:
    """The command line asks for the window (`gui`, or no command) and no help: the window's
    start-up then parses it with the `gui` command alone."""
    words = list(argv)
    i = 0
    while i < len(words):
        word = words[i]
        if word in ("-h", "--help", "--version"):
            return False
        if word in _VALUED_OPTIONS:
            i += 2
            continue
        if not word.startswith("-"):
            return word == "gui" and not {"-h", "--help"} & set(words[i + 1:])
        i += 1
    return True


def main(argv: Sequence[str] | None = None) -> int:
    if opens_the_window(sys.argv[1:] if argv is None else argv):
        from evidence_desk.core.sandbox import start_server

        start_server()
    from evidence_desk.cli.main import main as cli_main

    return cli_main(argv)
