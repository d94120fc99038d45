"""`case encrypt [CASE]` and `case decrypt [CASE]` (actions of the `case` group, cli/commands/
case_cmd.py): a case's encryption at rest, changed in place (core/crypto/convert.py), then verified.
`case new CASE [--encrypt]`: a new, empty case, encrypted from the start when asked."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_desk.cli.context import ask, case_dir, given_passphrase, open_case_at
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.crypto.convert import convert
from evidence_desk.core.crypto.create import create_case, passphrase_problem
from evidence_desk.core.crypto.header import is_encrypted
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.verify_case import verify_case


def _add(actions: argparse._SubParsersAction, name: str, text: str) -> None:
    a = actions.add_parser(name, help=text)
    a.add_argument("target", nargs="?", metavar="CASE", help="default: the current case")
    a.add_argument("--passphrase-file", metavar="FILE",
                   help="the passphrase (the new one for encrypt, the current one for decrypt)")


def add_encrypt(actions: argparse._SubParsersAction) -> None:
    _add(actions, "encrypt", "encrypt the case in place (database, originals) with a passphrase")


def add_decrypt(actions: argparse._SubParsersAction) -> None:
    _add(actions, "decrypt", "turn an encrypted case back into a plain one, in place")


def add_new(actions: argparse._SubParsersAction) -> None:
    a = actions.add_parser("new", help="create a new, empty case (with --encrypt: encrypted at rest)")
    a.add_argument("target", metavar="CASE", help="a new or empty folder")
    a.add_argument("--encrypt", action="store_true",
                   help="encrypt the case (database, originals) with a passphrase from the start")
    a.add_argument("--passphrase-file", metavar="FILE", help="with --encrypt: the new passphrase")


def run_new(args: argparse.Namespace) -> int:
    folder = Path(args.target).expanduser()
    if (folder / DB_NAME).exists() or is_encrypted(folder):
        raise InvalidInputError(f"{folder} already holds a case")
    if args.passphrase_file and not args.encrypt:
        raise InvalidInputError("--passphrase-file is for --encrypt; nothing was created")
    # Asked before anything is created: a mistyped confirmation leaves no half-made case.
    passphrase = _new_passphrase(args, folder) if args.encrypt else None
    report = create_case(folder, author=getattr(args, "author", None), passphrase=passphrase)
    if report is None:
        print(f"created the case {folder}")
        return 0
    return _finish(folder, "created encrypted", f"{report.tables} tables checked", passphrase)


def _folder(args: argparse.Namespace) -> Path:
    return Path(args.target).expanduser() if args.target else case_dir(args)


def _new_passphrase(args: argparse.Namespace, folder: Path) -> str:
    given = given_passphrase(args, args.passphrase_file)
    if given is None:
        given = ask(f"New passphrase for the case {folder}: ")
        if given is None:
            raise InvalidInputError("give the new passphrase with --passphrase-file FILE or "
                                    "EVIDENCE_DESK_CASE_PASSPHRASE, or run on a terminal to be asked")
        if ask("The same passphrase again: ") != given:
            raise InvalidInputError("the two passphrases differ; nothing was changed")
    if problem := passphrase_problem(given):
        raise InvalidInputError(f"{problem}; nothing was changed")
    return given


def _finish(folder: Path, verb: str, report_counts: str, passphrase: str | None) -> int:
    with Case.open(folder, passphrase=passphrase) as case:
        checked = verify_case(case)
    if not checked.ok:
        print(f"case {verb} ({report_counts}), but verify reports: {'; '.join(checked.problems)}")
        return 1
    print(f"case {verb}: {report_counts}; verify OK")
    return 0


def run_encrypt(args: argparse.Namespace) -> int:
    folder = _folder(args)
    case = open_case_at(folder, args)
    try:
        if case.encrypted:
            raise InvalidInputError(f"the case at {case.path} is already encrypted")
        passphrase = _new_passphrase(args, case.path)
        report = convert(case, passphrase)
    finally:
        case.close()
    counts = f"{report.documents} documents, {report.originals} originals, {report.tables} tables checked"
    return _finish(case.path, "encrypted", counts, passphrase)


def run_decrypt(args: argparse.Namespace) -> int:
    folder = _folder(args)
    if args.passphrase_file:
        args.case_passphrase_file = args.passphrase_file
    case = open_case_at(folder, args)
    try:
        if not case.encrypted:
            raise InvalidInputError(f"the case at {case.path} is not encrypted")
        report = convert(case, None)
    finally:
        case.close()
    counts = f"{report.documents} documents, {report.originals} originals, {report.tables} tables checked"
    return _finish(case.path, "decrypted", counts, None)
