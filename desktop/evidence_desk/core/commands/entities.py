"""The entity registry: `add_entity`, `add_alias`, `rename_entity`, `merge_entities`,
`split_entity`.

Merging moves mentions, aliases, suggestions and entity links to the surviving
entity and marks the other `merged_into_id` (it is kept, so undo and the audit log
can name it). Splitting creates a new entity taking chosen mentions and aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.entities_create import create_entity
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import EntityAlias, EntityLink, Mention, Suggestion
from evidence_desk.core.entities.manage import resolve_entity
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.entities.registry import check_type, find_entity
from evidence_desk.core.errors import InvalidInputError


def _clean(name: str, what: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError(f"{what} cannot be empty")
    return name


@dataclass
class AddEntity(Command):
    action = "add_entity"

    name: str
    entity_type: str
    aliases: tuple[str, ...] = ()
    created_id: int | None = field(default=None, init=False)

    def run(self, rows: Rows) -> None:
        etype = check_type(self.entity_type)
        if find_entity(rows.session, self.name, etype) is not None:
            raise InvalidInputError(f"an entity called {self.name!r} already exists (add an alias or merge)")
        entity = create_entity(rows, self.name, etype, self.aliases)
        self.created_id, self.name, self.entity_type = entity.id, entity.name, etype

    def title(self) -> str:
        return f"New entity “{self.name}”"

    def intent(self) -> dict[str, Any]:
        return {"entity": self.name, "type": self.entity_type, "aliases": list(self.aliases),
                "id": self.created_id}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.created_id)


@dataclass
class AddAlias(Command):
    action = "add_alias"

    entity: str | int
    alias: str
    language: str | None = None
    created_id: int | None = field(default=None, init=False)
    entity_name: str = field(default="", init=False)
    entity_id: int | None = field(default=None, init=False)

    def run(self, rows: Rows) -> None:
        alias = _clean(self.alias, "an alias")
        entity = resolve_entity(rows.session, self.entity)
        if any(a.alias == alias for a in entity.aliases):
            raise InvalidInputError(f"{entity.name!r} already has the alias {alias!r}")
        row = rows.insert(EntityAlias, entity_id=entity.id, alias=alias, normalized=normalize_name(alias),
                          language=self.language)
        self.alias, self.created_id, self.entity_name, self.entity_id = alias, row.id, entity.name, entity.id

    def title(self) -> str:
        return f"Alias “{self.alias}” for “{self.entity_name}”"

    def intent(self) -> dict[str, Any]:
        return {"entity": self.entity_name, "alias": self.alias, "language": self.language}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.entity_id)


@dataclass
class RenameEntity(Command):
    """Rename; the new name becomes an alias too (the old one stays an alias)."""

    action = "rename_entity"

    entity: str | int
    new_name: str
    old_name: str = field(default="", init=False)
    entity_id: int | None = field(default=None, init=False)

    def run(self, rows: Rows) -> None:
        new_name = _clean(self.new_name, "an entity's name")
        entity = resolve_entity(rows.session, self.entity)
        self.old_name, self.new_name, self.entity_id = entity.name, new_name, entity.id
        has_alias = any(a.alias == new_name for a in entity.aliases)
        rows.update(entity, name=new_name)
        if not has_alias:
            rows.insert(EntityAlias, entity_id=entity.id, alias=new_name, normalized=normalize_name(new_name))

    def title(self) -> str:
        return f"Rename “{self.old_name}” to “{self.new_name}”"

    def intent(self) -> dict[str, Any]:
        return {"entity": self.old_name, "new_name": self.new_name}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.entity_id)


@dataclass
class MergeEntities(Command):
    """`other` into `keep`: everything moves in one step, undone in one step."""

    action = "merge_entities"

    keep: str | int
    other: str | int
    names: tuple[str, str] = field(default=("", ""), init=False)
    keep_id: int | None = field(default=None, init=False)

    def run(self, rows: Rows) -> None:
        s = rows.session
        keep, other = resolve_entity(s, self.keep), resolve_entity(s, self.other)
        if keep.id == other.id:
            raise InvalidInputError("cannot merge an entity into itself")
        self.names, self.keep_id = (keep.name, other.name), keep.id
        have = {a.alias for a in keep.aliases}
        for alias in list(other.aliases):
            if alias.alias in have:
                rows.delete(alias)
            else:
                rows.update(alias, entity_id=keep.id)
                have.add(alias.alias)
        for mention in s.execute(select(Mention).where(Mention.entity_id == other.id)).scalars().all():
            rows.update(mention, entity_id=keep.id)
        for sug in s.execute(select(Suggestion).where(Suggestion.entity_id == other.id)).scalars().all():
            rows.update(sug, entity_id=keep.id)
        for link in s.execute(select(EntityLink).where((EntityLink.source_id == other.id)
                                                       | (EntityLink.target_id == other.id))).scalars().all():
            rows.update(link, **{k: keep.id for k in ("source_id", "target_id") if getattr(link, k) == other.id})
        rows.update(other, merged_into_id=keep.id)
        s.expire(keep)

    def title(self) -> str:
        return f"Merge “{self.names[1]}” into “{self.names[0]}”"

    def intent(self) -> dict[str, Any]:
        return {"keep": self.names[0], "merged": self.names[1]}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.keep_id)


@dataclass
class SplitEntity(Command):
    """A new entity taking chosen mentions and aliases of an existing one."""

    action = "split_entity"

    entity: str | int
    name: str
    mention_ids: tuple[int, ...] = ()
    alias_names: tuple[str, ...] = ()
    entity_type: str | None = None
    created_id: int | None = field(default=None, init=False)
    source_name: str = field(default="", init=False)

    def run(self, rows: Rows) -> None:
        source = resolve_entity(rows.session, self.entity)
        by_name = {a.alias: a for a in source.aliases}
        missing = [a for a in self.alias_names if a not in by_name]
        if missing:
            raise InvalidInputError(f"{source.name!r} has no alias {missing[0]!r}")
        if not self.mention_ids and not self.alias_names:
            raise InvalidInputError("choose the mentions (--mention) and/or aliases (--alias) to split off")
        self.source_name = source.name
        new = create_entity(rows, self.name, check_type(self.entity_type or source.type))
        self.created_id, self.name = new.id, new.name
        new_aliases = {new.name}
        for alias_name in self.alias_names:
            alias = by_name[alias_name]
            if alias.alias in new_aliases:
                rows.delete(alias)
            else:
                rows.update(alias, entity_id=new.id)
            new_aliases.add(alias.alias)
        for mention_id in self.mention_ids:
            mention = rows.get(Mention, mention_id)
            if mention is None or mention.entity_id != source.id:
                raise InvalidInputError(f"mention {mention_id} does not belong to entity {source.id}")
            rows.update(mention, entity_id=new.id)

    def title(self) -> str:
        return f"Split “{self.name}” off “{self.source_name}”"

    def intent(self) -> dict[str, Any]:
        return {"entity": self.source_name, "new_entity": self.name, "mentions": list(self.mention_ids),
                "aliases": list(self.alias_names)}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.created_id)
