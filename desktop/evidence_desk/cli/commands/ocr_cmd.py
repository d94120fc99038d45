"""`ocr [DOC…] [--lang LANGS] [--force] [--json]` and `ocr --list-langs`"""

from __future__ import annotations

import argparse
import sys

from evidence_desk.cli.argtypes import positive_int
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, terminal_progress
from evidence_desk.core.ocr import tesseract
from evidence_desk.core.ocr.service import ocr_documents, resolve_documents
from evidence_desk.core.suggest.pipeline import analyse_documents


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ocr", help="read pages without usable text with Tesseract (resumes a killed run)")
    p.add_argument("docs", nargs="*", metavar="DOC", help="documents (default: every document)")
    p.add_argument("--lang", metavar="LANGS", help="Tesseract languages joined by + (default: the document's, "
                   "else settings, else rus+eng+deu)")
    p.add_argument("--force", action="store_true", help="OCR every page again, replacing its text")
    p.add_argument("--workers", type=positive_int(64), default=None, help="Tesseract processes (default: one per core)")
    p.add_argument("--no-deskew", action="store_true", help="do not straighten skewed scans first")
    p.add_argument("--list-langs", action="store_true", help="show the installed Tesseract languages and exit")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list_langs:
        langs = tesseract.installed_languages()
        if args.json:
            print_json({"engine": tesseract.version(), "languages": langs})
        else:
            print(tesseract.version())
            for code in langs:
                print(code)
        return 0
    case = open_case(args)
    doc_ids = resolve_documents(case, args.docs) if args.docs else None
    with terminal_progress(not args.json) as progress:
        report = ocr_documents(case, doc_ids, args.lang, progress, "force" if args.force else "auto",
                               workers=args.workers, deskew=not args.no_deskew)
        # New text: read it again (pages whose text did not change are skipped).
        analysis = None if report.cancelled or not report.pages_done else analyse_documents(case, doc_ids, progress)
    if args.json:
        print_json({**report.to_json(), **({"analysis": analysis.to_json()} if analysis else {})})
    else:
        if analysis is not None:
            print(analysis.summary())
        for f in report.failed:
            print(f"failed  document {f['doc']} page {f['page']}: {f['reason']}")
        print(report.summary(), file=sys.stderr)
    return 1 if report.cancelled else 0
