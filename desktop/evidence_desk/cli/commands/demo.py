"""`demo [DIR]`: build the demo case from the generated specimen corpus."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_desk.cli.output import terminal_progress
from evidence_desk.core.paths import demo_case_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="build the demo case (specimen corpus, OCR, tags)")
    p.add_argument("dir", nargs="?", metavar="DIR", help="where to build it (default: the demo case folder)")
    p.add_argument("--force", action="store_true", help="rebuild even if the folder already holds the demo")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from evidence_desk.core.demo.build import build_demo_case, describe_case

    target = Path(args.dir).expanduser() if args.dir else (
        Path(args.case).expanduser() if args.case else demo_case_dir())
    with terminal_progress() as progress:
        case = build_demo_case(target, progress=progress, force=args.force)
    print(describe_case(case))
    return 0
