"""Reading the registry: resolve an entity by id or name, list entities. Adding,
aliasing, renaming, merging and splitting are commands (`core.commands.entities`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Entity
from evidence_desk.core.entities.registry import find_entity
from evidence_desk.core.errors import NotFoundError


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
    """Add an entity (one undoable step); return its id."""
    from evidence_desk.core.commands.entities import AddEntity

    command = AddEntity(name, entity_type, tuple(aliases))
    case.apply(command)
    assert command.created_id is not None
    return command.created_id
