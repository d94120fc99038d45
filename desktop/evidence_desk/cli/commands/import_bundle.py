"""`import-bundle BUNDLE.zip [--resolve mine|theirs|both] [--json]`

Merges a colleague's internal bundle into the case by stable ids. Records changed
on both sides are listed as conflicts and left as they are, unless --resolve says
whose version to keep (or to keep both)."""

from __future__ import annotations

import argparse

from evidence_desk.cli.commands.bundle_args import bundle_parser, run_bundle_step
from evidence_desk.cli.context import open_case
from evidence_desk.core.bundle.import_bundle import import_bundle
from evidence_desk.core.bundle.merge_plan import RESOLUTIONS


def register(sub: argparse._SubParsersAction) -> None:
    bundle_parser(sub, "import-bundle", help="merge a colleague's bundle into this case", path=("bundle", "BUNDLE.zip"),
                  option="--resolve", choices=RESOLUTIONS, run=run,
                  option_help="for records changed on both sides: keep mine, take theirs, or keep both "
                              "(default: list the conflicts and change nothing for them)")


def run(args: argparse.Namespace) -> int:
    case = open_case(args, create=True)
    result = run_bundle_step(args, lambda progress: import_bundle(case, args.bundle, args.resolve, progress))
    if result is None:
        return 0
    counts = result.plan.counts()
    new = ", ".join(f"{n} {k}" for k, n in counts["new"].items()) or "nothing new"
    taken = ", ".join(f"{n} {k}" for k, n in counts["taken"].items())
    print(f"merged {args.bundle}: {result.documents_added} documents added; new: {new}"
          + (f"; updated from theirs: {taken}" if taken else ""))
    for warning in result.warnings:
        print(f"warning  {warning}")
    if result.conflicts:
        action = {"mine": "kept mine", "theirs": "took theirs", "both": "kept both"}.get(result.resolution or "",
                                                                                           "left unchanged")
        print(f"{len(result.conflicts)} conflicts ({action}):")
        for conflict in result.conflicts:
            print(f"  CONFLICT  {conflict.describe()}")
        if result.resolution is None:
            print("resolve them with --resolve mine|theirs|both")
    return 0
