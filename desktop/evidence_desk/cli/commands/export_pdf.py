"""`export-pdf DOC OUT.pdf [--flatten] [--label] [--tracking-dots] [--no-hide-widths] [--json]`

Every redaction not rejected is applied (proposed ones included); the file is
verified before it is written, and nothing is written if the check fails. Width
hiding is on unless `--no-hide-widths`: lines that lose text are laid out again
and each box becomes a bar of random width, so no position measures the removed
text."""

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
    p.add_argument("--no-hide-widths", dest="hide_widths", action="store_false",
                   help="keep the remaining text where it was and each box as drawn (the gap and the box "
                        "then show how wide the removed text was)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run, hide_widths=True)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    options = ExportOptions(flatten=args.flatten, label=args.label, tracking_dots=args.tracking_dots,
                            hide_widths=args.hide_widths)
    with terminal_progress(not args.json) as progress:
        result = export_pdf(case, args.doc, args.output, options, progress)
    if args.json:
        print_json(result.to_json())
        return 0
    checked = result.verification.checked
    print(f"exported {result.output} ({result.pages} pages, {result.redactions} redactions applied, "
          f"{len(result.rebuilt_pages)} pages rebuilt from pixels)")
    for line in verification_lines(checked, args.hide_widths):
        print(line)
    if result.proposed:
        sys.stderr.write(f"warning: {result.proposed} of the applied redactions are still only proposed "
                         "(review them with `redact --list --status proposed`)\n")
    return 0


def verification_lines(checked: dict[str, object], hide_widths: bool) -> list[str]:
    """What the verification checked, in words (one line each)."""
    lines = [f"verified with PyMuPDF and {checked.get('second_parser', 'qpdf')}: no removed text in the page "
             f"text, any object, string, name, font or stream ({checked.get('secrets', 0)} strings, ASCII/hex/"
             "UTF-16/PDFDocEncoding, look-alike letters folded)",
             "verified: every glyph outside the boxes is still on its line, in order"
             + ("" if hide_widths else ", at its place"),
             f"verified: no font outline or Type3 procedure that no text uses; {checked.get('boxes', 0)} boxes "
             f"render solid; no metadata, annotations or attachments; {checked.get('revisions', 1)} revision"]
    if "redactions_match_log" in checked:
        anchor = checked.get("audit_anchor") or {}
        lines.append(f"verified: the {checked['redactions_match_log']} boxes applied are exactly the redactions in "
                     f"the case and its audit log (audit head {str(anchor.get('head', ''))[:16]}…, "
                     f"{anchor.get('entries', 0)} entries)")
    width = checked.get("width_hiding")
    if hide_widths and isinstance(width, dict):
        lines.append(f"width hiding: {width.get('bars', 0)} bar(s) of random width (3-12 em, whatever they "
                     f"replace), {width.get('lines_rebuilt', 0)} line(s) laid out again; bar/text width "
                     f"{width.get('bar_to_text_width_min')}-{width.get('bar_to_text_width_max')}")
    elif not hide_widths:
        lines.append("width hiding: off (the gaps and boxes show the removed text's width)")
    return lines
