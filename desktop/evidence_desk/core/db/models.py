"""SQLAlchemy 2 typed models for everything a case holds.

Regions are stored as four floats in PDF points of the unrotated page (see
`evidence_desk.core.geometry`). Pages are addressed by (document, 1-based number):
that pair is stable across bundles and the command line. Every record that can
travel in a bundle has a `uid` (a UUID) so colleagues' cases merge by identity."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from evidence_desk.core.geometry import Rect
from evidence_desk.core.vocabulary import (  # noqa: F401 - re-exported for the migrations and core
    DOCUMENT_KINDS,
    ENTITY_TYPES,
    MENTION_STATUSES,
    REDACTION_STATUSES,
    REVIEW_STATUSES,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def now_utc() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def new_uid() -> str:
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


class RegionMixin:
    """An optional rectangle on a page, in PDF points of the unrotated page."""

    x0: Mapped[float | None] = mapped_column(Float)
    y0: Mapped[float | None] = mapped_column(Float)
    x1: Mapped[float | None] = mapped_column(Float)
    y1: Mapped[float | None] = mapped_column(Float)

    @property
    def region(self) -> Rect | None:
        """The stored rectangle, or None when the record has no region (a quote, a page)."""
        return Rect.from_region(self.x0, self.y0, self.x1, self.y1)


class CaseMeta(Base):
    __tablename__ = "case_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    filename: Mapped[str] = mapped_column(Text)
    media_type: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    page_count: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(32))
    doc_date: Mapped[str | None] = mapped_column(String(10))  # ISO 8601 date, may be partial
    reference: Mapped[str | None] = mapped_column(Text)
    languages: Mapped[str | None] = mapped_column(String(64))  # Tesseract codes, "rus+eng"
    sender: Mapped[str | None] = mapped_column(Text)
    recipient: Mapped[str | None] = mapped_column(Text)
    review_status: Mapped[str] = mapped_column(String(16), default="new")
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)
    imported_by: Mapped[str] = mapped_column(String(128), default="")
    warnings: Mapped[list[Any]] = mapped_column(default=list)
    source_metadata: Mapped[dict[str, Any]] = mapped_column(default=dict)

    pages: Mapped[list[Page]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Page.number"
    )

    __table_args__ = (
        CheckConstraint("page_count >= 1", name="page_count_positive"),
    )


class Page(Base):
    __tablename__ = "pages"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)  # 1-based
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    rotation: Mapped[int] = mapped_column(Integer, default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    text_source: Mapped[str] = mapped_column(String(16), default="none")  # embedded|ocr|none|blank
    ocr_engine: Mapped[str | None] = mapped_column(String(64))
    ocr_languages: Mapped[str | None] = mapped_column(String(64))
    ocr_confidence: Mapped[float | None] = mapped_column(Float)
    needs_ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    has_images: Mapped[bool] = mapped_column(Boolean, default=False)
    words: Mapped[list[Any]] = mapped_column(default=list)  # rows of geometry.Word.to_row()

    document: Mapped[Document] = relationship(back_populates="pages")

    __table_args__ = (UniqueConstraint("document_id", "number", name="doc_number"),)


class Entity(Base):
    __tablename__ = "entities"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    type: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)

    aliases: Mapped[list[EntityAlias]] = relationship(
        back_populates="entity", cascade="all, delete-orphan"
    )

    __table_args__ = (Index("ix_entities_type_name", "type", "name"),)


class EntityAlias(Base):
    __tablename__ = "entity_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    normalized: Mapped[str] = mapped_column(Text, index=True)  # script-folded match key
    language: Mapped[str | None] = mapped_column(String(16))

    entity: Mapped[Entity] = relationship(back_populates="aliases")

    __table_args__ = (UniqueConstraint("entity_id", "alias", name="entity_alias"),)


class Mention(RegionMixin, Base):
    """An entity named on a page: a region, a quoted span, or both."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page_number: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16), default="manual")  # manual|suggested
    status: Mapped[str] = mapped_column(String(16), default="accepted")
    author: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)

    __table_args__ = (
        Index("ix_mentions_doc_page", "document_id", "page_number"),
        Index("ix_mentions_entity", "entity_id"),
    )


class Suggestion(RegionMixin, Base):
    """Something the application found (a date, an amount, a reference number, a
    known entity, a document field) that counts for nothing until accepted."""

    __tablename__ = "suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # entity|date|amount|reference|field
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page_number: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    normalized: Mapped[str | None] = mapped_column(Text)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    field: Mapped[str | None] = mapped_column(String(32))
    quote: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|accepted|rejected
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)
    note: Mapped[str | None] = mapped_column(Text)  # why it was read so ("own reference (label “Исх.”)")
    confidence: Mapped[float | None] = mapped_column(Float)  # 0–1; competing readings are below 0.6

    __table_args__ = (Index("ix_suggestions_doc_status", "document_id", "status"),)


