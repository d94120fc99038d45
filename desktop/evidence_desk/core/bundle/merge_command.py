"""The merge of a bundle as one command: one transaction, one audit entry, one step of
the case's history (`undo` after `import-bundle` puts the case back exactly).

`MergeBundle.run` turns a `MergePlan` into records, resolving the colleague's
stable ids (document hashes, uids) to this case's ids as it goes. Every row goes
through `Rows`, so the step holds each row before and after (a page as a compact
insert: its place and the digest of the row, not a second copy of its text and
words): undo deletes what the merge added (pages before their document) and puts
every update back, and is refused if any of it was changed since. Many rows of one table (pages,
mentions) are written in one statement (`Rows.insert_many`). The audit entry
records the merge's intent (bundle, resolution, conflicts, counts), not each row:
the rows came from the colleague's log, which the bundle carries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.bundle.merge_plan import Conflict, MergePlan
from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import RowEffect, Rows, model_of
from evidence_desk.core.db.models import (
    CustodyEvent,
    Document,
    DocumentLink,
    Entity,
    EntityAlias,
    EntityLink,
    Mention,
    Note,
    Page,
    ReasonCode,
    Redaction,
    new_uid,
)
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.errors import BundleError

RECT = ("x0", "y0", "x1", "y1")
PROVENANCE_COLUMNS = ("source_code", "source_identity", "received_at", "received_by", "method",
                      "verification_status", "confidence", "verification_reasoning", "notes", "original_path",
                      "file_times", "app_version")
EDITABLE_PROVENANCE = PROVENANCE_COLUMNS[:9]
DOCUMENT_COLUMNS = ("kind", "doc_date", "reference", "languages", "sender", "recipient", "review_status", "title")
MODELS: dict[str, Any] = {"mentions": Mention, "document_links": DocumentLink, "entity_links": EntityLink,
                          "redactions": Redaction, "notes": Note, "custody_events": CustodyEvent}
ROW_KINDS = ("mentions", "document_links", "entity_links", "redactions", "notes", "custody")


def table_of(kind: str) -> str:
    return "custody_events" if kind == "custody" else kind


class BundleMergeError(BundleError):
    """The bundle's records do not fit together; nothing was merged."""


@dataclass
class NewDocument:
    """A document the case does not have: its record, and its pages as our parser read them."""

    record: dict[str, Any]
    pages: list[dict[str, Any]]
    metadata: dict[str, Any]
    warnings: list[str]


