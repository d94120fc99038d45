"""`import PATH… [--ocr auto|always|never] [--lang LANGS] [--password-file FILE]`"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from evidence_desk.cli.argtypes import positive_int, positive_seconds
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, safe, terminal_progress
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.post_import import after_import


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help="import files and folders (PDF, JPEG, PNG, TIFF, WebP, BMP, GIF)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="auto: OCR pages without usable text (default); always; never")
    p.add_argument("--lang", metavar="LANGS", help="OCR languages, Tesseract codes joined by + (e.g. rus+eng+deu)")
    p.add_argument("--workers", type=positive_int(64), default=2, help="parser processes (default 2)")
    p.add_argument("--timeout", type=positive_seconds, default=60.0, help="seconds a file may take per step (default 60)")
    p.add_argument("--max-pages", type=positive_int(10_000_000), default=20_000, help="refuse documents with more pages")
    p.add_argument("--password-file", metavar="FILE",
                   help="open password-protected PDFs with the password in FILE (its first line; "
                        "used for this import only, never stored)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=run)


def read_password(file: str | None) -> bytes | None:
    """The first line of FILE as bytes (a PDF password is bytes; its encoding is not ours to guess)."""
    if file is None:
        return None
    try:
        raw = Path(file).expanduser().read_bytes()
    except OSError as exc:
        raise InvalidInputError(f"cannot read the password file {file} ({exc.strerror})") from exc
    line = raw.splitlines()[0] if raw.strip(b"\r\n") else b""
    if not line:
        raise InvalidInputError(f"the password file {file} is empty")
    return line


def run(args: argparse.Namespace) -> int:
    password = read_password(args.password_file)
    case = open_case(args, create=True)
    options = ImportOptions(workers=max(1, args.workers), timeout=args.timeout, max_pages=args.max_pages,
                            ocr=args.ocr, languages=args.lang)
    with terminal_progress(not args.json) as progress:
        report = import_paths(case, args.paths, options, progress, password=password)
        post = after_import(case, report, options, progress)
    if args.json:
        data = report.to_json()
        data.update(post)
        print_json(data)
    else:
        for outcome in report.outcomes:
            if outcome.status == "imported":
                print(f"imported  {outcome.document_id:>5}  {safe(outcome.path)}  ({outcome.pages} pages)")
            elif outcome.status == "restored":
                print(f"restored  {outcome.document_id:>5}  {safe(outcome.path)}: {safe(outcome.reason)}")
            elif outcome.status == "duplicate":
                print(f"duplicate        {safe(outcome.path)}: {safe(outcome.reason)}")
            else:
                print(f"refused          {safe(outcome.path)}: {safe(outcome.reason)}")
        for line in post.get("messages", []):
            print(line)
        print(report.summary(), file=sys.stderr)
    return 1 if report.cancelled or report.nothing_usable else 0
