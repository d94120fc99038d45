"""`provenance DOC [--source CODE] [--received DATE] [--method TEXT] [--custody TEXT] …`"""

from __future__ import annotations

import argparse

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json
from evidence_desk.core.provenance import (
    CONFIDENCE_LEVELS,
    VERIFICATION_STATUSES,
    ProvenanceUpdate,
    describe,
    update_edit,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("provenance", help="show or record where a document came from and its custody")
    p.add_argument("doc", metavar="DOC")
    p.add_argument("--source", metavar="CODE", help="the source's code name (never the identity)")
    p.add_argument("--received", metavar="DATE", help="when it was received (ISO date)")
    p.add_argument("--method", metavar="TEXT", help="how it was received")
    p.add_argument("--custody", metavar="TEXT", help="add a chain-of-custody event")
    p.add_argument("--verification", choices=VERIFICATION_STATUSES)
    p.add_argument("--confidence", choices=CONFIDENCE_LEVELS)
    p.add_argument("--notes", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    update = ProvenanceUpdate(args.source, args.received, args.method, args.verification,
                              args.confidence, args.notes, args.custody)
    if any(v is not None for v in vars(update).values()):
        case.apply(update_edit(case, args.doc, update))
    info = describe(case, args.doc)
    if args.json:
        print_json(info)
        return 0
    print(f"Document {info['document']}: {info['filename']}  (sha256 {info['sha256'][:16]}…)")
    print(f"  imported      {info['imported_at']} by {info['imported_by']}")
    for key in ("source", "received", "method", "verification", "confidence", "notes"):
        if info[key]:
            print(f"  {key:<14}{info[key]}")
    for event in info["custody"]:
        print(f"  custody       {event['at']}  {event['actor']}: {event['action']}")
    return 0
