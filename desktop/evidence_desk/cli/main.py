"""`evidence-desk`: the entry point. Parses arguments, opens the case, dispatches.

Every subcommand lives in `evidence_desk.cli.commands.<name>` with a
`register(subparsers)` function; errors users can cause become one line on
stderr and exit status 1, never a traceback."""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence

from evidence_desk import __version__
from evidence_desk.cli.output import TerminalSafe
from evidence_desk.cli.start import opens_the_window
from evidence_desk.core.errors import EvidenceDeskError

COMMAND_MODULES = (
    "gui",
    "demo",
    "import_cmd",
    "list_cmd",
    "show",
    "search_cmd",
    "note",
    "verify",
    "settings_cmd",
    "repair",
)
# Filled in by later features; a module that does not exist yet is simply absent.
OPTIONAL_COMMAND_MODULES = (
    "ocr_cmd",
    "tag",
    "entity",
    "suggest",
    "links",
    "redact",
    "provenance",
    "export_pdf",
    "export_bundle",
    "import_bundle",
    "export_ftm",
    "case_cmd",
    "key",
    "history_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        # argparse's own errors follow the contract too: one line, exit 1.
        sys.stderr.write(f"error: {message}\n")
        sys.exit(1)


def build_parser(commands: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every command (or only `commands`, module names: `gui` alone needs
    none of the others, and importing them all costs seconds of SQLAlchemy and PyMuPDF)."""
    parser = _Parser(
        prog="evidence-desk",
        description="Review, tag, redact and export sensitive document packages — offline.",
    )
    parser.add_argument("--version", action="version", version=f"evidence-desk {__version__}")
    parser.add_argument("--case", metavar="DIR", help="the case folder (default: your default case)")
    parser.add_argument("--demo", action="store_true", help="open the GUI on the demo case, building it first")
    parser.add_argument("--passphrase-file", dest="case_passphrase_file", metavar="FILE",
                        help="an encrypted case's passphrase, read from FILE (or set "
                             "EVIDENCE_DESK_CASE_PASSPHRASE; on a terminal you are asked)")
    parser.add_argument("--author", help="name recorded in the audit log (default: the author setting, else your login name)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES + OPTIONAL_COMMAND_MODULES if commands is None else commands:
        try:
            module = importlib.import_module(f"evidence_desk.cli.commands.{name}")
        except ModuleNotFoundError as exc:
            if name in OPTIONAL_COMMAND_MODULES and exc.name == f"evidence_desk.cli.commands.{name}":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    if isinstance(sys.stdout, TerminalSafe):
        return _main(argv)
    plain = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(sys.stdout), TerminalSafe(sys.stderr)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = plain


def _main(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    window = opens_the_window(words)
    if window:
        from evidence_desk.core.sandbox import start_server

        # The render workers' fork server loads PyMuPDF on the other core while this process
        # parses and loads Qt (the `evidence-desk` command started it already: cli/start.py).
        start_server()
    parser = build_parser(["gui"] if window else None)
    args = parser.parse_args(argv)
    if args.command is None:
        args.command = "gui"
        from evidence_desk.cli.commands import gui

        args.func = gui.run
        args.screenshot = None
        args.gui_demo = False
    try:
        return int(args.func(args) or 0)
    except EvidenceDeskError as exc:
        sys.stderr.write(f"error: {_one_line(str(exc))}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("error: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:
        if exc.errno not in _USER_OS_ERRORS:
            return _internal(exc)
        where = f": {_short_path(exc.filename)}" if exc.filename else ""
        sys.stderr.write(f"error: {exc.strerror or exc}{where}\n")
        return 1
    except Exception as exc:
        return _internal(exc)


# File-system refusals a user causes (a path too long, missing, not writable): their own line.
_USER_OS_ERRORS = {errno.ENAMETOOLONG, errno.ENOENT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ELOOP,
                   errno.ENOTDIR, errno.EISDIR, errno.ENOSPC, errno.EDQUOT, errno.EEXIST}


def _short_path(path: object) -> str:
    text = str(path)
    return text if len(text) <= 120 else text[:60] + "…" + text[-40:]


def _internal(exc: BaseException) -> int:
    if os.environ.get("EVIDENCE_DESK_DEBUG"):
        raise exc
    sys.stderr.write(f"error: internal error ({type(exc).__name__}: {_one_line(str(exc))}); "
                     "run with EVIDENCE_DESK_DEBUG=1 for details\n")
    return 1


def _one_line(text: str) -> str:
    return " ".join(text.split())


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
