"""`undo`, `redo` and `history [--json]`: the case's edit history, shared with the window.

    undo [--step ID]     undo the latest step (or the step ID, if nothing changed its rows since)
    redo                 redo the step undone last
    history [--json] [--limit N]   every step, oldest first, with what undo/redo would do next"""

from __future__ import annotations

import argparse

from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, print_table
from evidence_desk.core.errors import NotFoundError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("undo", help="undo the latest change (the window's history too)")
    p.add_argument("--step", type=int, metavar="ID", help="undo this step of `history` instead of the latest")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_undo)
    p = sub.add_parser("redo", help="redo the change undone last")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_redo)
    p = sub.add_parser("history", help="the case's edit history (what undo and redo would do)")
    p.add_argument("--limit", type=int, metavar="N", help="only the last N steps")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_history)


def _flip(args: argparse.Namespace, undo: bool) -> int:
    case = open_case(args)
    history = case.history
    verb = "undo" if undo else "redo"
    wanted = getattr(args, "step", None)
    if wanted is None:
        step = history.undo_step() if undo else history.redo_step()
    else:
        step = next((s for s in history.steps() if s.id == wanted), None)
        if step is None:
            raise NotFoundError(f"no step {wanted} in the history (see `history`)")
    if step is None:
        raise NotFoundError(f"nothing to {verb}")
    changes = history.undo(step.id) if undo else history.redo(step.id)
    if args.json:
        print_json({"undone" if undo else "redone": step.id, "name": step.name, "changes": changes.to_json()})
    else:
        print(f"{'undid' if undo else 'redid'} step {step.id}: {step.name}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    return _flip(args, undo=True)


def run_redo(args: argparse.Namespace) -> int:
    return _flip(args, undo=False)


def run_history(args: argparse.Namespace) -> int:
    case = open_case(args)
    history = case.history
    steps = history.steps(args.limit)
    undo, redo = history.undo_step(), history.redo_step()
    if args.json:
        print_json({"steps": [s.to_json() for s in steps],
                    "undo": None if undo is None else undo.to_json(),
                    "redo": None if redo is None else redo.to_json()})
        return 0
    print_table(["step", "at", "author", "action", "state", "name"],
                [[s.id, s.at[:19], s.author, s.action, s.state, s.name] for s in steps])
    print(f"undo: {undo.name if undo else 'nothing'}; redo: {redo.name if redo else 'nothing'}")
    return 0
