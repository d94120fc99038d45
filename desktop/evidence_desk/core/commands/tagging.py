"""Tagging: `tag` an entity on a page (creating the entity when it is new, so one
undo removes both) and `untag` (remove mentions)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from evidence_desk.core.commands.base import Command, rect_json, region_columns
from evidence_desk.core.commands.entities_create import create_entity
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import MENTION_STATUSES, Entity, Mention
from evidence_desk.core.documents import check_rect_on_page, resolve_page
from evidence_desk.core.entities.registry import check_quote_on_page, check_type, find_entity
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect


@dataclass
class Tag(Command):
    """A mention of an entity on a page (a region and/or a quote).

    The entity is `entity_id`, or found by `entity` (name or alias, any script);
    when none is found it is created with `entity_type` (required then)."""

    action = "tag"

    doc: str | int
    page: int
    entity: str | None = None
    entity_type: str | None = None
    rect: Rect | None = None
    quote: str | None = None
    entity_id: int | None = None
    origin: str = "manual"
    check_quote: bool = True  # False for a quote taken from the page's own words (a suggestion)
    always_new: bool = False  # without `entity_id`: register `entity` as new, without looking it up
    created_id: int | None = field(default=None, init=False)
    document_id: int | None = field(default=None, init=False)
    entity_name: str = field(default="", init=False)
    new_entity: bool = field(default=False, init=False)

    def run(self, rows: Rows) -> None:
        quote = self.quote.strip() if self.quote and self.quote.strip() else None
        if self.rect is None and quote is None:
            raise InvalidInputError("a tag needs a region (--rect) or a quote (--text)")
        doc, page = resolve_page(rows.session, self.doc, self.page)
        if self.rect is not None:
            check_rect_on_page(self.rect, page)
        elif quote is not None and self.check_quote:
            check_quote_on_page(quote, page, doc.id)
        entity = self._entity(rows)
        mention = rows.insert(Mention, entity_id=entity.id, document_id=doc.id, page_number=self.page,
                              quote=self.quote, origin=self.origin, status="accepted", author=rows.author,
                              **region_columns(self.rect))
        self.created_id, self.document_id, self.entity_name = mention.id, doc.id, entity.name
        self.entity_type = entity.type

    def _entity(self, rows: Rows) -> Entity:
        if self.entity_id is not None:
            entity = rows.get(Entity, self.entity_id)
            if entity is None or entity.merged_into_id is not None:
                raise NotFoundError(f"entity {self.entity_id} does not exist (or was merged into another)")
            return entity
        if not self.entity or not self.entity.strip():
            raise InvalidInputError("a tag needs an entity (--entity NAME)")
        wanted = check_type(self.entity_type) if self.entity_type else None
        found = None if self.always_new else find_entity(rows.session, self.entity, wanted)
        if found is not None:
            return found
        if wanted is None:
            raise InvalidInputError(f"no entity called {self.entity!r} yet; give --type to create it")
        self.new_entity = True
        return create_entity(rows, self.entity, wanted)

    def title(self) -> str:
        return f"Tag “{self.entity_name or self.entity}” on document {self.document_id or self.doc}, page {self.page}"

    def intent(self) -> dict[str, Any]:
        return {"document": self.document_id, "page": self.page, "entity": self.entity_name,
                "entity_type": self.entity_type, "new_entity": self.new_entity, "quote": self.quote,
                "rect": rect_json(self.rect), "origin": self.origin, "mention": self.created_id}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("mentions", self.created_id)


def chosen_mentions(rows: Rows, mention_ids: list[int]) -> Iterator[tuple[Mention, dict[str, Any]]]:
    """Each chosen mention once, in order, with what names it for a person (the audit
    entry and the step's title); a missing one is an error before anything is written
    for it."""
    for mention_id in dict.fromkeys(mention_ids):
        mention = rows.get(Mention, mention_id)
        if mention is None:
            raise NotFoundError(f"no tag (mention) {mention_id}; was it already removed?")
        entity = rows.get(Entity, mention.entity_id)
        yield mention, {"mention": mention.id, "document": mention.document_id, "page": mention.page_number,
                        "entity": entity.name if entity else None}


@dataclass
class Untag(Command):
    """Remove mentions (the entities stay in the registry)."""

    action = "untag"

    mention_ids: list[int]
    removed: list[dict[str, Any]] = field(default_factory=list, init=False)

    def run(self, rows: Rows) -> None:
        if not self.mention_ids:
            raise InvalidInputError("no tags chosen")
        self.removed = []
        for mention, described in chosen_mentions(rows, self.mention_ids):
            self.removed.append({**described, "quote": mention.quote})
            rows.delete(mention)

    def title(self) -> str:
        if len(self.removed) == 1:
            one = self.removed[0]
            return f"Remove tag “{one['entity']}” on document {one['document']}, page {one['page']}"
        return f"Remove {len(self.removed or self.mention_ids)} tags"

    def intent(self) -> dict[str, Any]:
        return {"mentions": self.removed}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("mentions", self.mention_ids[0] if len(self.mention_ids) == 1 else None)


@dataclass
class SetMentionStatus(Command):
    """Confirm (`accepted`) or reject a mention, or set it back to `suggested`."""

    action = "set_mention_status"

    mention_ids: list[int]
    status: str
    _changed: list[dict[str, Any]] = field(default_factory=list, init=False)

    def run(self, rows: Rows) -> None:
        if self.status not in MENTION_STATUSES:
            raise InvalidInputError(f"a mention's status is one of {', '.join(MENTION_STATUSES)}")
        if not self.mention_ids:
            raise InvalidInputError("no tags chosen")
        self._changed = []
        for mention, described in chosen_mentions(rows, self.mention_ids):
            self._changed.append({**described, "was": mention.status})
            rows.update(mention, status=self.status)

    def title(self) -> str:
        verb = {"accepted": "Confirm", "rejected": "Reject", "suggested": "Re-suggest"}[self.status]
        if len(self._changed) == 1:
            one = self._changed[0]
            return f"{verb} tag “{one['entity']}” on document {one['document']}, page {one['page']}"
        return f"{verb} {len(self._changed)} tags"

    def intent(self) -> dict[str, Any]:
        return {"status": self.status, "mentions": self._changed}
