"""`export-pdf DOC OUT.pdf [--flatten] [--label] [--tracking-dots] [--json]`

Every redaction not rejected is applied (proposed ones included); the file is
verified before it is written, and nothing is written if the check fails."""

from __future__ import annotations

import argparse
import sys

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, terminal_progress
from evidence_desk.core.redaction.export import ExportOptions, export_pdf


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-pdf", help="one sanitised, redacted, verified PDF")
    p.add_argument("doc", metavar="DOC", help="document id or SHA-256 prefix")
    p.add_argument("output", metavar="OUT.pdf")
    p.add_argument("--flatten", action="store_true",
                   help="rasterise every page; keep a text layer only of words outside redactions")
    p.add_argument("--label", action="store_true", help="print the reason code on each box")
    p.add_argument("--tracking-dots", action="store_true",
                   help="whiten faint yellow printer tracking dots on colour scans")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    options = ExportOptions(flatten=args.flatten, label=args.label, tracking_dots=args.tracking_dots)
    with terminal_progress(not args.json) as progress:
        result = export_pdf(case, args.doc, args.output, options, progress)
    if args.json:
        print_json(result.to_json())
        return 0
    checked = result.verification.checked
    print(f"exported {result.output} ({result.pages} pages, {result.redactions} redactions applied, "
          f"{len(result.rebuilt_pages)} pages rebuilt from pixels)")
    print(f"verified: no redacted text, metadata, annotations or attachments; "
          f"{checked.get('boxes', 0)} boxes render solid; {checked.get('revisions', 1)} revision")
    if result.proposed:
        sys.stderr.write(f"warning: {result.proposed} of the applied redactions are still only proposed "
                         "(review them with `redact --list --status proposed`)\n")
    return 0
