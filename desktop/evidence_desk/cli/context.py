"""Opening the case named on the command line (or the default one)."""

from __future__ import annotations

import argparse
from pathlib import Path

from evidence_desk.core.case import Case
from evidence_desk.core.paths import default_case_dir


def case_dir(args: argparse.Namespace) -> Path:
    return Path(args.case).expanduser() if getattr(args, "case", None) else default_case_dir()


def open_case(args: argparse.Namespace, *, create: bool = False) -> Case:
    """Open the case; commands that add to a case may create the default or named one."""
    return Case.open(case_dir(args), create=create, author=getattr(args, "author", None))
