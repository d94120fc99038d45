"""`suggest [--accept ID…|--reject ID…|--accept-all|--reject-all] [--doc DOC] [--kind K] [--refresh] [--json]`"""

from __future__ import annotations

import argparse

from evidence_desk.cli.argtypes import record_id
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, print_table, terminal_progress
from evidence_desk.core.documents import resolve
from evidence_desk.core.suggest.pipeline import (
    AUTO_ACCEPT_CHOICES,
    analyse_documents,
    set_auto_accept,
)
from evidence_desk.core.suggest.store import (
    KINDS,
    decide,
    list_suggestions,
    pending_ids,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("suggest", help="suggested mentions, dates, amounts, references and document details")
    act = p.add_mutually_exclusive_group()
    act.add_argument("--accept", type=record_id, nargs="+", metavar="ID", help="accept these suggestions")
    act.add_argument("--reject", type=record_id, nargs="+", metavar="ID", help="reject these suggestions")
    act.add_argument("--accept-all", action="store_true", help="accept every pending one (within --doc/--kind)")
    act.add_argument("--reject-all", action="store_true", help="reject every pending one (within --doc/--kind)")
    p.add_argument("--doc", metavar="DOC", help="only this document")
    p.add_argument("--kind", choices=KINDS, help="only this kind")
    p.add_argument("--status", choices=("pending", "accepted", "rejected", "all"), default="pending")
    p.add_argument("--refresh", action="store_true",
                   help="read the documents again first (pages whose text changed) and link citations")
    p.add_argument("--force", action="store_true", help="with --refresh: read every page, changed or not")
    p.add_argument("--auto-accept", choices=AUTO_ACCEPT_CHOICES,
                   help="set which suggestions count without review: exact-aliases (known names found as "
                        "written) or off (the default)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    doc_id = None
    if args.doc:
        with case.read() as s:
            doc_id = resolve(s, args.doc).id
    if args.auto_accept:
        set_auto_accept(case, args.auto_accept)
        if not args.json:
            print(f"auto-accept: {args.auto_accept}")
    if args.refresh:
        with terminal_progress(not args.json) as progress:
            analysis = analyse_documents(case, [doc_id] if doc_id else None, progress, force=args.force)
        if not args.json:
            print(f"read {analysis.pages_read} page(s), {analysis.pages_unchanged} unchanged; {analysis.summary()}")
    ids = args.accept or args.reject
    if args.accept_all or args.reject_all:
        ids = pending_ids(case, doc_id, args.kind)
    if ids:
        accept = bool(args.accept or args.accept_all)
        edit = decide(case, ids, accept)
        if args.json:
            print_json({"accepted" if accept else "rejected": edit.ids, "mentions": edit.mention_ids})
        else:
            print(f"{'accepted' if accept else 'rejected'} {len(edit.ids)} suggestion(s)")
        return 0
    rows = list_suggestions(case, doc_id, args.kind, None if args.status == "all" else args.status)
    if args.json:
        print_json(rows)
    else:
        print_table(["id", "kind", "doc", "page", "value", "entity/field", "quote", "why", "status"],
                    [[r["id"], r["kind"], r["doc"], r["page"], r["normalized"] if r["kind"] != "entity" else r["value"],
                      r["entity"] or r["field"], r["quote"], r["note"] or "", r["status"]] for r in rows])
    return 0
