"""`note DOC [--page N] [--rect X0 Y0 X1 Y1] [--internal] TEXT` (and `note --case-note TEXT`)"""

from __future__ import annotations

import argparse

from evidence_desk.cli.argtypes import coordinate, page_number
from evidence_desk.cli.context import open_case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.notes import add_note


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("note", help="add a note to a document, a page or a region")
    p.add_argument("doc", metavar="DOC", help="document id or SHA-256 prefix (or 'case' for a case note)")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--page", type=page_number)
    p.add_argument("--rect", nargs=4, type=coordinate, metavar=("X0", "Y0", "X1", "Y1"))
    p.add_argument("--internal", action="store_true",
                   help="an internal note: kept out of publication bundles")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    rect = Rect.normalized(*args.rect) if args.rect else None
    doc = None if args.doc == "case" else args.doc
    note_id = add_note(case, doc, " ".join(args.text), page=args.page, rect=rect, internal=args.internal)
    print(f"note {note_id} added")
    return 0
