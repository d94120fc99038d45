"""Opening the case named on the command line (or the default one)."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_desk.core.case import Case
from evidence_desk.core.db.location import is_server_url
from evidence_desk.core.paths import default_case_dir


def case_dir(args: argparse.Namespace) -> Path:
    return Path(args.case).expanduser() if getattr(args, "case", None) else default_case_dir()


def open_case(args: argparse.Namespace, *, create: bool = False) -> Case:
    """Open the case; commands that add to a case may create the default or named one.
    `--case postgresql://…` names a team case by its database."""
    named = getattr(args, "case", None)
    where: str | Path = named if named and is_server_url(named) else case_dir(args)
    return Case.open(where, create=create, author=getattr(args, "author", None))
