"""The case as plain records keyed by stable ids: what a bundle carries and a merge reads.

Documents are keyed by SHA-256 and everything else by its `uid`; references
between records (a mention's entity and document, a link's ends) are written as
those keys, never as this case's integer ids, so a colleague's case can match
them. `read_records` takes everything in one read transaction, so the records,
the audit log and its head all describe one moment."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import (
    AuditEntry,
    CaseMeta,
    CustodyEvent,
    Document,
    DocumentLink,
    Entity,
    EntityAlias,
    EntityLink,
    Mention,
    Note,
    Page,
    Provenance,
    ReasonCode,
    Redaction,
)

FORMAT = "evidence-desk-records/1"
DOCUMENT_FIELDS = ("sha256", "uid", "filename", "media_type", "size_bytes", "page_count", "title", "kind",
                   "doc_date", "reference", "languages", "sender", "recipient", "review_status",
                   "imported_at", "imported_by", "warnings", "source_metadata")
PROVENANCE_FIELDS = ("source_code", "source_identity", "received_at", "received_by", "method",
                     "verification_status", "confidence", "verification_reasoning", "notes",
                     "original_path", "file_times", "app_version")
RECT = ("x0", "y0", "x1", "y1")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _row(obj: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {n: _plain(getattr(obj, n)) for n in names}


def _columns(s: Session, model: Any, *order: Any) -> list[Row[Any]]:
    """Every column of a table as plain rows named like the model's attributes: no ORM
    objects are made (for a thousand mentions, that was most of the read's time)."""
    columns = [attr.columns[0].label(attr.key) for attr in model.__mapper__.column_attrs]  # Core: no ORM loading
    return list(s.execute(select(*columns).order_by(*order)))


@dataclass
class CaseRecords:
    """Every record that travels, as JSON-ready dicts (see module docstring)."""

    case_uid: str | None = None
    documents: list[dict[str, Any]] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    document_links: list[dict[str, Any]] = field(default_factory=list)
    entity_links: list[dict[str, Any]] = field(default_factory=list)
    redactions: list[dict[str, Any]] = field(default_factory=list)
    notes: list[dict[str, Any]] = field(default_factory=list)
    custody: list[dict[str, Any]] = field(default_factory=list)
    reason_codes: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "case_uid": self.case_uid, "documents": self.documents,
                "entities": self.entities, "mentions": self.mentions,
                "document_links": self.document_links, "entity_links": self.entity_links,
                "redactions": self.redactions, "notes": self.notes, "custody": self.custody,
                "reason_codes": self.reason_codes}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseRecords:
        names = ("documents", "entities", "mentions", "document_links", "entity_links", "redactions",
                 "notes", "custody", "reason_codes")
        return cls(case_uid=data.get("case_uid"), **{n: list(data.get(n) or []) for n in names})

    @property
    def audit_head(self) -> tuple[str, int]:
        return (self.audit[-1]["hash"], len(self.audit)) if self.audit else ("0" * 64, 0)


