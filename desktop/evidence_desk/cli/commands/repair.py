"""`repair [CASE] [--passphrase-file FILE] [--json]`: rebuild a damaged case database beside
the damaged one. An encrypted case's passphrase comes as for every command: the file, the
environment (EVIDENCE_DESK_CASE_PASSPHRASE) or a prompt on a terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence_desk.cli.context import CASE_PASSPHRASE_ENV, ask, case_dir, given_passphrase
from evidence_desk.cli.output import print_json, safe, terminal_progress
from evidence_desk.core.crypto.header import is_encrypted
from evidence_desk.core.errors import PassphraseRequiredError
from evidence_desk.core.repair import repair_case


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("repair", help="rebuild a damaged case database from its originals and audit log")
    p.add_argument("target", nargs="?", metavar="CASE", help="default: the current case")
    p.add_argument("--passphrase-file", metavar="FILE", help="an encrypted case's passphrase")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    folder = Path(args.target).expanduser() if args.target else case_dir(args)
    passphrase = _passphrase(args, folder)
    with terminal_progress(not args.json) as progress:
        report = repair_case(folder, author=getattr(args, "author", None), progress=progress,
                             passphrase=passphrase)
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


def _passphrase(args: argparse.Namespace, folder: Path) -> str | None:
    if not is_encrypted(folder):
        return None
    given = given_passphrase(args, args.passphrase_file)
    if given is None:
        given = ask(f"Passphrase for the case {folder}: ")
    if given is None:
        raise PassphraseRequiredError(
            f"the case at {folder} is encrypted; give its passphrase with --passphrase-file FILE or "
            f"{CASE_PASSPHRASE_ENV}, or run on a terminal to be asked")
    return given
