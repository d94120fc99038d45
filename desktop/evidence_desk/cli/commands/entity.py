"""`entity list|add|alias|rename|merge|split|delete`"""

from __future__ import annotations

import argparse

from evidence_desk.cli.argtypes import record_id
from evidence_desk.cli.context import open_case
from evidence_desk.cli.output import print_json, print_table
from evidence_desk.core.commands.entities import AddAlias, MergeEntities, RenameEntity, SplitEntity
from evidence_desk.core.commands.entity_delete import DeleteEntity
from evidence_desk.core.entities import manage
from evidence_desk.core.queries.entities import list_entities


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("entity", help="the entity registry: list, add, alias, rename, merge, split, delete")
    actions = p.add_subparsers(dest="entity_action", metavar="ACTION", required=True)
    ls = actions.add_parser("list", help="entities with aliases and mention counts")
    ls.add_argument("--type", metavar="TYPE")
    ls.add_argument("--all", action="store_true", help="include entities merged into others")
    ls.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="a new entity")
    add.add_argument("name")
    add.add_argument("--type", required=True)
    add.add_argument("--alias", action="append", default=[], help="another name (repeatable)")
    al = actions.add_parser("alias", help="add an alias (another language, script or spelling)")
    al.add_argument("entity", metavar="ENTITY", help="id, name or alias")
    al.add_argument("alias")
    al.add_argument("--language", metavar="CODE", help="e.g. ru, en, de")
    rn = actions.add_parser("rename", help="give an entity a new name (the old one stays an alias)")
    rn.add_argument("entity", metavar="ENTITY")
    rn.add_argument("name")
    mg = actions.add_parser("merge", help="merge OTHER into KEEP (mentions and aliases move)")
    mg.add_argument("keep", metavar="KEEP")
    mg.add_argument("other", metavar="OTHER")
    sp = actions.add_parser("split", help="move chosen mentions/aliases of ENTITY to a new entity NAME")
    sp.add_argument("entity", metavar="ENTITY")
    sp.add_argument("name", metavar="NAME")
    sp.add_argument("--mention", type=record_id, action="append", default=[], metavar="ID")
    sp.add_argument("--alias", action="append", default=[], metavar="ALIAS")
    sp.add_argument("--type", metavar="TYPE", help="type of the new entity (default: the same)")
    dl = actions.add_parser("delete", help="delete an entity with its mentions and aliases (undo restores it)")
    dl.add_argument("entity", metavar="ENTITY")
    for sp_ in (add, al, rn, mg, sp, dl):
        sp_.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    case = open_case(args)
    action = args.entity_action
    if action == "list":
        rows = list_entities(case, args.type, include_merged=args.all)
        if args.json:
            print_json([r.to_json() for r in rows])
        else:
            print_table(["id", "type", "name", "aliases", "mentions", "suggested"],
                        [[r.id, r.type, r.name, "; ".join(r.aliases), r.mentions, r.suggested] for r in rows])
        return 0
    if action == "add":
        entity_id = manage.add_entity(case, args.name, args.type, tuple(args.alias))
        return _done(args, {"entity": entity_id}, f"entity {entity_id} added")
    if action == "alias":
        alias = AddAlias(args.entity, args.alias, args.language)
        case.apply(alias)
        return _done(args, {"alias": alias.created_id}, f"alias {args.alias!r} added")
    if action == "rename":
        case.apply(RenameEntity(args.entity, args.name))
        return _done(args, {"renamed": args.name}, f"renamed to {args.name!r}")
    if action == "merge":
        merge = MergeEntities(args.keep, args.other)
        case.apply(merge)
        return _done(args, {"entity": merge.keep_id}, f"merged into entity {merge.keep_id}")
    if action == "delete":
        delete = DeleteEntity(args.entity)
        case.apply(delete)
        return _done(args, {"deleted": delete.entity_id, **delete.removed},
                     f"deleted entity {delete.entity_id} ({delete.removed['mentions']} mentions)")
    split = SplitEntity(args.entity, args.name, tuple(args.mention), tuple(args.alias), args.type)
    case.apply(split)
    return _done(args, {"entity": split.created_id}, f"entity {split.created_id} split off")


def _done(args: argparse.Namespace, data: dict, text: str) -> int:  # type: ignore[type-arg]
    if getattr(args, "json", False):
        print_json(data)
    else:
        print(text)
    return 0
