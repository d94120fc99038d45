"""The merge of a bundle as one edit: one transaction, one audit entry, one undo step.

`MergeBundle.apply` turns a `MergePlan` into records, resolving the colleague's
stable ids (document hashes, uids) to this case's ids as it goes, and returns
the exact inverse: every created row deleted (pages one by one, so a redo brings
them back) and every update put back, in reverse order. Built from the edit
primitives of `core.edits` (create, update, batch) so it ports to the command
layer unchanged in meaning."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.bundle.merge_plan import Conflict, MergePlan
from evidence_desk.core.db.models import (
    CustodyEvent,
    Document,
    DocumentLink,
    Entity,
    EntityAlias,
    EntityLink,
    Mention,
    Note,
    ReasonCode,
    Redaction,
    new_uid,
)
from evidence_desk.core.edits import Batch, CreateRecord, Edit, UpdateRecord
from evidence_desk.core.entities.names import normalize_name
from evidence_desk.core.errors import BundleError

RECT = ("x0", "y0", "x1", "y1")
PROVENANCE_COLUMNS = ("source_code", "source_identity", "received_at", "received_by", "method",
                      "verification_status", "confidence", "verification_reasoning", "notes", "original_path",
                      "file_times", "app_version")
MODELS: dict[str, Any] = {"mentions": Mention, "document_links": DocumentLink, "entity_links": EntityLink,
                          "redactions": Redaction, "notes": Note, "custody_events": CustodyEvent}
DOCUMENT_COLUMNS = ("kind", "doc_date", "reference", "languages", "sender", "recipient", "review_status", "title")


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
class MergeBundle(Edit):
    bundle_uid: str
    plan: MergePlan
    documents: list[NewDocument]
    resolve: str | None  # None: conflicts listed, left alone
    author: str
    their: dict[str, dict[str, dict[str, Any]]]  # `merge_plan.keyed` of the bundle's records
    label: str = "bundle.merge"
    _inverses: list[Edit] = field(default_factory=list, init=False)
    _summary: dict[str, Any] = field(default_factory=dict, init=False)

    # -- id resolution --------------------------------------------------------------------------

    def _doc(self, session: Session, sha: str) -> int:
        doc_id = session.execute(select(Document.id).where(Document.sha256 == sha)).scalar_one_or_none()
        if doc_id is None:
            raise BundleMergeError(f"the bundle refers to a document ({sha[:12]}…) it does not carry")
        return int(doc_id)

    def _entity(self, session: Session, uid: str) -> int:
        uid = self.plan.entity_alias.get(uid, uid)
        ent_id = session.execute(select(Entity.id).where(Entity.uid == uid)).scalar_one_or_none()
        if ent_id is None:
            raise BundleMergeError(f"the bundle refers to an entity ({uid[:12]}…) it does not carry")
        return int(ent_id)

    def _check_page(self, session: Session, doc_id: int, page: Any) -> None:
        if page is None:
            return
        count = session.get(Document, doc_id).page_count  # type: ignore[union-attr]
        if not isinstance(page, int) or not 1 <= page <= count:
            raise BundleMergeError(f"the bundle points at page {page!r} of a document with {count} pages")

    # -- steps -----------------------------------------------------------------------------------

    def _create(self, session: Session, table: str, values: dict[str, Any]) -> int:
        step = CreateRecord(table, values, label=f"{table}.add")
        self._inverses.append(step.apply(session))
        self._summary.setdefault("created", {}).setdefault(table, 0)
        self._summary["created"][table] += 1
        return int(step.created_id) if isinstance(step.created_id, int) else 0

    def _update(self, session: Session, table: str, pk: object, changes: dict[str, Any]) -> None:
        if not changes:
            return
        step = UpdateRecord(table, pk, changes, label=f"{table}.update")
        self._inverses.append(step.apply(session))
        self._summary.setdefault("updated", {}).setdefault(table, []).append(str(pk))

    def _row(self, session: Session, kind: str, r: dict[str, Any]) -> dict[str, Any]:
        """Their record as column values of this case (ids resolved)."""
        rect = {k: r.get(k) for k in RECT}
        if kind == "mentions":
            doc_id = self._doc(session, r["document"])
            self._check_page(session, doc_id, r["page"])
            return {"entity_id": self._entity(session, r["entity"]), "document_id": doc_id,
                    "page_number": r["page"], "quote": r.get("quote"), **rect, "origin": r["origin"],
                    "status": r["status"], "author": r["author"], "created_at": r["created_at"]}
        if kind == "document_links":
            src = self._doc(session, r["source"])
            self._check_page(session, src, r.get("page"))
            return {"kind": r["kind"], "source_id": src, "target_id": self._doc(session, r["target"]),
                    "page_number": r.get("page"), "quote": r.get("quote"), **rect, "origin": r["origin"],
                    "note": r.get("note"), "author": r["author"], "created_at": r["created_at"]}
        if kind == "entity_links":
            mention_ids = [m for m in (session.execute(select(Mention.id).where(Mention.uid == u)).scalar_one_or_none()
                                       for u in r.get("evidence", [])) if m is not None]
            return {"kind": r["kind"], "source_id": self._entity(session, r["source"]),
                    "target_id": self._entity(session, r["target"]), "evidence_mention_ids": mention_ids,
                    "note": r.get("note"), "author": r["author"], "created_at": r["created_at"]}
        if kind == "redactions":
            doc_id = self._doc(session, r["document"])
            self._check_page(session, doc_id, r["page"])
            if session.get(ReasonCode, r["reason"]) is None:
                label = self.their.get("reason_codes", {}).get(r["reason"], {}).get("label", r["reason"])
                self._create(session, "reason_codes", {"code": r["reason"], "label": label, "builtin": False})
            return {"document_id": doc_id, "page_number": r["page"], **rect, "match_text": r.get("match_text"),
                    "group_uid": r.get("group_uid"), "reason": r["reason"], "note": r.get("note"),
                    "status": r["status"], "author": r["author"], "reviewer": r.get("reviewer"),
                    "created_at": r["created_at"], "decided_at": r.get("decided_at")}
        if kind == "notes":
            doc_id = self._doc(session, r["document"]) if r.get("document") else None
            if doc_id is not None:
                self._check_page(session, doc_id, r.get("page"))
            return {"document_id": doc_id, "page_number": r.get("page"), **rect, "text": r["text"],
                    "author": r["author"], "created_at": r["created_at"], "updated_at": r.get("updated_at"),
                    "internal": bool(r.get("internal"))}
        if kind == "custody":
            return {"document_id": self._doc(session, r["document"]), "at": r["at"], "actor": r["actor"],
                    "kind": r["kind"], "action": r["action"], "counterpart": r.get("counterpart")}
        raise KeyError(kind)

    def _add_document(self, session: Session, new: NewDocument) -> None:
        r = new.record
        uid = r["uid"]
        if session.execute(select(Document.id).where(Document.uid == uid)).scalar_one_or_none() is not None:
            uid = new_uid()  # their uid names another document here: the hash is the identity anyway
        doc_id = self._create(session, "documents", {
            "uid": uid, "sha256": r["sha256"], "filename": r["filename"], "media_type": r["media_type"],
            "size_bytes": r["size_bytes"], "page_count": len(new.pages), "imported_at": r["imported_at"],
            "imported_by": r["imported_by"], "warnings": new.warnings, "source_metadata": new.metadata,
            **{k: r.get(k) for k in DOCUMENT_COLUMNS}})
        for page in new.pages:
            self._create(session, "pages", {"document_id": doc_id, **page})
        prov = r.get("provenance")
        if prov:
            self._create(session, "provenance", {"document_id": doc_id,
                                                 **{k: prov.get(k) for k in PROVENANCE_COLUMNS}})

    def _add_entity(self, session: Session, e: dict[str, Any]) -> None:
        ent_id = self._create(session, "entities", {"uid": e["uid"], "type": e["type"], "name": e["name"],
                                                    "description": e.get("description"),
                                                    "created_at": e["created_at"]})
        self._add_aliases(session, ent_id, e)

    def _add_aliases(self, session: Session, ent_id: int, e: dict[str, Any]) -> None:
        have = set(session.execute(select(EntityAlias.alias).where(EntityAlias.entity_id == ent_id)).scalars())
        for alias in e.get("aliases", []):
            if alias["alias"] not in have:
                have.add(alias["alias"])
                self._create(session, "entity_aliases", {"entity_id": ent_id, "alias": alias["alias"],
                                                         "normalized": normalize_name(alias["alias"]),
                                                         "language": alias.get("language")})

    def _adopt(self, session: Session, kind: str, r: dict[str, Any]) -> None:
        """Make my record say what theirs says."""
        if kind == "documents":
            doc_id = self._doc(session, r["sha256"])
            self._update(session, "documents", doc_id, {k: r.get(k) for k in DOCUMENT_COLUMNS})
        elif kind == "provenance":
            self._update(session, "provenance", self._doc(session, r["sha256"]),
                         {k: r.get(k) for k in PROVENANCE_COLUMNS[:9]})
        elif kind == "entities":
            ent_id = self._entity(session, r["uid"])
            self._update(session, "entities", ent_id, {k: r.get(k) for k in ("type", "name", "description")})
        else:
            table = "custody_events" if kind == "custody" else kind
            model_pk = self._pk(session, table, r["uid"])
            self._update(session, table, model_pk, self._row(session, kind, r))

    def _pk(self, session: Session, table: str, uid: str) -> int:
        model = MODELS[table]
        return int(session.execute(select(model.id).where(model.uid == uid)).scalar_one())

    def _both(self, session: Session, conflict: Conflict) -> None:
        """Keep mine and add theirs beside it: a copy with a new uid, or (for one-per-document
        details) a note on the document recording their values."""
        if conflict.kind in ("documents", "provenance"):
            doc_id = self._doc(session, conflict.key)
            text = "; ".join(f"{k}: {b!r}" for k, (_, b) in conflict.fields.items())
            self._create(session, "notes", {"document_id": doc_id, "author": self.author,
                                            "text": f"From bundle {self.bundle_uid[:8]}, their {conflict.kind} "
                                                    f"differs: {text}"})
            return
        row = self.their[conflict.kind][conflict.key]
        if conflict.kind == "entities":
            self._add_entity(session, {**row, "uid": new_uid(), "name": f"{row['name']} (theirs)"})
            return
        table = "custody_events" if conflict.kind == "custody" else conflict.kind
        self._create(session, table, {"uid": new_uid(), **self._row(session, conflict.kind, row)})

    # -- Edit ------------------------------------------------------------------------------------

    def apply(self, session: Session) -> Edit:
        self._inverses = []
        self._summary = {"bundle": self.bundle_uid, "resolution": self.resolve,
                         "conflicts": [c.to_json() for c in self.plan.conflicts]}
        plan = self.plan
        for new in self.documents:
            self._add_document(session, new)
        for e in plan.new.get("entities", []):
            self._add_entity(session, e)
        for e in plan.take.get("entities", []):
            self._adopt(session, "entities", e)
        for e in self.their.get("entities", {}).values():  # aliases travel for every entity
            self._add_aliases(session, self._entity(session, e["uid"]), e)
        for e in plan.new.get("entities", []) + plan.take.get("entities", []):
            if e.get("merged_into"):
                self._update(session, "entities", self._entity(session, e["uid"]),
                             {"merged_into_id": self._entity(session, e["merged_into"])})
        for kind in ("mentions", "document_links", "entity_links", "redactions", "notes", "custody"):
            table = "custody_events" if kind == "custody" else kind
            for r in plan.new.get(kind, []):
                values = self._row(session, kind, r)
                if kind == "document_links" and self._same_link(session, values):
                    continue
                self._create(session, table, {"uid": r["uid"], **values})
            for r in plan.take.get(kind, []):
                self._adopt(session, kind, r)
        for kind in ("documents", "provenance"):
            for r in plan.take.get(kind, []):
                self._adopt(session, kind, r)
        for r in plan.new.get("provenance", []):
            self._create(session, "provenance", {"document_id": self._doc(session, r["sha256"]),
                                                 **{k: r.get(k) for k in PROVENANCE_COLUMNS}})
        for conflict in plan.conflicts:
            if self.resolve == "theirs":
                self._adopt(session, conflict.kind, self.their[conflict.kind][conflict.key])
            elif self.resolve == "both":
                self._both(session, conflict)
        inverses = list(reversed(self._inverses))
        return Batch(inverses, label=f"undo {self.label}", target_hint=("case", None))

    def _same_link(self, session: Session, values: dict[str, Any]) -> bool:
        return session.execute(select(DocumentLink.id).where(
            DocumentLink.kind == values["kind"], DocumentLink.source_id == values["source_id"],
            DocumentLink.target_id == values["target_id"],
            DocumentLink.page_number == values["page_number"])).scalar_one_or_none() is not None

    def describe(self) -> dict[str, Any]:
        return dict(self._summary)
