"""`list [--json]`"""

from __future__ import annotations

import argparse

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, print_table
from evidence_desk.core.queries.documents import list_documents


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("list", help="list the documents in the case")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    docs = list_documents(open_case(args))
    if args.json:
        print_json([d.to_json() for d in docs])
        return 0
    print_table(
        ["id", "sha256", "pages", "kind", "date", "reference", "status", "filename"],
        [[d.id, d.sha256[:12], d.pages, d.kind, d.date, d.reference, d.review_status, d.filename]
         for d in docs],
    )
    return 0
