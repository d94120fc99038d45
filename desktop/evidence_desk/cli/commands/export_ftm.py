"""`export-ftm OUT.json [--profile publication|internal] [--doc DOC…] [--json]`

The case's entities, mentions and documents as FollowTheMoney entities, one JSON
object a line, as `alephclient write-entities` and the OpenAleph client load them."""

from __future__ import annotations

import argparse

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json
from evidence_desk.core import settings
from evidence_desk.core.bundle.ftm_export import export_ftm
from evidence_desk.core.bundle.scrub import PROFILES


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-ftm", help="entities, mentions and documents as FollowTheMoney JSON for Aleph")
    p.add_argument("output", metavar="OUT.json")
    p.add_argument("--profile", choices=PROFILES,
                   help="publication: no source identity and nothing a redaction hides; internal: "
                        "everything (default: the export_profile setting)")
    p.add_argument("--doc", action="append", default=[], metavar="DOC", help="only this document (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    profile = args.profile or settings.load().export_profile
    result = export_ftm(case, args.output, profile=profile, documents=tuple(args.doc))
    if args.json:
        print_json(result.to_json())
        return 0
    counts = ", ".join(f"{n} {schema}" for schema, n in result.schemata.items())
    print(f"exported {result.entities} FollowTheMoney entities to {result.output} "
          f"({result.profile} profile, {result.documents} documents: {counts or 'nothing to export'})")
    print("load them into Aleph with: alephclient write-entities -i OUT.json -f COLLECTION")
    return 0
