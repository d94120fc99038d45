"""`show DOC [--json]`"""

from __future__ import annotations

import argparse

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json
from evidence_desk.core.queries.documents import show_document


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("show", help="one document: details, pages, mentions, notes")
    p.add_argument("doc", metavar="DOC", help="document id or SHA-256 prefix")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    info = show_document(open_case(args), args.doc).to_json()
    if args.json:
        print_json(info)
        return 0
    print(f"Document {info['id']}: {info['filename']}")
    for key in ("sha256", "media_type", "pages", "kind", "date", "reference", "sender", "recipient",
                "languages", "review_status"):
        if info.get(key) not in (None, ""):
            print(f"  {key:<14}{info[key]}")
    if info["provenance"]:
        prov = info["provenance"]
        print(f"  provenance    source {prov['source'] or '—'}, received {prov['received'] or '—'}, "
              f"{prov['verification']}")
    for warning in info["warnings"]:
        print(f"  warning       {warning}")
    print("Pages:")
    for p in info["pages_detail"]:
        state = "needs OCR" if p["needs_ocr"] and p["text_source"] != "ocr" else p["text_source"]
        rot = f", rotated {p['rotation']}°" if p["rotation"] else ""
        print(f"  {p['number']:>4}  {p['width']:.0f} × {p['height']:.0f} pt{rot}, {p['chars']} chars ({state})")
    if info["mentions"]:
        print("Mentions:")
        for m in info["mentions"]:
            quote = f" “{m['quote']}”" if m["quote"] else ""
            print(f"  p.{m['page']:<4} {m['type']:<13} {m['entity']}{quote} [{m['status']}]")
    if info["redactions"]:
        print("Redactions:")
        for r in info["redactions"]:
            print(f"  p.{r['page']:<4} {r['reason']:<12} {r['status']:<9} " + " ".join(f"{v:.0f}" for v in r["rect"]))
    if info["notes"]:
        print("Notes:")
        for n in info["notes"]:
            where = f"p.{n['page']}" if n["page"] else "doc"
            print(f"  {where:<6} {n['author']}: {n['text']}")
    return 0
