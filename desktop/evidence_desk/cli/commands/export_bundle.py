"""`export OUT.zip [--profile publication|internal] [--doc DOC…] [--sign [KEY]] [--json]`

A zipped BagIt bundle: sanitised PDFs (and, internal profile, the originals),
annotations, entities, provenance, the audit log and an offline report."""

from __future__ import annotations

import argparse

from evidence_desk.cli.commands.bundle_args import bundle_parser, run_bundle_step
from evidence_desk.cli.commands.passphrase import read_passphrase
from evidence_desk.cli.context import open_case
from evidence_desk.core import settings
from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.bundle.scrub import PROFILES


def register(sub: argparse._SubParsersAction) -> None:
    p = bundle_parser(sub, "export", help="a verifiable bundle (zipped BagIt bag) of the case or some documents",
                      path=("output", "OUT.zip"), option="--profile", choices=PROFILES, run=run,
                      option_help="publication: redacted files only, no source identity; internal: everything, "
                                  "originals included (default: the export_profile setting, publication unless "
                                  "changed)")
    p.add_argument("--doc", action="append", default=[], metavar="DOC", help="only this document (repeatable)")
    p.add_argument("--sign", nargs="?", const="default", metavar="KEY",
                   help="sign the bundle with your key (default name: default; see `key create`)")
    p.add_argument("--passphrase-file", metavar="FILE", help="the signing key's passphrase")


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    passphrase = read_passphrase(args.passphrase_file) if args.sign else None
    profile = args.profile or settings.load().export_profile
    options = BundleOptions(profile=profile, documents=tuple(args.doc), sign_key=args.sign,
                            passphrase=passphrase)
    result = run_bundle_step(args, lambda progress: export_bundle(case, args.output, options, progress))
    if result is None:
        return 0
    print(f"exported {result.output} ({result.profile} profile, {result.documents} documents, "
          f"{result.members} members, {result.bytes:,} bytes)")
    print(f"audit log: {result.audit_entries} entries up to {result.audit_head[:16]}…"
          + (f", {result.withheld_entries} withheld (they quote redacted or internal text)"
             if result.withheld_entries else ""))
    if result.signer_fingerprint:
        print(f"signed by key {result.signer_fingerprint}")
    return 0