@dataclass
class MergeBundle(Command):
    action = "bundle.merge"

    bundle_uid: str
    plan: MergePlan
    documents: list[NewDocument]
    resolve: str | None  # None: conflicts listed, left alone
    author: str
    their: dict[str, dict[str, dict[str, Any]]]  # `merge_plan.keyed` of the bundle's records
    _rows: Rows | None = field(default=None, init=False)
    _summary: dict[str, Any] = field(default_factory=dict, init=False)
    _docs: dict[str, int] = field(default_factory=dict, init=False)  # sha256 → id
    _pages: dict[int, int] = field(default_factory=dict, init=False)  # document id → page count
    _entities: dict[str, int] = field(default_factory=dict, init=False)  # uid → id

    # -- id resolution --------------------------------------------------------------------------

    def _load_ids(self, session: Session) -> None:
        self._docs, self._pages = {}, {}
        for doc_id, sha, count in session.execute(select(Document.id, Document.sha256, Document.page_count)):
            self._docs[sha], self._pages[doc_id] = doc_id, count
        self._entities = {uid: i for uid, i in session.execute(select(Entity.uid, Entity.id))}

    def _doc(self, sha: str) -> int:
        if sha not in self._docs:
            raise BundleMergeError(f"the bundle refers to a document ({sha[:12]}…) it does not carry")
        return self._docs[sha]

    def _entity(self, uid: str) -> int:
        uid = self.plan.entity_alias.get(uid, uid)
        if uid not in self._entities:
            raise BundleMergeError(f"the bundle refers to an entity ({uid[:12]}…) it does not carry")
        return self._entities[uid]

    def _page(self, doc_id: int, page: Any) -> Any:
        count = self._pages[doc_id]
        if page is not None and not (isinstance(page, int) and 1 <= page <= count):
            raise BundleMergeError(f"the bundle points at page {page!r} of a document with {count} pages")
        return page

    # -- steps -----------------------------------------------------------------------------------

    @property
    def rows(self) -> Rows:
        assert self._rows is not None, "only while the command runs"
        return self._rows

    def _count(self, table: str, count: int) -> None:
        if count:
            created = self._summary.setdefault("created", {})
            created[table] = created.get(table, 0) + count

    def _insert(self, session: Session, table: str, rows: list[dict[str, Any]],
                json_text: tuple[str, ...] = ()) -> list[int]:
        if not rows:
            return []
        ids = self.rows.insert_many(model_of(table), rows, json_text=json_text)
        self._count(table, len(rows))
        return ids

    def _update(self, session: Session, table: str, pk: object, changes: dict[str, Any]) -> None:
        if not changes:
            return
        obj = self.rows.get(model_of(table), pk)
        if obj is None:
            raise BundleMergeError(f"{table} {pk} is not in this case")
        self.rows.update(obj, **changes)
        self._summary.setdefault("updated", {}).setdefault(table, []).append(str(pk))

    def _row(self, kind: str, r: dict[str, Any], mentions: dict[str, int]) -> dict[str, Any]:
        """Their record as column values of this case (ids resolved); one key set per kind."""
        rect = {k: r.get(k) for k in RECT}
        if kind == "mentions":
            doc_id = self._doc(r["document"])
            return {"entity_id": self._entity(r["entity"]), "document_id": doc_id,
                    "page_number": self._page(doc_id, r["page"]), "quote": r.get("quote"), **rect,
                    "origin": r["origin"], "status": r["status"], "author": r["author"],
                    "created_at": r["created_at"]}
        if kind == "document_links":
            src = self._doc(r["source"])
            return {"kind": r["kind"], "source_id": src, "target_id": self._doc(r["target"]),
                    "page_number": self._page(src, r.get("page")), "quote": r.get("quote"), **rect,
                    "origin": r["origin"], "note": r.get("note"), "author": r["author"],
                    "created_at": r["created_at"]}
        if kind == "entity_links":
            return {"kind": r["kind"], "source_id": self._entity(r["source"]),
                    "target_id": self._entity(r["target"]),
                    "evidence_mention_ids": [mentions[u] for u in r.get("evidence", []) if u in mentions],
                    "note": r.get("note"), "author": r["author"], "created_at": r["created_at"]}
        if kind == "redactions":
            doc_id = self._doc(r["document"])
            return {"document_id": doc_id, "page_number": self._page(doc_id, r["page"]), **rect,
                    "match_text": r.get("match_text"), "group_uid": r.get("group_uid"), "reason": r["reason"],
                    "note": r.get("note"), "status": r["status"], "author": r["author"],
                    "reviewer": r.get("reviewer"), "created_at": r["created_at"], "decided_at": r.get("decided_at")}
        if kind == "notes":
            doc_id = self._doc(r["document"]) if r.get("document") else None
            return {"document_id": doc_id, "page_number": self._page(doc_id, r.get("page")) if doc_id else None,
                    **rect, "text": r["text"], "author": r["author"], "created_at": r["created_at"],
                    "updated_at": r.get("updated_at"), "internal": bool(r.get("internal"))}
        if kind == "custody":
            return {"document_id": self._doc(r["document"]), "at": r["at"], "actor": r["actor"], "kind": r["kind"],
                    "action": r["action"], "counterpart": r.get("counterpart")}
        raise KeyError(kind)

    def _add_documents(self, session: Session) -> None:
        taken = set(session.execute(select(Document.uid)).scalars())
        rows: list[dict[str, Any]] = []
        for new in self.documents:
            r = new.record
            uid = r["uid"] if r["uid"] not in taken else new_uid()  # the hash is the identity anyway
            taken.add(uid)
            rows.append({"uid": uid, "sha256": r["sha256"], "filename": r["filename"], "media_type": r["media_type"],
                         "size_bytes": r["size_bytes"], "page_count": len(new.pages), "imported_at": r["imported_at"],
                         "imported_by": r["imported_by"], "warnings": new.warnings, "source_metadata": new.metadata,
                         **{k: r.get(k) for k in DOCUMENT_COLUMNS}})
        ids = self.rows.insert_many(Document, rows)  # one statement, not one a document
        self._count("documents", len(ids))
        pages: list[dict[str, Any]] = []
        provenance: list[dict[str, Any]] = []
        for new, doc_id in zip(self.documents, ids, strict=True):
            r = new.record
            self._docs[r["sha256"]], self._pages[doc_id] = doc_id, len(new.pages)
            pages.extend({"document_id": doc_id, "ocr_engine": None, "ocr_languages": None, "ocr_confidence": None,
                          **page} for page in new.pages)
            prov = r.get("provenance")
            if prov:
                provenance.append({"document_id": doc_id, **{k: prov.get(k) for k in PROVENANCE_COLUMNS}})
        if pages:
            self.rows.insert_many(Page, pages, json_text=("words",), compact=True)
            self._count("pages", len(pages))
        self._insert(session, "provenance", provenance)

    def _add_entities(self, session: Session, entities: list[dict[str, Any]]) -> None:
        rows = [{"uid": e["uid"], "type": e["type"], "name": e["name"], "description": e.get("description"),
                 "created_at": e["created_at"]} for e in entities]
        for e, ent_id in zip(entities, self._insert(session, "entities", rows), strict=True):
            self._entities[e["uid"]] = ent_id

    def _add_aliases(self, session: Session) -> None:
        have = {(e, a) for e, a in session.execute(select(EntityAlias.entity_id, EntityAlias.alias))}
        rows = []
        for e in self.their.get("entities", {}).values():  # aliases travel for every entity
            ent_id = self._entity(e["uid"])
            for alias in e.get("aliases", []):
                if (ent_id, alias["alias"]) not in have:
                    have.add((ent_id, alias["alias"]))
                    rows.append({"entity_id": ent_id, "alias": alias["alias"],
                                 "normalized": normalize_name(alias["alias"]), "language": alias.get("language")})
        self._insert(session, "entity_aliases", rows)

    def _pk(self, session: Session, table: str, uid: str) -> int:
        model = MODELS[table]
        return int(session.execute(select(model.id).where(model.uid == uid)).scalar_one())

    def _adopt(self, session: Session, kind: str, r: dict[str, Any], mentions: dict[str, int]) -> None:
        """Make my record say what theirs says."""
        if kind == "documents":
            self._update(session, "documents", self._doc(r["sha256"]), {k: r.get(k) for k in DOCUMENT_COLUMNS})
        elif kind == "provenance":
            self._update(session, "provenance", self._doc(r["sha256"]), {k: r.get(k) for k in EDITABLE_PROVENANCE})
        elif kind == "entities":
            changes = {k: r.get(k) for k in ("type", "name", "description")}
            if r.get("merged_into"):
                changes["merged_into_id"] = self._entity(r["merged_into"])
            self._update(session, "entities", self._entity(r["uid"]), changes)
        else:
            table = table_of(kind)
            self._update(session, table, self._pk(session, table, r["uid"]), self._row(kind, r, mentions))

    def _both(self, session: Session, conflict: Conflict, mentions: dict[str, int]) -> None:
        """Keep mine and add theirs beside it: a copy with a new uid, or (for one-per-document
        details) a note on the document recording their values."""
        if conflict.kind in ("documents", "provenance"):
            text = "; ".join(f"{k}: {b!r}" for k, (_, b) in conflict.fields.items())
            self._insert(session, "notes", [{
                "uid": new_uid(), "document_id": self._doc(conflict.key), "page_number": None, "text":
                f"From bundle {self.bundle_uid[:8]}, their {conflict.kind} differs: {text}", "author": self.author,
                "internal": False, **dict.fromkeys(RECT)}])
            return
        row = self.their[conflict.kind][conflict.key]
        if conflict.kind == "entities":
            self._add_entities(session, [{**row, "uid": new_uid(), "name": f"{row['name']} (theirs)"}])
            return
        self._insert(session, table_of(conflict.kind), [{"uid": new_uid(), **self._row(conflict.kind, row, mentions)}])

    # -- Command ---------------------------------------------------------------------------------

    def run(self, rows: Rows) -> None:
        self._rows = rows
        session = rows.session
        self._summary = {"bundle": self.bundle_uid, "resolution": self.resolve,
                         "conflicts": [c.to_json() for c in self.plan.conflicts]}
        plan = self.plan
        self._load_ids(session)
        self._add_reason_codes(session)
        self._add_documents(session)
        self._add_entities(session, plan.new.get("entities", []))
        for e in plan.take.get("entities", []):
            self._adopt(session, "entities", e, {})
        self._add_aliases(session)
        for e in plan.new.get("entities", []):
            if e.get("merged_into"):
                self._update(session, "entities", self._entity(e["uid"]),
                             {"merged_into_id": self._entity(e["merged_into"])})
        mentions = {uid: i for uid, i in session.execute(select(Mention.uid, Mention.id))}
        for kind in ROW_KINDS:
            rows = [{"uid": r["uid"], **self._row(kind, r, mentions)} for r in plan.new.get(kind, [])]
            if kind == "document_links":
                rows = self._new_links(session, rows)
            ids = self._insert(session, table_of(kind), rows)
            if kind == "mentions":
                mentions.update((r["uid"], i) for r, i in zip(rows, ids, strict=True))
            for r in plan.take.get(kind, []):
                self._adopt(session, kind, r, mentions)
        for kind in ("documents", "provenance"):
            for r in plan.take.get(kind, []):
                self._adopt(session, kind, r, mentions)
        self._insert(session, "provenance", [
            {"document_id": self._doc(r["sha256"]), **{k: r.get(k) for k in PROVENANCE_COLUMNS}}
            for r in plan.new.get("provenance", [])])
        for conflict in plan.conflicts:
            if self.resolve == "theirs":
                self._adopt(session, conflict.kind, plan.theirs_rows[(conflict.kind, conflict.key)], mentions)
            elif self.resolve == "both":
                self._both(session, conflict, mentions)
        self._rows = None

    def title(self) -> str:
        created = self._summary.get("created", {})
        what = ", ".join(f"{n} {table.replace('_', ' ')}" for table, n in created.items() if table != "pages")
        return f"Merge bundle {self.bundle_uid[:8]}" + (f" ({what})" if what else "")

    def intent(self) -> dict[str, Any]:
        return dict(self._summary)

    def audit_steps(self, effects: list[RowEffect]) -> list[dict[str, Any]]:
        return []  # the intent says what was merged; the rows came from the bundle's own log

    def _add_reason_codes(self, session: Session) -> None:
        have = set(session.execute(select(ReasonCode.code)).scalars())
        wanted = {r["reason"] for kind in ("new", "take") for r in getattr(self.plan, kind).get("redactions", [])}
        wanted |= {self.their["redactions"][c.key]["reason"] for c in self.plan.conflicts if c.kind == "redactions"}
        self._insert(session, "reason_codes", [
            {"code": code, "label": self.their.get("reason_codes", {}).get(code, {}).get("label", code),
             "builtin": False} for code in sorted(wanted - have)])

    def _new_links(self, session: Session, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Links this case already has (same kind, ends and page, another uid) are not added twice."""
        have = {tuple(row) for row in session.execute(select(DocumentLink.kind, DocumentLink.source_id,
                                                             DocumentLink.target_id, DocumentLink.page_number))}
        out = []
        for row in rows:
            key = (row["kind"], row["source_id"], row["target_id"], row["page_number"])
            if key not in have:
                have.add(key)
                out.append(row)
        return out
