"""Creating an entity inside another command (tagging, accepting a suggestion, splitting)."""

from __future__ import annotations

from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import Entity, EntityAlias
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.entities.registry import entity_values


def create_entity(rows: Rows, name: str, entity_type: str, aliases: tuple[str, ...] = ()) -> Entity:
    """A new entity with its name as the first alias (plus any others)."""
    entity = rows.insert(Entity, **entity_values(name, entity_type))
    for alias in dict.fromkeys((entity.name, *(" ".join(a.split()) for a in aliases if a.strip()))):
        rows.insert(EntityAlias, entity_id=entity.id, alias=alias, normalized=normalize_name(alias))
    return entity
