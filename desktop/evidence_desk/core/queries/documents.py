"""Documents as the browser list, the details panel and `list`/`show` see them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document, Provenance
from evidence_desk.core.documents import EDITABLE_FIELDS, resolve
from evidence_desk.core.queries.annotations import (
    MentionRow,
    NoteRow,
    document_mentions,
    document_notes,
)
from evidence_desk.core.queries.pages import PageRow, document_pages
from evidence_desk.core.queries.redactions import RedactionView, list_redactions


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the documents list (`list --json` prints `to_json()`)."""

    id: int
    uid: str
    sha256: str
    filename: str
    pages: int
    media_type: str
    size_bytes: int
    kind: str | None
    date: str | None
    reference: str | None
    languages: str | None
    sender: str | None
    recipient: str | None
    review_status: str
    title: str | None
    imported_at: str | None
    warnings: tuple[str, ...]

    @property
    def display_name(self) -> str:
        return self.title or self.filename

    def editable_values(self) -> dict[str, Any]:
        """The fields a person may edit, under their database names (`core.documents.EDITABLE_FIELDS`)."""
        values = {k: getattr(self, k, None) for k in EDITABLE_FIELDS}
        values["doc_date"] = self.date
        return values

    def to_json(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["warnings"] = list(self.warnings)
        return out


def _summary(doc: Document) -> DocumentSummary:
    return DocumentSummary(
        doc.id, doc.uid, doc.sha256, doc.filename, doc.page_count, doc.media_type, doc.size_bytes,
        doc.kind, doc.doc_date, doc.reference, doc.languages, doc.sender, doc.recipient,
        doc.review_status, doc.title, doc.imported_at.isoformat() if doc.imported_at else None,
        tuple(str(w) for w in doc.warnings or ()))


def list_documents(case: Case) -> list[DocumentSummary]:
    with case.read() as s:
        return [_summary(d) for d in s.execute(select(Document).order_by(Document.id)).scalars()]


def document_summary(case: Case, ref: str | int) -> DocumentSummary:
    """One document by id or SHA-256 prefix (NotFoundError otherwise)."""
    with case.read() as s:
        return _summary(resolve(s, ref))


@dataclass(frozen=True)
class DocumentFile:
    """What it takes to draw a document's pages: its original on disk and its type."""

    id: int
    sha256: str
    media_type: str
    path: Path


def document_files(case: Case, doc_ids: list[int]) -> list[DocumentFile]:
    """The originals of the given documents (unknown ids are skipped), in id order."""
    if not doc_ids:
        return []
    with case.read() as s:
        rows = s.execute(select(Document.id, Document.sha256, Document.media_type)
                         .where(Document.id.in_(doc_ids)).order_by(Document.id)).all()
    return [DocumentFile(i, sha, media, case.originals.path_for(sha)) for i, sha, media in rows]


@dataclass(frozen=True)
class ProvenanceSummary:
    source: str | None
    received: str | None
    method: str | None
    verification: str
    confidence: str | None

    def to_json(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class DocumentView:
    """Everything `show DOC` prints: the summary, pages, mentions, notes, redactions, provenance."""

    summary: DocumentSummary
    pages: tuple[PageRow, ...]
    source_metadata: dict[str, Any]
    mentions: tuple[MentionRow, ...]
    notes: tuple[NoteRow, ...]
    redactions: tuple[RedactionView, ...]
    provenance: ProvenanceSummary | None

    def to_json(self) -> dict[str, Any]:
        out = self.summary.to_json()
        out["pages_detail"] = [p.to_json() for p in self.pages]
        out["source_metadata"] = dict(self.source_metadata)
        out["mentions"] = [m.to_json() for m in self.mentions]
        out["notes"] = [n.to_json() for n in self.notes]
        out["redactions"] = [r.to_json() for r in self.redactions]
        out["provenance"] = None if self.provenance is None else self.provenance.to_json()
        return out


def show_document(case: Case, ref: str | int) -> DocumentView:
    with case.read() as s:
        doc = resolve(s, ref)
        summary, metadata = _summary(doc), dict(doc.source_metadata or {})
        prov = s.get(Provenance, doc.id)
        provenance = None if prov is None else ProvenanceSummary(
            prov.source_code, prov.received_at, prov.method, prov.verification_status, prov.confidence)
    return DocumentView(summary, tuple(document_pages(case, summary.id)), metadata,
                        tuple(document_mentions(case, summary.id, include_rejected=True)),
                        tuple(document_notes(case, summary.id)),
                        tuple(list_redactions(case, summary.id)), provenance)

