"""`repair [CASE] [--json]`: rebuild a damaged case database beside the damaged one."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence_desk.cli.context import case_dir
from evidence_desk.cli.output import print_json, safe, terminal_progress
from evidence_desk.core.repair import repair_case


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("repair", help="rebuild a damaged case database from its originals and audit log")
    p.add_argument("target", nargs="?", metavar="CASE", help="default: the current case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.target).expanduser() if args.target else case_dir(args)
    with terminal_progress(not args.json) as progress:
        report = repair_case(folder, author=getattr(args, "author", None), progress=progress)
    if args.json:
        print_json(report.to_json())
        return 0 if not report.problems else 1
    if report.damaged_kept:
        print(f"kept      the damaged database as {safe(report.damaged_kept.name)}")
    print(f"rebuilt   {report.documents} documents ({report.pages} pages) from their originals")
    print(f"recovered {report.entries_recovered} audit log entries")
    for sha in report.missing_originals:
        print(f"missing   original {sha[:16]}… (import the same file again to restore it)")
    for action, count in sorted(report.not_replayed.items()):
        print(f"not redone {count} × {safe(action)} (in the recovered log; redo it by hand)")
    for problem in report.problems:
        print(f"PROBLEM   {safe(problem)}")
    print("repaired; run `evidence-desk verify` to check the case", file=sys.stderr)
    return 0 if not report.problems else 1
