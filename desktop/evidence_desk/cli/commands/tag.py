"""`tag DOC --page N (--rect X0 Y0 X1 Y1 | --text QUOTE) --entity NAME [--type TYPE]`"""

from __future__ import annotations

import argparse

from sqlalchemy import select

from evidence_desk.cli.argtypes import coordinate, page_number
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import Page
from evidence_desk.core.documents import resolve
from evidence_desk.core.geometry import Rect
from evidence_desk.core.text.match import find_text
from evidence_desk.core.text.stream import PageStream


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("tag", help="tag an entity on a page region or a quoted text")
    p.add_argument("doc", metavar="DOC", help="document id or SHA-256 prefix")
    p.add_argument("--page", type=page_number, required=True)
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--rect", nargs=4, type=coordinate, metavar=("X0", "Y0", "X1", "Y1"),
                       help="region in PDF points of the unrotated page, top-left origin")
    where.add_argument("--text", metavar="QUOTE", help="a quote on the page (its word boxes give the region)")
    p.add_argument("--entity", required=True, metavar="NAME", help="entity name or alias, any script")
    p.add_argument("--type", metavar="TYPE", help="entity type, needed when the entity is new")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def quote_region(case, doc_ref: str, page: int, quote: str) -> Rect | None:  # type: ignore[no-untyped-def]
    """The region of the quote's first occurrence on the page, from the page's word boxes."""
    with case.read() as s:
        doc = resolve(s, doc_ref)
        rows = s.execute(select(Page.words).where(Page.document_id == doc.id, Page.number == page)).scalar()
    stream = PageStream.build(rows or [])
    found = find_text(stream, quote)
    return stream.region(found[0].start, found[0].end) if found else None


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    rect = Rect.normalized(*args.rect) if args.rect else None
    if args.text:
        rect = quote_region(case, args.doc, args.page, args.text)
    tag = Tag(args.doc, args.page, args.entity, args.type, rect=rect, quote=args.text)
    case.apply(tag)
    if args.json:
        print_json({"mention": tag.created_id, "document": tag.document_id, "page": tag.page,
                    "rect": list(rect.as_tuple()) if rect else None, "quote": args.text})
    else:
        print(f"mention {tag.created_id} added on document {tag.document_id} page {tag.page}")
    return 0
