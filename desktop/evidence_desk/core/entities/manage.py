"""Managing the registry: list, add alias, rename, merge, split — each one undoable edit.

Merging moves mentions, aliases, suggestions and entity links to the surviving
entity and marks the other `merged_into_id` (it is kept, so undo and the audit
log can name it). Splitting creates a new entity and moves chosen mentions and
aliases to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Entity, EntityAlias, EntityLink, Mention, Suggestion
from evidence_desk.core.edits import Batch, CreateRecord, DeleteRecord, Edit, UpdateRecord
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.entities.registry import CreateEntity, MoveMentions, check_type, find_entity
from evidence_desk.core.errors import InvalidInputError, NotFoundError


def resolve_entity(session: Session, ref: str | int) -> Entity:
    """An entity by id, or by name/alias (any script); a merged entity resolves to its survivor."""
    text = str(ref).strip()
    entity = session.get(Entity, int(text)) if text.isdigit() else find_entity(session, text)
    if entity is None:
        raise NotFoundError(f"no entity {text!r} (see `entity list`)")
    seen = set()
    while entity.merged_into_id is not None and entity.id not in seen:
        seen.add(entity.id)
        entity = session.get(Entity, entity.merged_into_id)  # type: ignore[assignment]
    return entity


def add_entity(case: Case, name: str, entity_type: str, aliases: tuple[str, ...] = ()) -> int:
    with case.read() as s:
        if find_entity(s, name, check_type(entity_type)) is not None:
            raise InvalidInputError(f"an entity called {name!r} already exists (add an alias or merge)")
    edit = CreateEntity(name, entity_type, tuple(aliases))
    case.apply(edit)
    assert edit.created_id is not None
    return edit.created_id


def alias_edit(case: Case, ref: str | int, alias: str, language: str | None = None) -> Edit:
    alias = " ".join(alias.split())
    if not alias:
        raise InvalidInputError("an alias cannot be empty")
    with case.read() as s:
        entity = resolve_entity(s, ref)
        if any(a.alias == alias for a in entity.aliases):
            raise InvalidInputError(f"{entity.name!r} already has the alias {alias!r}")
        return CreateRecord("entity_aliases", {"entity_id": entity.id, "alias": alias,
                                               "normalized": normalize_name(alias), "language": language},
                            label="entity.alias")


def rename_edit(case: Case, ref: str | int, new_name: str) -> Edit:
    """Rename; the new name becomes an alias too (the old one stays an alias)."""
    new_name = " ".join(new_name.split())
    if not new_name:
        raise InvalidInputError("an entity needs a name")
    with case.read() as s:
        entity = resolve_entity(s, ref)
        steps: list[Edit] = [UpdateRecord("entities", entity.id, {"name": new_name})]
        if not any(a.alias == new_name for a in entity.aliases):
            steps.append(CreateRecord("entity_aliases", {"entity_id": entity.id, "alias": new_name,
                                                         "normalized": normalize_name(new_name)}))
    return Batch(steps, label="entity.rename", target_hint=("entities", entity.id))


def merge_edit(case: Case, keep_ref: str | int, other_ref: str | int) -> Edit:
    """`other` into `keep`: one edit moving everything, undone in one step."""
    with case.read() as s:
        keep, other = resolve_entity(s, keep_ref), resolve_entity(s, other_ref)
        if keep.id == other.id:
            raise InvalidInputError("cannot merge an entity into itself")
        steps: list[Edit] = []
        have = {a.alias for a in keep.aliases}
        for alias in other.aliases:
            if alias.alias in have:
                steps.append(DeleteRecord("entity_aliases", alias.id))
            else:
                steps.append(UpdateRecord("entity_aliases", alias.id, {"entity_id": keep.id}))
                have.add(alias.alias)
        for mention_id in s.execute(select(Mention.id).where(Mention.entity_id == other.id)).scalars():
            steps.append(UpdateRecord("mentions", mention_id, {"entity_id": keep.id}))
        for sug_id in s.execute(select(Suggestion.id).where(Suggestion.entity_id == other.id)).scalars():
            steps.append(UpdateRecord("suggestions", sug_id, {"entity_id": keep.id}))
        for link in s.execute(select(EntityLink).where((EntityLink.source_id == other.id)
                                                       | (EntityLink.target_id == other.id))).scalars():
            changes = {k: keep.id for k in ("source_id", "target_id") if getattr(link, k) == other.id}
            steps.append(UpdateRecord("entity_links", link.id, changes))
        steps.append(UpdateRecord("entities", other.id, {"merged_into_id": keep.id}))
        steps.append(MoveMentions(other.id, keep.id))  # tags committed since this was planned
    return Batch(steps, label="entity.merge", target_hint=("entities", keep.id))


@dataclass
class SplitEntity(Edit):
    """A new entity taking chosen mentions and aliases of an existing one."""

    source_id: int
    name: str
    entity_type: str
    mention_ids: tuple[int, ...] = ()
    alias_ids: tuple[int, ...] = ()
    label: str = "entity.split"
    created_id: int | None = field(default=None, init=False)
    _steps: list[Edit] = field(default_factory=list, init=False)

    def apply(self, session: Session) -> Edit:
        create = CreateEntity(self.name, self.entity_type)
        inverses = [create.apply(session)]
        self.created_id = create.created_id
        self._steps = [create]
        new_aliases = {self.name}
        for alias_id in self.alias_ids:
            alias = session.get(EntityAlias, alias_id)
            if alias is None or alias.entity_id != self.source_id:
                raise InvalidInputError(f"alias {alias_id} does not belong to entity {self.source_id}")
            step: Edit = (DeleteRecord("entity_aliases", alias_id) if alias.alias in new_aliases
                          else UpdateRecord("entity_aliases", alias_id, {"entity_id": self.created_id}))
            new_aliases.add(alias.alias)
            inverses.append(step.apply(session))
            self._steps.append(step)
        for mention_id in self.mention_ids:
            mention = session.get(Mention, mention_id)
            if mention is None or mention.entity_id != self.source_id:
                raise InvalidInputError(f"mention {mention_id} does not belong to entity {self.source_id}")
            step = UpdateRecord("mentions", mention_id, {"entity_id": self.created_id})
            inverses.append(step.apply(session))
            self._steps.append(step)
        inverses.reverse()
        return Batch(inverses, label=f"undo {self.label}", target_hint=("entities", self.created_id))

    def describe(self) -> dict[str, Any]:
        return {"source": self.source_id, "steps": [{"label": e.label, **e.describe()} for e in self._steps]}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.created_id)


def split_edit(case: Case, ref: str | int, new_name: str, mention_ids: list[int], alias_names: list[str],
               entity_type: str | None = None) -> SplitEntity:
    with case.read() as s:
        entity = resolve_entity(s, ref)
        by_name = {a.alias: a.id for a in entity.aliases}
        missing = [a for a in alias_names if a not in by_name]
        if missing:
            raise InvalidInputError(f"{entity.name!r} has no alias {missing[0]!r}")
        if not mention_ids and not alias_names:
            raise InvalidInputError("choose the mentions (--mention) and/or aliases (--alias) to split off")
        return SplitEntity(entity.id, new_name, check_type(entity_type or entity.type), tuple(mention_ids),
                           tuple(by_name[a] for a in alias_names))
