"""Creating and finding entities, and tagging them on pages.

Tagging is one edit (`TagEdit`): it creates the entity too when it is new, so
one undo removes both the mention and the entity it brought into the case."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import ENTITY_TYPES, Entity, EntityAlias, Mention
from evidence_desk.core.documents import check_rect_on_page, resolve_page
from evidence_desk.core.edits import Batch, CreateRecord, Edit, UpdateRecord
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.entities.translit import spellings
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.text.match import find_text
from evidence_desk.core.text.stream import PageStream


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
    query = (select(Entity, EntityAlias.alias).join(EntityAlias, EntityAlias.entity_id == Entity.id)
             .where(Entity.merged_into_id.is_(None)))
    if entity_type:
        query = query.where(Entity.type == entity_type)
    for entity, alias in session.execute(query.order_by(Entity.id)):
        if keys & spellings(alias):
            return entity
    return None


def entity_values(name: str, entity_type: str) -> dict[str, Any]:
    name = " ".join(name.split())
    if not name:
        raise InvalidInputError("an entity needs a name")
    return {"name": name, "type": check_type(entity_type)}


@dataclass
class CreateEntity(Edit):
    """A new entity with its name as the first alias (plus any others)."""

    name: str
    entity_type: str
    aliases: tuple[str, ...] = ()
    label: str = "entity.add"
    created_id: int | None = field(default=None, init=False)
    _steps: list[Edit] = field(default_factory=list, init=False)

    def apply(self, session: Session) -> Edit:
        # Looked up again inside the write transaction (writes are serialised by BEGIN
        # IMMEDIATE): two processes tagging the same new name get one entity, not twins.
        existing = _same_entity(session, self.name, self.entity_type)
        if existing is not None:
            self.created_id = existing
            self._steps = []
            return Batch([], label=f"undo {self.label}", target_hint=("entities", existing))
        create = CreateRecord("entities", entity_values(self.name, self.entity_type))
        inverses = [create.apply(session)]
        self.created_id = int(create.created_id)  # type: ignore[arg-type]
        self._steps = [create]
        for alias in dict.fromkeys((create.values["name"], *self.aliases)):
            step = CreateRecord("entity_aliases", {"entity_id": self.created_id, "alias": alias,
                                                   "normalized": normalize_name(alias)})
            inverses.append(step.apply(session))
            self._steps.append(step)
        inverses.reverse()
        return Batch(inverses, label=f"undo {self.label}", target_hint=("entities", self.created_id))

    def describe(self) -> dict[str, Any]:
        return {"steps": [{"label": e.label, **e.describe()} for e in self._steps]}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.created_id)


def _same_entity(session: Session, name: str, entity_type: str) -> int | None:
    """The live entity of this type already known by this name (or alias), if any."""
    key = normalize_name(entity_values(name, entity_type)["name"])
    return session.execute(
        select(Entity.id).join(EntityAlias, EntityAlias.entity_id == Entity.id)
        .where(EntityAlias.normalized == key, Entity.type == check_type(entity_type),
               Entity.merged_into_id.is_(None))
        .order_by(Entity.id).limit(1)
    ).scalar_one_or_none()


def surviving_entity(session: Session, entity_id: int) -> int:
    """The entity `entity_id` was merged into (following merges), or itself: a tag planned
    before a merge committed lands on the entity that survived it."""
    seen = {entity_id}
    while True:
        merged_into = session.execute(select(Entity.merged_into_id).where(Entity.id == entity_id)).scalar()
        if merged_into is None or merged_into in seen:
            return entity_id
        seen.add(merged_into)
        entity_id = merged_into


@dataclass
class MoveMentions(Edit):
    """The last step of a merge, run inside its transaction: mentions that reached the
    merged entity after the merge was planned (a tag racing it) move to the survivor too."""

    source_id: int
    target_id: int
    label: str = "mention.move"
    _steps: list[Edit] = field(default_factory=list, init=False)

    def apply(self, session: Session) -> Edit:
        ids = session.execute(select(Mention.id).where(Mention.entity_id == self.source_id)).scalars().all()
        self._steps = [UpdateRecord("mentions", i, {"entity_id": self.target_id}) for i in ids]
        inverses = [step.apply(session) for step in self._steps]
        inverses.reverse()
        return Batch(inverses, label=f"undo {self.label}", target_hint=("entities", self.source_id))

    def describe(self) -> dict[str, Any]:
        return {"steps": [{"label": e.label, **e.describe()} for e in self._steps]}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("entities", self.target_id)


@dataclass
class TagEdit(Edit):
    """A mention of an entity on a page (region and/or quote); creates the entity if new."""

    document_id: int
    page_number: int
    rect: Rect | None
    quote: str | None
    entity_id: int | None = None
    new_entity: tuple[str, str] | None = None  # (name, type) when the entity does not exist yet
    origin: str = "manual"
    status: str = "accepted"
    author: str = ""
    label: str = "mention.add"
    created_id: int | None = field(default=None, init=False)
    _steps: list[Edit] = field(default_factory=list, init=False)

    def apply(self, session: Session) -> Edit:
        inverses: list[Edit] = []
        self._steps = []
        entity_id = None if self.entity_id is None else surviving_entity(session, self.entity_id)
        if entity_id is None:
            assert self.new_entity is not None
            create = CreateEntity(*self.new_entity)
            inverses.append(create.apply(session))
            self._steps.append(create)
            entity_id = create.created_id
        values: dict[str, Any] = {
            "entity_id": entity_id, "document_id": self.document_id, "page_number": self.page_number,
            "quote": self.quote, "origin": self.origin, "status": self.status, "author": self.author,
        }
        if self.rect is not None:
            values.update(self.rect.region_values())
        mention = CreateRecord("mentions", values)
        inverses.append(mention.apply(session))
        self._steps.append(mention)
        self.created_id = int(mention.created_id)  # type: ignore[arg-type]
        inverses.reverse()
        return Batch(inverses, label=f"undo {self.label}", target_hint=("mentions", self.created_id))

    def describe(self) -> dict[str, Any]:
        return {"steps": [{"label": e.label, **e.describe()} for e in self._steps]}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("mentions", self.created_id)


def tag_edit(
    case: Case,
    doc_ref: str | int,
    page: int,
    entity_name: str,
    entity_type: str | None = None,
    rect: Rect | None = None,
    quote: str | None = None,
) -> TagEdit:
    """Build the edit that tags `entity_name` on a page; the entity is created if unknown
    (then `entity_type` is required)."""
    if rect is None and not (quote and quote.strip()):
        raise InvalidInputError("a tag needs a region (--rect) or a quote (--text)")
    with case.read() as s:
        doc, pg = resolve_page(s, doc_ref, page)
        if rect is not None:
            check_rect_on_page(rect, pg)
        if quote and rect is None and not find_text(PageStream.build(pg.words or [], pg.text), quote):
            raise InvalidInputError(f"“{quote}” does not occur on page {page} of document {doc.id}")
        existing = find_entity(s, entity_name, check_type(entity_type) if entity_type else None)
    if existing is not None:
        return TagEdit(doc.id, page, rect, quote, entity_id=existing.id, author=case.author)
    if not entity_type:
        raise InvalidInputError(f"no entity called {entity_name!r} yet; give --type to create it")
    return TagEdit(doc.id, page, rect, quote, new_entity=(entity_name, check_type(entity_type)),
                   author=case.author)