class DocumentLink(RegionMixin, Base):
    """document → document (cites, replies_to, pays_for, ships_under, …) with evidence."""

    __tablename__ = "document_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    kind: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page_number: Mapped[int | None] = mapped_column(Integer)  # evidence on the source
    quote: Mapped[str | None] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(16), default="manual")
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)

    __table_args__ = (
        UniqueConstraint("kind", "source_id", "target_id", "page_number", name="link_identity"),
    )


class EntityLink(Base):
    """entity → entity (supplies, pays, signs_for, …) with its evidence mentions."""

    __tablename__ = "entity_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    kind: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    evidence_mention_ids: Mapped[list[Any]] = mapped_column(default=list)
    note: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)


class ReasonCode(Base):
    __tablename__ = "reason_codes"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Redaction(RegionMixin, Base):
    """One rectangle to black out. A text redaction ("every occurrence of X") is
    many rows sharing `group_uid` and `match_text`."""

    __tablename__ = "redactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page_number: Mapped[int] = mapped_column(Integer)
    match_text: Mapped[str | None] = mapped_column(Text)
    group_uid: Mapped[str | None] = mapped_column(String(32), index=True)
    reason: Mapped[str] = mapped_column(ForeignKey("reason_codes.code"))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="proposed")
    author: Mapped[str] = mapped_column(String(128), default="")
    reviewer: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (
        Index("ix_redactions_doc_page", "document_id", "page_number"),
        CheckConstraint("status in ('proposed','approved','rejected')", name="status"),
    )


class Note(RegionMixin, Base):
    """A note on the case (no document), a document, a page or a region."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    page_number: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    internal: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")  # never published

    __table_args__ = (Index("ix_notes_doc_page", "document_id", "page_number"),)


class Provenance(Base):
    """Where a document came from. `source_code` is a code name, never the source's identity."""

    __tablename__ = "provenance"

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    source_code: Mapped[str | None] = mapped_column(String(128))
    received_at: Mapped[str | None] = mapped_column(String(32))
    method: Mapped[str | None] = mapped_column(Text)
    verification_status: Mapped[str] = mapped_column(String(16), default="unverified")
    confidence: Mapped[str | None] = mapped_column(String(16))
    notes: Mapped[str | None] = mapped_column(Text)
    source_identity: Mapped[str | None] = mapped_column(Text)  # internal only, never published
    received_by: Mapped[str | None] = mapped_column(String(128))
    verification_reasoning: Mapped[str | None] = mapped_column(Text)
    # Recorded at import: where the file was, its times (ISO 8601), the version that imported it.
    original_path: Mapped[str | None] = mapped_column(Text)
    file_times: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    app_version: Mapped[str | None] = mapped_column(String(32))


CUSTODY_KINDS = ("received", "copied", "transferred", "verified", "disclosed")


class CustodyEvent(Base):
    __tablename__ = "custody_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True, default=new_uid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)
    actor: Mapped[str] = mapped_column(String(128), default="")
    action: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16), default="received", server_default="received")
    counterpart: Mapped[str | None] = mapped_column(Text)  # to/from whom (transferred, disclosed)


class Job(Base):
    """A long-running job (OCR, export) that can resume after a crash."""

    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending|running|done|failed|cancelled
    params: Mapped[dict[str, Any]] = mapped_column(default=dict)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    message: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=now_utc)


class AuditEntry(Base):
    """Append-only; each row's hash covers its content and the previous row's hash.
    Triggers (created by the migration) refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC, as hashed
    author: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[str | None] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)  # canonical JSON, as hashed
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class HistoryStep(Base):
    """One step of the case's undo history (window and CLI alike); `effects` holds every row
    it wrote, before and after, so undo/redo restore exactly after checking nothing changed."""

    __tablename__ = "history_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))  # ISO 8601 UTC
    author: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))  # the command's audit verb: tag, add_note, …
    name: Mapped[str] = mapped_column(Text)  # what the step is called: "Tag “Garbuz” on document 3, page 1"
    state: Mapped[str] = mapped_column(String(8), default="done", index=True)  # done|undone
    undone_order: Mapped[int | None] = mapped_column(Integer)  # redo takes the highest first
    audit_id: Mapped[int | None] = mapped_column(Integer)  # the audit entry of the change
    effects: Mapped[list[Any]] = mapped_column(default=list)


# The reading's per-page records (what was read from which text), kept in their own module.
from evidence_desk.core.db.reading_models import PageAnalysis, PageCitations  # noqa: E402, F401
