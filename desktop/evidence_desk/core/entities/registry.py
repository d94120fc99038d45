"""Creating and finding entities, and tagging them on pages.

Tagging itself is a command (`core.commands.tagging.Tag`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import ENTITY_TYPES, Entity, EntityAlias, Page
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.entities.translit import spellings
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.text.match import find_text
from evidence_desk.core.text.stream import PageStream

if TYPE_CHECKING:
    from evidence_desk.core.commands.tagging import Tag


def check_type(entity_type: str) -> str:
    t = entity_type.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"organization": "organisation", "org": "organisation", "state": "state_body",
               "equipment_item": "equipment", "licence": "permit", "license": "permit"}
    t = aliases.get(t, t)
    if t not in ENTITY_TYPES:
        raise InvalidInputError(f"unknown entity type {entity_type!r}; use one of {', '.join(ENTITY_TYPES)}")
    return t


def find_entity(session: Session, name: str, entity_type: str | None = None) -> Entity | None:
    """An entity whose name or alias matches `name` (normalised), preferring `entity_type`."""
    key = normalize_name(name)
    query = (
        select(Entity).outerjoin(EntityAlias, EntityAlias.entity_id == Entity.id)
        .where(Entity.merged_into_id.is_(None))
        .where(or_(EntityAlias.normalized == key, Entity.name == name))
    )
    if entity_type:
        query = query.where(Entity.type == entity_type)
    found = session.execute(query.limit(1)).scalars().first()
    if found is None and entity_type is None:
        for entity in session.execute(select(Entity).where(Entity.merged_into_id.is_(None))).scalars():
            if normalize_name(entity.name) == key:
                return entity
    if found is None:
        found = _find_by_spelling(session, name, entity_type)
    return found


def _find_by_spelling(session: Session, name: str, entity_type: str | None) -> Entity | None:
    """Across scripts and transliteration schemes ("Щукин" finds "Schtschukin"), exact skeletons only:
    fuzzy OCR tolerance is for suggestions, never for silently tagging the wrong entity."""
    keys = spellings(name)
    return next((entity for entity, _, found in alias_spellings(session, entity_type) if keys & found), None)


def alias_spellings(session: Session, entity_type: str | None = None, *,
                    by_name: bool = False) -> Iterator[tuple[Entity, str, set[str]]]:
    """Every alias of every live entity (by id, or by name), with its spellings across
    scripts and transliteration schemes: what finding and completing by spelling compare."""
    query = (select(Entity, EntityAlias.alias).join(EntityAlias, EntityAlias.entity_id == Entity.id)
             .where(Entity.merged_into_id.is_(None)))
    if entity_type:
        query = query.where(Entity.type == entity_type)
    for entity, alias in session.execute(query.order_by(Entity.name if by_name else Entity.id)):
        yield entity, alias, spellings(alias)


def entity_values(name: str, entity_type: str) -> dict[str, Any]:
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("an entity needs a name")
    return {"name": name, "type": check_type(entity_type)}


def check_quote_on_page(quote: str, page: Page, doc_id: int) -> None:
    """A quote tagged without a region must occur in the page's text."""
    if not find_text(PageStream.build(page.words or [], page.text), quote):
        raise InvalidInputError(f"“{quote}” does not occur on page {page.number} of document {doc_id}")


def tag_edit(case: Case, doc_ref: str | int, page: int, entity_name: str, entity_type: str | None = None,
             rect: Rect | None = None, quote: str | None = None) -> Tag:
    """The command tagging `entity_name` on a page; the entity is created if unknown
    (then `entity_type` is required). Checked when applied."""
    from evidence_desk.core.commands.tagging import Tag

    return Tag(doc_ref, page, entity_name, entity_type, rect=rect, quote=quote)