def read_records(case: Case, doc_ids: list[int] | None = None) -> CaseRecords:
    """The records of the whole case, or of some documents (with what touches only them)."""
    out = CaseRecords()
    with case.read() as s:
        meta = s.get(CaseMeta, "case_uid")
        out.case_uid = meta.value if meta else None
        query = select(Document).order_by(Document.id)
        if doc_ids is not None:
            query = query.where(Document.id.in_(doc_ids))
        docs = s.execute(query).scalars().all()
        sha = {d.id: d.sha256 for d in docs}
        provs = {p.document_id: p for p in s.execute(select(Provenance)).scalars()}
        for d in docs:
            row = _row(d, DOCUMENT_FIELDS)
            row["id"] = d.id  # this case's id: lets a merge read the audit log's targets
            prov = provs.get(d.id)
            row["provenance"] = _row(prov, PROVENANCE_FIELDS) if prov else None
            row["pages"] = []
            out.documents.append(row)
        # Page geometry for every page, text and word boxes only where OCR read them: text read
        # by OCR exists only in the case (the original has none), so it travels.
        by_id = {d["id"]: d for d in out.documents}
        geometry = select(Page.document_id, Page.number, Page.width, Page.height, Page.rotation, Page.text_source,
                          Page.ocr_engine, Page.ocr_languages, Page.ocr_confidence).order_by(Page.document_id,
                                                                                              Page.number)
        for p in s.execute(geometry):
            if p.document_id in by_id:
                by_id[p.document_id]["pages"].append(
                    {"number": p.number, "width": p.width, "height": p.height, "rotation": p.rotation,
                     "text_source": p.text_source, "ocr_engine": p.ocr_engine, "ocr_languages": p.ocr_languages,
                     "ocr_confidence": p.ocr_confidence})
        ocr = select(Page.document_id, Page.number, Page.text, Page.words).where(Page.text_source == "ocr")
        for doc_id, number, text, words in s.execute(ocr):
            if doc_id in by_id:
                next(pg for pg in by_id[doc_id]["pages"] if pg["number"] == number).update(text=text, words=words)
        entities = _columns(s, Entity, Entity.id)
        aliases: dict[int, list[dict[str, Any]]] = {}
        for a in s.execute(select(EntityAlias.entity_id, EntityAlias.alias, EntityAlias.normalized,
                                  EntityAlias.language)):
            aliases.setdefault(a.entity_id, []).append({"alias": a.alias, "normalized": a.normalized,
                                                        "language": a.language})
        ent_uid = {e.id: e.uid for e in entities}
        if doc_ids is not None:  # some documents: only the entities they name (and what those merged into)
            wanted = set(s.execute(select(Mention.entity_id).where(Mention.document_id.in_(doc_ids))).scalars())
            parents = {e.id: e.merged_into_id for e in entities}
            for ent_id in list(wanted):
                while parents.get(ent_id) and parents[ent_id] not in wanted:
                    ent_id = parents[ent_id]  # type: ignore[assignment]
                    wanted.add(ent_id)
            entities = [e for e in entities if e.id in wanted]
        kept = {e.id for e in entities}
        for e in entities:
            out.entities.append({
                "id": e.id, "uid": e.uid, "type": e.type, "name": e.name, "description": e.description,
                "merged_into": ent_uid.get(e.merged_into_id) if e.merged_into_id in kept else None,
                "created_at": _plain(e.created_at),
                "aliases": sorted(aliases.get(e.id, []), key=lambda a: a["alias"])})
        mentions = [m for m in _columns(s, Mention, Mention.id) if m.document_id in sha]
        mention_uid = {m.id: m.uid for m in mentions}
        for m in mentions:
            out.mentions.append({"id": m.id, "uid": m.uid, "entity": ent_uid[m.entity_id],
                                 "document": sha[m.document_id], "page": m.page_number, "quote": m.quote,
                                 **_row(m, RECT), "origin": m.origin, "status": m.status,
                                 "author": m.author, "created_at": _plain(m.created_at)})
        for link in _columns(s, DocumentLink, DocumentLink.id):
            if link.source_id in sha and link.target_id in sha:
                out.document_links.append({
                    "id": link.id, "uid": link.uid, "kind": link.kind, "source": sha[link.source_id],
                    "target": sha[link.target_id], "page": link.page_number, "quote": link.quote,
                    **_row(link, RECT), "origin": link.origin, "note": link.note, "author": link.author,
                    "created_at": _plain(link.created_at)})
        for el in _columns(s, EntityLink, EntityLink.id):
            if el.source_id not in kept or el.target_id not in kept:
                continue
            out.entity_links.append({
                "id": el.id, "uid": el.uid, "kind": el.kind, "source": ent_uid[el.source_id],
                "target": ent_uid[el.target_id],
                "evidence": [mention_uid[i] for i in el.evidence_mention_ids or [] if i in mention_uid],
                "note": el.note, "author": el.author, "created_at": _plain(el.created_at)})
        for r in _columns(s, Redaction, Redaction.id):
            if r.document_id in sha:
                out.redactions.append({
                    "id": r.id, "uid": r.uid, "document": sha[r.document_id], "page": r.page_number,
                    **_row(r, RECT), "match_text": r.match_text, "group_uid": r.group_uid, "reason": r.reason,
                    "note": r.note, "status": r.status, "author": r.author, "reviewer": r.reviewer,
                    "created_at": _plain(r.created_at), "decided_at": _plain(r.decided_at)})
        for n in _columns(s, Note, Note.id):
            if n.document_id is None or n.document_id in sha:
                out.notes.append({
                    "id": n.id, "uid": n.uid, "document": sha.get(n.document_id) if n.document_id else None,
                    "page": n.page_number, **_row(n, RECT), "text": n.text, "author": n.author,
                    "created_at": _plain(n.created_at), "updated_at": _plain(n.updated_at),
                    "internal": bool(n.internal)})
        for c in _columns(s, CustodyEvent, CustodyEvent.at, CustodyEvent.id):
            if c.document_id in sha:
                out.custody.append({"id": c.id, "uid": c.uid, "document": sha[c.document_id],
                                    "at": _plain(c.at), "actor": c.actor, "kind": c.kind, "action": c.action,
                                    "counterpart": c.counterpart})
        out.reason_codes = [{"code": r.code, "label": r.label, "builtin": r.builtin}
                            for r in _columns(s, ReasonCode, ReasonCode.code)]
        out.audit = [{"id": a.id, "at": a.at, "author": a.author, "action": a.action,
                      "target_type": a.target_type, "target_id": a.target_id, "data": a.data,
                      "prev_hash": a.prev_hash, "hash": a.hash}
                     for a in _columns(s, AuditEntry, AuditEntry.id)]
    return out
