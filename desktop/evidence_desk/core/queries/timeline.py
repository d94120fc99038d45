"""The case's timeline: documents by date, dated events found in them (accepted date
mentions) and custody events, optionally only those touching one entity.

An event touches an entity when its document has an accepted mention of that
entity (or of an entity merged into it)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import CustodyEvent, Document, Entity, Mention
from evidence_desk.core.queries.entities import family_ids


@dataclass(frozen=True)
class TimelineEvent:
    date: str  # ISO 8601, possibly partial ("2021-03")
    kind: str  # document|dated_mention|custody
    doc_id: int
    title: str
    page: int | None = None
    detail: str = ""
    entity_ids: tuple[int, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["entity_ids"] = list(self.entity_ids)
        return data


def _title(doc: Document) -> str:
    kind = (doc.kind or "document").replace("_", " ")
    ref = f" {doc.reference}" if doc.reference else ""
    return f"{kind}{ref} — {doc.title or doc.filename}"


def timeline(case: Case, entity_id: int | None = None, include_custody: bool = True) -> list[TimelineEvent]:
    with case.read() as s:
        docs = {d.id: d for d in s.execute(select(Document)).scalars()}
        mentions = s.execute(select(Mention.document_id, Mention.page_number, Mention.quote, Entity.id,
                                    Entity.type, Entity.name)
                             .join(Entity, Mention.entity_id == Entity.id)
                             .where(Mention.status == "accepted")).all()
        by_doc: dict[int, set[int]] = {}
        for doc_id, _, _, ent_id, _, _ in mentions:
            by_doc.setdefault(doc_id, set()).add(ent_id)
        allowed: set[int] | None = None
        if entity_id is not None:
            family = family_ids(s, entity_id)
            allowed = {d for d, ents in by_doc.items() if ents & family}
        custody = s.execute(select(CustodyEvent)).scalars().all() if include_custody else []

    events: list[TimelineEvent] = []
    for doc in docs.values():
        if doc.doc_date and (allowed is None or doc.id in allowed):
            parties = " → ".join(p for p in (doc.sender, doc.recipient) if p)
            events.append(TimelineEvent(doc.doc_date, "document", doc.id, _title(doc), None, parties,
                                        tuple(sorted(by_doc.get(doc.id, ())))))
    for doc_id, page, quote, ent_id, ent_type, name in mentions:
        if ent_type != "date" or (allowed is not None and doc_id not in allowed):
            continue
        if docs[doc_id].doc_date == name:
            continue  # the document's own date is already its event
        events.append(TimelineEvent(name, "dated_mention", doc_id, f"{quote or name} in {docs[doc_id].filename}",
                                    page, "", (ent_id,)))
    for ev in custody:
        if allowed is not None and ev.document_id not in allowed:
            continue
        events.append(TimelineEvent(ev.at.date().isoformat(), "custody", ev.document_id,
                                    f"{ev.action} — {docs[ev.document_id].filename}", None, ev.actor))
    order = {"document": 0, "dated_mention": 1, "custody": 2}
    events.sort(key=lambda e: (e.date, order[e.kind], e.doc_id, e.page or 0))
    return events
