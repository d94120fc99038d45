"""Entities as the window and `entity list` show them: the list with mention counts, completion
while typing a name, and one entity with its names and every mention, in every document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Entity, EntityAlias, Mention, Suggestion
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.entities.registry import alias_spellings, check_type
from evidence_desk.core.entities.translit import spellings
from evidence_desk.core.errors import NotFoundError
from evidence_desk.core.geometry import Rect


@dataclass(frozen=True)
class MentionView:
    id: int
    kind: str  # mention|suggestion
    doc_id: int
    filename: str
    sha256: str
    media_type: str
    page: int
    quote: str | None
    rect: Rect | None
    status: str


@dataclass(frozen=True)
class EntityDetails:
    id: int
    type: str
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[MentionView, ...]


def family_ids(session: Session, entity_id: int) -> set[int]:
    """The entity and every entity merged into it (transitively), within a read session."""
    family, frontier = {entity_id}, [entity_id]
    while frontier:
        rows = session.execute(select(Entity.id).where(Entity.merged_into_id.in_(frontier))).scalars().all()
        frontier = [r for r in rows if r not in family]
        family.update(frontier)
    return family


def entity_family(case: Case, entity_id: int) -> set[int]:
    """The entity and every entity merged into it (transitively)."""
    with case.read() as s:
        return family_ids(s, entity_id)


def entity_details(case: Case, entity_id: int, include_suggested: bool = True) -> EntityDetails:
    family = entity_family(case, entity_id)
    with case.read() as s:
        entity = s.get(Entity, entity_id)
        if entity is None:
            raise NotFoundError(f"no entity {entity_id}")
        rows: list[MentionView] = []
        for m, d in s.execute(select(Mention, Document).join(Document, Mention.document_id == Document.id)
                              .where(Mention.entity_id.in_(family), Mention.status != "rejected")
                              .order_by(Document.doc_date, Document.id, Mention.page_number)):
            rows.append(MentionView(m.id, "mention", d.id, d.filename, d.sha256, d.media_type, m.page_number,
                                    m.quote, m.region, m.status))
        if include_suggested:
            for g, d in s.execute(select(Suggestion, Document).join(Document, Suggestion.document_id == Document.id)
                                  .where(Suggestion.entity_id.in_(family), Suggestion.status == "pending")
                                  .order_by(Document.id, Suggestion.page_number)):
                rows.append(MentionView(g.id, "suggestion", d.id, d.filename, d.sha256, d.media_type,
                                        g.page_number or 1, g.quote, g.region, "suggested"))
        aliases = tuple(sorted({a.alias for a in entity.aliases} - {entity.name}))
        return EntityDetails(entity.id, entity.type, entity.name, aliases, tuple(rows))


@dataclass(frozen=True)
class EntitySummary:
    """One row of the entity list: names and how often it is tagged (accepted) or suggested."""

    id: int
    uid: str
    type: str
    name: str
    aliases: tuple[str, ...]
    mentions: int
    suggested: int
    merged_into: int | None
    description: str | None

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["aliases"] = list(self.aliases)
        return out


def list_entities(case: Case, entity_type: str | None = None, include_merged: bool = False) -> list[EntitySummary]:
    """Entities by type then name; merged ones (which now live on in their survivor) only if asked."""
    with case.read() as s:
        query = select(Entity).order_by(Entity.type, Entity.name)
        if entity_type:
            query = query.where(Entity.type == check_type(entity_type))
        if not include_merged:
            query = query.where(Entity.merged_into_id.is_(None))
        counts = dict(s.execute(select(Mention.entity_id, func.count()).where(Mention.status == "accepted")
                                .group_by(Mention.entity_id)).all())
        pending = dict(s.execute(select(Suggestion.entity_id, func.count()).where(Suggestion.status == "pending")
                                 .where(Suggestion.entity_id.is_not(None)).group_by(Suggestion.entity_id)).all())
        return [EntitySummary(e.id, e.uid, e.type, e.name, tuple(a.alias for a in e.aliases if a.alias != e.name),
                              counts.get(e.id, 0), pending.get(e.id, 0), e.merged_into_id, e.description)
                for e in s.execute(query).scalars()]


@dataclass(frozen=True)
class EntityMatch:
    """An entity offered while a name is typed (the tag dialog's list)."""

    id: int
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    matched: str | None = None  # the alias that matched a search, if not the name


def complete(case: Case, text: str, limit: int = 20) -> list[EntityMatch]:
    """Entities whose name or alias contains `text` (case- and accent-insensitive)."""
    key = normalize_name(text)
    with case.read() as s:
        rows = s.execute(
            select(Entity, EntityAlias.alias)
            .outerjoin(EntityAlias, EntityAlias.entity_id == Entity.id)
            .where(Entity.merged_into_id.is_(None))
            .where(or_(EntityAlias.normalized.contains(key), Entity.name.icontains(text)))
            .order_by(Entity.name).limit(limit * 4)
        ).all()
        out: dict[int, EntityMatch] = {}
        for entity, alias in rows:
            if entity.id not in out:
                matched = alias if alias and alias != entity.name else None
                out[entity.id] = EntityMatch(entity.id, entity.type, entity.name, matched=matched)
        if len(out) < limit and len(key) >= 3:
            # Typed in another script or spelling ("Shchukin" for Щукин): compare skeletons.
            typed = spellings(text)
            by_spelling: set[int] = set()
            for entity, alias, found in alias_spellings(s, by_name=True):
                if not any(t in k for t in typed for k in found):
                    continue
                # Show the alias that was typed at rather than the name, whichever row comes
                # first (row order differs between SQLite and PostgreSQL).
                if entity.id not in out or (entity.id in by_spelling and out[entity.id].matched is None
                                            and alias != entity.name):
                    out[entity.id] = EntityMatch(entity.id, entity.type, entity.name,
                                                matched=alias if alias != entity.name else None)
                    by_spelling.add(entity.id)
        return list(out.values())[:limit]
