"""`verify CASE|BUNDLE.zip|FILE.pdf [--json]`"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from evidence_desk.cli.context import case_dir, open_case_at
from evidence_desk.cli.output import print_json
from evidence_desk.core.case import DB_NAME
from evidence_desk.core.db.location import CASE_TOML, is_server_url
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.search import rebuild_index
from evidence_desk.core.verify_case import VerifyReport, verify_case

# Verifiers for other targets, provided by the export features: module, function.
FILE_VERIFIERS = {
    ".pdf": ("evidence_desk.core.redaction.verify_pdf", "verify_pdf_file"),
    ".zip": ("evidence_desk.core.bundle.verify_bundle", "verify_bundle_file"),
}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("verify", help="check a case, a bundle or an exported PDF")
    p.add_argument("target", nargs="?", metavar="CASE|BUNDLE.zip|FILE.pdf",
                   help="default: the current case")
    p.add_argument("--json", action="store_true")
    p.add_argument("--repair-index", action="store_true",
                   help="rebuild the case's search index from the page text, then verify")
    p.set_defaults(func=run)


def verify_target(args: argparse.Namespace) -> VerifyReport:
    named = args.target or getattr(args, "case", None)
    server = bool(named) and is_server_url(named)
    target = Path(args.target).expanduser() if args.target else case_dir(args)
    if server or target.is_dir():
        if not server and not (target / DB_NAME).exists() and not (target / CASE_TOML).exists():
            raise InvalidInputError(f"{target} is not a case folder (no {DB_NAME} and no {CASE_TOML})")
        with open_case_at(named if server else target, args) as case:
            if getattr(args, "repair_index", False):
                pages = rebuild_index(case)
                print(f"search index rebuilt ({pages} pages)", file=sys.stderr)
            return verify_case(case)
    if getattr(args, "repair_index", False):
        raise InvalidInputError("--repair-index applies to a case folder only")
    if not target.is_file():
        raise InvalidInputError(f"{target}: no such case, bundle or file")
    suffix = target.suffix.lower()
    if suffix not in FILE_VERIFIERS:
        raise InvalidInputError(f"{target}: verify takes a case folder, a .zip bundle or a .pdf file")
    module_name, func_name = FILE_VERIFIERS[suffix]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise InvalidInputError(f"verifying {suffix} files is not available in this build") from exc
    return getattr(module, func_name)(target)  # type: ignore[no-any-return]


def run(args: argparse.Namespace) -> int:
    report = verify_target(args)
    if args.json:
        print_json(report.to_json())
    else:
        for problem in report.problems:
            print(f"PROBLEM  {problem}")
        for warning in report.warnings:
            print(f"warning  {warning}")
        checked = ", ".join(_checked(k, v) for k, v in report.checked.items() if k != "unexplained")
        print(("OK" if report.ok else "FAILED") + f"  {report.target}" + (f"  ({checked})" if checked else ""))
    return 0 if report.ok else 1


def _checked(key: str, value: object) -> str:
    if key == "replay" and isinstance(value, dict):  # the log replayed against the records
        return f"replayed: {value.get('entries')} entries, {value.get('records')} records, " \
               f"unexplained: {value.get('unexplained')}"
    return f"{key}: {value}"
