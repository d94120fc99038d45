"""`redact`: mark, review and list redactions.

    redact DOC --page N --rect X0 Y0 X1 Y1 --reason CODE [--note TEXT] [--propose]
    redact (--text STRING | --pattern REGEX | --entity NAME) [--doc DOC] --reason CODE [--preview]
    redact --list [--doc DOC] [--status S] [--json]      redact --log [--doc DOC] [--json]
    redact --approve ID…    redact --reject ID…    redact --reasons [--add-reason CODE LABEL]
    redact --second-reviewer on|off

A redaction is recorded approved unless --propose is given (or the case requires
a second reviewer, when it stays proposed until a colleague approves it)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from evidence_desk.cli.argtypes import coordinate, page_number, record_id
from evidence_desk.cli.commands import redact_preview
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, print_table
from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Combined, Command
from evidence_desk.core.commands.redaction import MarkRedaction, SetRedactionStatus, Spot
from evidence_desk.core.commands.settings import AddReasonCode
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.redactions import list_redactions
from evidence_desk.core.redaction.covered import preview_boxes
from evidence_desk.core.redaction.entity_hits import find_occurrences
from evidence_desk.core.redaction.failed import redact_failed_edit
from evidence_desk.core.redaction.marking import reason_codes
from evidence_desk.core.redaction.matching import Hit, redact_hits_edit
from evidence_desk.core.redaction.review import (
    initial_status,
    redaction_log,
    set_second_reviewer_edit,
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("redact", help="mark, review and list redactions")
    p.add_argument("doc_pos", nargs="?", metavar="DOC", help="document id or SHA-256 prefix")
    p.add_argument("--doc", metavar="DOC", help="limit --text/--pattern/--entity/--list to one document")
    p.add_argument("--page", type=page_number)
    p.add_argument("--rect", nargs=4, type=coordinate, metavar=("X0", "Y0", "X1", "Y1"),
                   help="in PDF points of the unrotated page, top-left origin")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--text", metavar="STRING", help="every occurrence of STRING (case and accents ignored; "
                      "when STRING names an entity, its aliases too)")
    what.add_argument("--pattern", metavar="REGEX", help="every match of a regular expression")
    what.add_argument("--entity", metavar="NAME", help="every mention of an entity and its aliases")
    what.add_argument("--failed", action="store_true",
                      help="redact every failed redaction of DOC (a box over text that can still be extracted)")
    what.add_argument("--list", action="store_true", help="list redactions")
    what.add_argument("--log", action="store_true", help="the redaction log (history)")
    what.add_argument("--approve", nargs="+", type=record_id, metavar="ID")
    what.add_argument("--reject", nargs="+", type=record_id, metavar="ID")
    what.add_argument("--reasons", action="store_true", help="list reason codes")
    what.add_argument("--add-reason", nargs=2, metavar=("CODE", "LABEL"), help="add a reason code")
    what.add_argument("--second-reviewer", choices=("on", "off"),
                      help="require a second reviewer to approve redactions in this case")
    p.add_argument("--reason", metavar="CODE", help="reason code (see --reasons)")
    p.add_argument("--note", help="a note kept with the redaction")
    p.add_argument("--propose", action="store_true", help="record as proposed, not approved")
    p.add_argument("--preview", action="store_true",
                   help="list what would be redacted (the text each box removes, in every layer, and its "
                        "other occurrences); mark nothing")
    p.add_argument("--with-copies", action="store_true",
                   help="with --rect: also redact every other occurrence of the text the box covers")
    p.add_argument("--status", choices=("proposed", "approved", "rejected"), help="with --list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _hits_json(hits: list[Hit]) -> list[dict[str, Any]]:
    return [{"doc": h.document_id, "filename": h.filename, "page": h.page, "text": h.text,
             "context": h.context, "source": h.source,
             "rects": [[round(v, 2) for v in r.as_tuple()] for r in h.rects]} for h in hits]


def _need_reason(args: argparse.Namespace) -> str:
    if not args.reason:
        raise InvalidInputError("give a reason code with --reason (see `redact --reasons`)")
    return str(args.reason)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    doc = args.doc or args.doc_pos
    if args.reasons:
        return _reasons(case, args)
    if args.add_reason:
        case.apply(AddReasonCode(*args.add_reason))
        print(f"reason code {args.add_reason[0]} added")
        return 0
    if args.second_reviewer:
        case.apply(set_second_reviewer_edit(case, args.second_reviewer == "on"))
        print(f"second reviewer {'required' if args.second_reviewer == 'on' else 'not required'}")
        return 0
    if args.list:
        return _list(case, doc, args)
    if args.log:
        entries = redaction_log(case, doc)
        if args.json:
            print_json([e.to_json() for e in entries])
        else:
            print_table(["at", "author", "action", "doc", "redactions", "detail"],
                        [[e.at[:19], e.author, e.action, e.document_id or "", len(e.redaction_ids), e.detail]
                         for e in entries])
        return 0
    if args.approve or args.reject:
        ids, status = (args.approve, "approved") if args.approve else (args.reject, "rejected")
        case.apply(SetRedactionStatus(ids, status))
        print(f"{len(ids)} redaction(s) {status}")
        return 0
    status = initial_status(case, "proposed" if args.propose else "approved")
    if args.failed:
        if doc is None:
            raise InvalidInputError("--failed needs a document: redact DOC --failed --reason CODE")
        edit = redact_failed_edit(case, doc, _need_reason(args), status=status, note=args.note)
        return _apply_and_report(case, edit, status, args, "{n} failed redaction(s) redacted ({status})")
    if args.text or args.pattern or args.entity:
        return _search_and_mark(case, doc, status, args)
    if args.doc_pos is None or args.page is None or args.rect is None:
        raise InvalidInputError("give DOC --page N --rect X0 Y0 X1 Y1, or --text/--pattern/--entity, "
                                "or --list (see `redact --help`)")
    return _region(case, Rect.normalized(*args.rect), status, args)


def _region(case: Case, rect: Rect, status: str, args: argparse.Namespace) -> int:
    """A drawn region: looked under first; its text's other copies are named (and with
    --with-copies redacted too), since export refuses a file where they remain."""
    preview = preview_boxes(case, args.doc_pos, args.page, [rect])
    if args.preview:
        if args.json:
            print_json(preview.to_json())
        else:
            print("\n".join(redact_preview.describe(preview) + redact_preview.copies(preview.document_id,
                                                                                    preview.elsewhere)))
            print("nothing marked")
        return 0
    reason = _need_reason(args)
    marks = [MarkRedaction([Spot(args.doc_pos, args.page, (rect,))], reason, note=args.note, status=status)]
    if args.with_copies and preview.elsewhere:
        marks.append(MarkRedaction([Spot(args.doc_pos, o.page, (Rect.normalized(*o.rect),)) for o in preview.elsewhere],
                                   reason, note=args.note or "another copy of a redacted region's text",
                                   status=status))
    edit = marks[0] if len(marks) == 1 else Combined(marks, "Redact a region and its copies", "mark_redaction")
    code = _apply_and_report(case, edit, status, args, "redaction {ids} recorded ({status})")
    if not args.json:
        for line in redact_preview.describe(preview):
            print(line)
        if not args.with_copies:
            for line in redact_preview.copies(preview.document_id, preview.elsewhere):
                sys.stderr.write(f"warning: {line}\n")
    return code


def _apply_and_report(case: Case, edit: Command, status: str, args: argparse.Namespace,
                      message: str) -> int:
    case.apply(edit)
    parts = edit.commands if isinstance(edit, Combined) else [edit]
    ids = [i for part in parts for i in part.created_ids]  # type: ignore[attr-defined]
    if args.json:
        print_json({"created": ids, "status": status})
    else:
        print(message.format(n=len(ids), ids=", ".join(map(str, ids)), status=status))
    return 0


def _search_and_mark(case: Case, doc: str | None, status: str, args: argparse.Namespace) -> int:
    hits = find_occurrences(case, args.entity or args.text or args.pattern, doc,
                            regex=bool(args.pattern), entity=bool(args.entity))
    if args.preview:
        looks = redact_preview.hit_previews(case, hits)
        if args.json:
            rows = _hits_json(hits)
            for row, h in zip(rows, hits, strict=True):
                look = looks.get((h.document_id, h.page))
                row["removes"] = [b.removes for b in look.boxes if b.rect in h.rects] if look else None
            print_json(rows)
        else:
            for h in hits:
                print(f"doc {h.document_id} p.{h.page}: {h.context}")
            for look in looks.values():
                for line in redact_preview.describe(look):
                    print(f"  {line}")
            print(f"{len(hits)} match(es); nothing marked")
        return 0
    if not hits:
        raise InvalidInputError("no matches: nothing was redacted")
    edit = redact_hits_edit(case, hits, _need_reason(args), note=args.note, status=status,
                            group_label=args.text or args.pattern or args.entity)
    case.apply(edit)
    ids = edit.created_ids
    if args.json:
        print_json({"created": ids, "status": status, "hits": _hits_json(hits)})
    else:
        docs = len({h.document_id for h in hits})
        print(f"{len(hits)} occurrence(s) in {docs} document(s) redacted with {len(ids)} box(es) ({status})")
    return 0


def _list(case: Case, doc: str | None, args: argparse.Namespace) -> int:
    rows = list_redactions(case, doc, status=args.status)
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    print_table(["id", "doc", "page", "reason", "status", "author", "reviewer", "text", "rect"],
                [[r.id, r.document_id, r.page, r.reason, r.status, r.author, r.reviewer or "", r.text or "",
                  " ".join(f"{v:.0f}" for v in r.rect.as_tuple())] for r in rows])
    return 0


def _reasons(case: Case, args: argparse.Namespace) -> int:
    codes = reason_codes(case)
    if args.json:
        print_json([{"code": r.code, "label": r.label, "builtin": r.builtin} for r in codes])
    else:
        print_table(["code", "label", "builtin"], [[r.code, r.label, "yes" if r.builtin else ""] for r in codes])
    return 0
