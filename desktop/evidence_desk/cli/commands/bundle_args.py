"""What `export` and `import-bundle` share: a bundle file, one choice of how (the
profile to write, or whose version wins a conflict), `--json`, and a run with a
progress bar whose result is printed as JSON when asked."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import Any

from evidence_desk.cli.output import print_json, terminal_progress
from evidence_desk.core.progress import Progress


def bundle_parser(sub: argparse._SubParsersAction, name: str, *, help: str, path: tuple[str, str],
                  option: str, choices: Sequence[str], option_help: str,
                  run: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    p = sub.add_parser(name, help=help)
    dest, metavar = path
    p.add_argument(dest, metavar=metavar)
    p.add_argument(option, choices=choices, help=option_help)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)
    return p


def run_bundle_step(args: argparse.Namespace, step: Callable[[Progress], Any]) -> Any | None:
    """The step's result, or None once printed as JSON (`--json`)."""
    with terminal_progress(not args.json) as progress:
        result = step(progress)
    if args.json:
        print_json(result.to_json())
        return None
    return result
