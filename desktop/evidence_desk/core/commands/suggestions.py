"""Deciding suggestions: `accept_suggestion` and `reject_suggestion`, one step however
many are chosen. An entity suggestion becomes an accepted mention; a date, amount or
reference a mention of an entity of that type (created on first use); a field
suggestion sets the document's detail."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import DOCUMENT_KINDS, Document, Entity, Suggestion
from evidence_desk.core.entities.registry import find_entity
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.suggest.names import name_key

ENTITY_TYPE_OF = {"date": "date", "amount": "amount", "reference": "reference"}
FIELDS = ("doc_date", "reference", "sender", "recipient", "kind")


@dataclass
class DecideSuggestions(Command):
    ids: list[int]
    accept: bool
    mention_ids: list[int] = field(default_factory=list, init=False)
    _decided: list[dict[str, Any]] = field(default_factory=list, init=False)

    @property
    def action(self) -> str:  # type: ignore[override]
        return "accept_suggestion" if self.accept else "reject_suggestion"

    def run(self, rows: Rows) -> None:
        if not self.ids:
            raise InvalidInputError("no suggestions chosen")
        self.mention_ids, self._decided = [], []
        for sug_id in dict.fromkeys(self.ids):
            sug = rows.get(Suggestion, sug_id)
            if sug is None:
                raise NotFoundError(f"no suggestion {sug_id}")
            if sug.status != "pending":
                raise InvalidInputError(f"suggestion {sug_id} was already {sug.status}")
            if self.accept:
                self._accept(rows, sug)
            self._decided.append({"suggestion": sug.id, "kind": sug.kind, "document": sug.document_id,
                                  "page": sug.page_number, "value": sug.value, "field": sug.field})
            rows.update(sug, status="accepted" if self.accept else "rejected")

    def _accept(self, rows: Rows, sug: Suggestion) -> None:
        if sug.kind == "field":
            if sug.field not in FIELDS:
                raise InvalidInputError(f"suggestion {sug.id} sets an unknown field {sug.field!r}")
            if sug.field == "kind" and sug.value not in DOCUMENT_KINDS:
                raise InvalidInputError(f"suggestion {sug.id}: {sug.value!r} is not a document kind")
            doc = rows.get(Document, sug.document_id)
            assert doc is not None
            rows.update(doc, **{sug.field: sug.value})
            return
        rect = sug.region
        page = sug.page_number or 1
        if sug.kind == "entity":
            if sug.entity_id is None:
                raise InvalidInputError(f"suggestion {sug.id} names no entity")
            tag = Tag(sug.document_id, page, rect=rect, quote=sug.quote, entity_id=sug.entity_id,
                      origin="suggested", check_quote=False)
        elif sug.kind == "name":  # a name not yet registered: register it, or tag the one with its key
            entity_type = sug.field or "organisation"
            same = _entity_by_key(rows, sug.normalized or name_key(sug.value), entity_type)
            tag = Tag(sug.document_id, page, sug.value, entity_type, rect=rect, quote=sug.quote,
                      entity_id=same, origin="suggested", check_quote=False, always_new=True)
        else:
            entity_type = ENTITY_TYPE_OF[sug.kind]
            name = sug.normalized or sug.value
            existing = find_entity(rows.session, name, entity_type)
            tag = Tag(sug.document_id, page, name, entity_type, rect=rect, quote=sug.quote,
                      entity_id=existing.id if existing else None, origin="suggested", check_quote=False)
        tag.run(rows)
        assert tag.created_id is not None
        self.mention_ids.append(tag.created_id)

    def title(self) -> str:
        verb = "Accept" if self.accept else "Reject"
        if len(self._decided) == 1:
            one = self._decided[0]
            return f"{verb} suggestion “{one['value']}” on document {one['document']}"
        return f"{verb} {len(self._decided)} suggestions"

    def intent(self) -> dict[str, Any]:
        return {"suggestions": self._decided, "mentions": self.mention_ids}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("suggestions", self.ids[0] if len(self.ids) == 1 else None)


def _entity_by_key(rows: Rows, key: str, entity_type: str) -> int | None:
    """The registered entity of `entity_type` one of whose names has the name key `key`."""
    for entity in rows.session.execute(select(Entity).where(Entity.type == entity_type,
                                                            Entity.merged_into_id.is_(None))).scalars():
        if any(name_key(n) == key for n in (entity.name, *(a.alias for a in entity.aliases))):
            return entity.id
    return None
