"""`delete_entity`: remove an entity from the registry, with everything that names it.

An entity is deleted together with its mentions, aliases and entity links, and
with the entities merged into it (empty shells by then: merging moved their
mentions and aliases to the survivor). A suggestion that named it stays, unlinked
from any entity, so accepting it later asks afresh what it names. Every row goes
through `Rows`, so the deletion is one step that undo puts back whole."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import Entity, EntityAlias, EntityLink, Mention, Suggestion
from evidence_desk.core.entities.manage import resolve_entity
from evidence_desk.core.queries.entities import family_ids


@dataclass
class DeleteEntity(Command):
    action = "delete_entity"

    entity: str | int
    name: str = field(default="", init=False)
    entity_id: int | None = field(default=None, init=False)
    removed: dict[str, int] = field(default_factory=dict, init=False)  # what went with it, by kind

    def run(self, rows: Rows) -> None:
        s = rows.session
        entity = resolve_entity(s, self.entity)
        self.name, self.entity_id = entity.name, entity.id
        family = family_ids(s, entity.id)
        counts = {"mentions": 0, "aliases": 0, "entity_links": 0, "suggestions_unlinked": 0, "merged": 0}
        for mention in s.execute(select(Mention).where(Mention.entity_id.in_(family))).scalars().all():
            rows.delete(mention)
            counts["mentions"] += 1
        for link in s.execute(select(EntityLink).where(EntityLink.source_id.in_(family)
                                                       | EntityLink.target_id.in_(family))).scalars().all():
            rows.delete(link)
            counts["entity_links"] += 1
        for sug in s.execute(select(Suggestion).where(Suggestion.entity_id.in_(family))).scalars().all():
            rows.update(sug, entity_id=None)
            counts["suggestions_unlinked"] += 1
        for alias in s.execute(select(EntityAlias).where(EntityAlias.entity_id.in_(family))).scalars().all():
            rows.delete(alias)
            counts["aliases"] += 1
        # Merged members point at their survivor: unpoint them all first, then delete each.
        members = [s.get(Entity, member_id) for member_id in sorted(family - {entity.id})]
        for member in members:
            if member is not None and member.merged_into_id is not None:
                rows.update(member, merged_into_id=None)
        for member in members:
            if member is not None:
                s.expire(member, ["aliases"])
                rows.delete(member)
                counts["merged"] += 1
        s.expire(entity, ["aliases"])
        rows.delete(entity)
        self.removed = counts

    def title(self) -> str:
        return f"Delete entity “{self.name}”"

    def intent(self) -> dict[str, Any]:
        return {"entity": self.name, "id": self.entity_id, **self.removed}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.entity_id)
