"""Opening the case named on the command line (or the default one), asking for its
passphrase when it is encrypted."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from evidence_desk.core.errors import InvalidInputError, PassphraseRequiredError
from evidence_desk.core.paths import default_case_dir

if TYPE_CHECKING:  # core.case imports SQLAlchemy: `gui` must not pay for it before its first page
    from evidence_desk.core.case import Case

CASE_PASSPHRASE_ENV = "EVIDENCE_DESK_CASE_PASSPHRASE"


def case_dir(args: argparse.Namespace) -> Path:
    return Path(args.case).expanduser() if getattr(args, "case", None) else default_case_dir()


def read_passphrase_file(file: str) -> str:
    try:
        text = Path(file).expanduser().read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise InvalidInputError(f"cannot read the passphrase file {file} ({exc.strerror})") from exc
    if not text:
        raise InvalidInputError(f"the passphrase file {file} is empty")
    return text


def given_passphrase(args: argparse.Namespace, file: str | None = None) -> str | None:
    """The case passphrase a script gave: `file`, else the global --passphrase-file,
    else EVIDENCE_DESK_CASE_PASSPHRASE (None: none given)."""
    file = file or getattr(args, "case_passphrase_file", None)
    if file:
        return read_passphrase_file(file)
    return os.environ.get(CASE_PASSPHRASE_ENV) or None


def ask(prompt: str) -> str | None:
    """A passphrase typed on the terminal (None: there is no terminal to ask on)."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(prompt)


def open_case_at(folder: Path | str, args: argparse.Namespace, *, create: bool = False) -> Case:
    author = getattr(args, "author", None)
    passphrase = given_passphrase(args)
    try:
        return _case().open(folder, create=create, author=author, passphrase=passphrase)
    except PassphraseRequiredError:
        typed = ask(f"Passphrase for the case {folder}: ")
        if typed is None:
            raise PassphraseRequiredError(
                f"the case at {folder} is encrypted; give its passphrase with --passphrase-file FILE "
                f"(before the command) or {CASE_PASSPHRASE_ENV}, or run on a terminal to be asked") from None
        return _case().open(folder, create=create, author=author, passphrase=typed)


def open_case(args: argparse.Namespace, *, create: bool = False) -> Case:
    """Open the case; commands that add to a case may create the default or named one.
    `--case postgresql://…` names a team case by its database."""
    # Imported here: tomllib is not needed on the window's start-up path.
    from evidence_desk.core.db.location import is_server_url

    named = getattr(args, "case", None)
    where: str | Path = named if named and is_server_url(named) else case_dir(args)
    return open_case_at(where, args, create=create)


def _case() -> type[Case]:
    from evidence_desk.core.case import Case

    return Case
