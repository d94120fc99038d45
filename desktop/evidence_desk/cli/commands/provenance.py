"""`provenance DOC [--source CODE] [--received DATE] [--method TEXT] [--custody TEXT] …`"""

from __future__ import annotations

import argparse

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json
from evidence_desk.core.db.models import CUSTODY_KINDS
from evidence_desk.core.provenance import (
    CONFIDENCE_LEVELS,
    LEGACY_STATUSES,
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
    p.add_argument("--custody-kind", choices=CUSTODY_KINDS, default="received",
                   help="what the custody event was (default: received)")
    p.add_argument("--counterpart", metavar="WHO", help="to or from whom (transferred, disclosed)")
    p.add_argument("--received-by", metavar="NAME", help="who at the desk received it")
    p.add_argument("--verification", choices=(*VERIFICATION_STATUSES, *LEGACY_STATUSES))
    p.add_argument("--reasoning", metavar="TEXT", help="why the verification status is what it is")
    p.add_argument("--confidence", choices=CONFIDENCE_LEVELS)
    p.add_argument("--identity", metavar="TEXT",
                   help="the source's real identity: kept in the case, only ever in internal bundles")
    p.add_argument("--notes", metavar="TEXT")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    update = ProvenanceUpdate(args.source, args.received, args.method, args.verification,
                              args.confidence, args.notes, args.custody, args.custody_kind, args.counterpart,
                              args.received_by, args.reasoning, args.identity)
    if any(v is not None for k, v in vars(update).items() if k != "custody_kind"):
        case.apply(update_edit(case, args.doc, update))
    info = describe(case, args.doc)
    if args.json:
        print_json(info)
        return 0
    print(f"Document {info['document']}: {info['filename']}  (sha256 {info['sha256'][:16]}…)")
    print(f"  imported      {info['imported_at']} by {info['imported_by']}")
    print(f"  file          {info['original_path'] or '—'} ({info['size_bytes']:,} bytes)"
          + (f", modified {info['file_times']['modified']}" if info["file_times"].get("modified") else ""))
    for key in ("source", "received", "received_by", "method", "verification", "confidence", "reasoning",
                "notes"):
        if info[key]:
            print(f"  {key:<14}{info[key]}")
    if info["identity"]:
        print("  identity      (recorded; internal bundles only)")
    for event in info["custody"]:
        who = f" ({event['counterpart']})" if event["counterpart"] else ""
        print(f"  custody       {event['at']}  {event['kind']}{who} by {event['actor']}: {event['action']}")
    return 0
