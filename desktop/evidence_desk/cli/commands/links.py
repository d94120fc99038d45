"""`links [DOC] [--json]`, `links --build`, `links add SRC TARGET --kind K [--page N] [--rect …] [--text Q]`"""

from __future__ import annotations

import argparse
import sys

from evidence_desk.cli.argtypes import coordinate, page_number
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, print_table
from evidence_desk.core.commands.links import LINK_KINDS, AddLink, RemoveLink
from evidence_desk.core.geometry import Rect
from evidence_desk.core.links.registry import build_reference_links
from evidence_desk.core.queries.links import all_links, document_links


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("links", help="document links: cites / cited by, and other links")
    p.add_argument("args", nargs="*", metavar="DOC | add SRC TARGET | remove ID",
                   help="a document (its links), or `add SRC TARGET`, or `remove LINK_ID`")
    p.add_argument("--kind", choices=LINK_KINDS, help="kind of link to add")
    p.add_argument("--page", type=page_number, help="evidence page on the source document")
    p.add_argument("--rect", nargs=4, type=coordinate, metavar=("X0", "Y0", "X1", "Y1"), help="evidence region")
    p.add_argument("--text", metavar="QUOTE", help="evidence quote")
    p.add_argument("--note", help="why the documents are linked")
    p.add_argument("--build", action="store_true", help="link documents citing each other's reference numbers")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    words = list(args.args)
    if args.build:
        ids = build_reference_links(case)
        if args.json:
            print_json({"added": ids})
        else:
            print(f"{len(ids)} citation link(s) added")
        return 0
    if words and words[0] == "add":
        if len(words) != 3 or not args.kind:
            raise SystemExit(_usage("links add SRC TARGET --kind KIND [--page N] [--rect X0 Y0 X1 Y1] [--text QUOTE]"))
        rect = Rect.normalized(*args.rect) if args.rect else None
        edit = AddLink(words[1], words[2], args.kind, page=args.page, rect=rect, quote=args.text,
                       note=args.note)
        case.apply(edit)
        print_json({"link": edit.created_id}) if args.json else print(f"link {edit.created_id} added")
        return 0
    if words and words[0] == "remove":
        if len(words) != 2 or not words[1].isdigit():
            raise SystemExit(_usage("links remove LINK_ID"))
        case.apply(RemoveLink(int(words[1])))
        print_json({"removed": int(words[1])}) if args.json else print(f"link {words[1]} removed")
        return 0
    if len(words) > 1:
        raise SystemExit(_usage("links [DOC]"))
    if words:
        data = document_links(case, words[0])
        if args.json:
            print_json(data.to_json())
            return 0
        for title, items in (("cites", data.cites), ("cited by", data.cited_by), ("other links", data.other)):
            print(f"{title}:")
            for item in items:
                kind = "" if items is not data.other else f"{item.kind} ({'→' if item.direction == 'out' else '←'}) "
                where = f" p.{item.page}" if item.page else ""
                print(f"  {kind}document {item.other} {item.other_filename}{where}  {item.quote or ''}")
        return 0
    rows = all_links(case)
    if args.json:
        print_json([r.to_json() for r in rows])
    else:
        print_table(["id", "kind", "source", "target", "page", "quote", "origin"],
                    [[r.id, r.kind, r.source, r.target, r.page, r.quote, r.origin] for r in rows])
    return 0


def _usage(text: str) -> int:
    sys.stderr.write(f"error: usage: evidence-desk {text}\n")
    return 1
