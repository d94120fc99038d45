"""`search QUERY [--json]`"""

from __future__ import annotations

import argparse
import sys

from evidence_desk.cli.argtypes import positive_int
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json
from evidence_desk.core.search import SNIPPET_CLOSE, SNIPPET_OPEN, search


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help='full-text search: words, "phrases", prefix*, OR, -exclude')
    p.add_argument("query", nargs="+", metavar="QUERY")
    p.add_argument("--limit", type=positive_int(1_000_000), default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    hits = search(open_case(args), " ".join(args.query), limit=args.limit)
    if args.json:
        print_json([h.to_json() for h in hits])
        return 0
    bold = sys.stdout.isatty()
    for h in hits:
        snippet = " ".join(h.snippet.split())
        if bold:
            snippet = snippet.replace(SNIPPET_OPEN, "\033[1m").replace(SNIPPET_CLOSE, "\033[0m")
        else:
            snippet = snippet.replace(SNIPPET_OPEN, "[").replace(SNIPPET_CLOSE, "]")
        print(f"doc {h.doc} p.{h.page}  {h.filename}\n    {snippet}")
    print(f"{len(hits)} hit(s)", file=sys.stderr)
    return 0
