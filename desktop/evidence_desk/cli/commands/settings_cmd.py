"""`settings [KEY [VALUE]] [--unset] [--json]`: the preferences shared with the window."""

from __future__ import annotations

import argparse
import json

from evidence_desk.cli.output import print_json
from evidence_desk.core import settings
from evidence_desk.core.errors import InvalidInputError

SETTABLE = tuple(k for k in settings.SCHEMA if k != "recent_cases")  # the window keeps that list


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("settings", help="show or change your preferences (author, OCR languages, theme…)")
    p.add_argument("key", nargs="?", metavar="KEY", help=f"one of {', '.join(settings.SCHEMA)}")
    p.add_argument("value", nargs="?", metavar="VALUE", help="the new value")
    p.add_argument("--unset", action="store_true", help="return KEY to its default")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def _parse(key: str, text: str) -> object:
    default = settings.SCHEMA[key][0]
    if isinstance(default, list):  # reason_codes: '[{"code": "informant", "label": "Informant safety"}]'
        try:
            return json.loads(text)
        except ValueError as exc:
            raise InvalidInputError(f"{key} is a JSON list, e.g. [{{\"code\": \"informant\", "
                                    f"\"label\": \"Informant safety\"}}] ({exc})") from None
    if isinstance(default, int) and not isinstance(default, bool):
        if not text.strip().isdigit():
            raise InvalidInputError(f"{key} is a whole number, not {text!r}")
        return int(text)
    return text


def run(args: argparse.Namespace) -> int:
    prefs = settings.load()
    if args.key is not None and args.key not in settings.SCHEMA:
        raise InvalidInputError(f"there is no setting called {args.key!r}; known: {', '.join(settings.SCHEMA)}")
    if args.key is not None and (args.value is not None or args.unset):
        if args.key not in SETTABLE:
            raise InvalidInputError(f"{args.key} is kept by the window and cannot be set here")
        prefs.set(args.key, settings.defaults()[args.key] if args.unset else _parse(args.key, args.value))
        prefs.save()
    shown = {args.key: prefs.get(args.key)} if args.key else {k: prefs.get(k) for k in settings.SCHEMA}
    if args.json:
        print_json(shown)
        return 0
    for key, value in shown.items():
        items = [f"{v['code']} ({v.get('label') or v['code']})" if isinstance(v, dict) else str(v)
                 for v in value] if isinstance(value, list) else []
        text = ", ".join(items) if isinstance(value, list) else ("—" if value is None else value)
        print(f"{key:<18}{text}")
    return 0
