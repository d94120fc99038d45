"""`case copy SRC DEST [--folder SHARED]` — move a case between SQLite and PostgreSQL.

`case` groups the commands that act on a case as a whole; each action is a
function registered below (`ACTIONS`), so other case-wide commands join the group
instead of adding a parser of their own."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from evidence_desk.cli.commands import case_crypto
from evidence_desk.cli.output import print_json, terminal_progress
from evidence_desk.core.case import Case
from evidence_desk.core.db.copy_case import copy_case
from evidence_desk.core.db.location import is_server_url
from evidence_desk.core.errors import EvidenceDeskError


def _add_copy(actions: argparse._SubParsersAction) -> None:
    p = actions.add_parser("copy", help="copy a case to a new folder (SQLite) or a PostgreSQL database, "
                                        "verified row for row")
    p.add_argument("source", metavar="SRC", help="a case folder, or a postgresql:// database")
    p.add_argument("dest", metavar="DEST", help="a new or empty folder, or a postgresql:// database "
                                                "holding no case")
    p.add_argument("--folder", metavar="SHARED", type=Path,
                   help="with a postgresql:// DEST: the shared folder for the originals (gets a case.toml)")
    p.add_argument("--json", action="store_true")


def _run_copy(args: argparse.Namespace) -> int:
    source: str | Path = args.source if is_server_url(args.source) else Path(args.source).expanduser()
    dest: str | Path = args.dest if is_server_url(args.dest) else Path(args.dest).expanduser()
    with Case.open(source, read_only=True) as src, terminal_progress(not args.json) as progress:
        report = copy_case(src, dest, folder=args.folder, progress=progress)
    if args.json:
        print_json(report.to_json())
    else:
        rows = sum(report.rows.values())
        print(f"copied {report.source} → {report.destination} (folder {report.folder}): {rows:,} rows in "
              f"{len(report.rows)} tables, {report.originals} original(s)")
        for problem in report.problems:
            print(f"  problem: {problem}")
        if report.ok:
            print("verified: every table equal to the source row for row; audit chain and originals verified")
    if not report.ok:
        raise EvidenceDeskError(f"the copy in {report.folder} differs from the source "
                                f"({len(report.problems)} problem(s)); do not use it")
    return 0


ACTIONS: dict[str, tuple[Callable[[argparse._SubParsersAction], None], Callable[[argparse.Namespace], int]]] = {
    "new": (case_crypto.add_new, case_crypto.run_new),
    "copy": (_add_copy, _run_copy),
    "encrypt": (case_crypto.add_encrypt, case_crypto.run_encrypt),
    "decrypt": (case_crypto.add_decrypt, case_crypto.run_decrypt),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("case", help="whole-case actions: new (optionally encrypted), copy between "
                                       "SQLite and PostgreSQL, encrypt, decrypt")
    actions = p.add_subparsers(dest="case_action", metavar="ACTION", required=True)
    for add, _run in ACTIONS.values():
        add(actions)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    return ACTIONS[args.case_action][1](args)
