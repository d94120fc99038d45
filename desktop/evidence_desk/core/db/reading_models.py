"""What the reading last computed per page, and from which text, so that a re-run reads again only
the pages whose text (or the rules) changed. Derived data: never in the history or a bundle.

Import these through `core.db.models` (which imports this module once `Base` exists)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from evidence_desk.core.db.models import Base


class PageAnalysis(Base):
    """The text (and rules) a page's suggestions were last computed from."""

    __tablename__ = "page_analysis"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    page_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))


class PageCitations(Base):
    """The reference numbers a page cites, as the link builder read them from the text hashed in
    `text_hash`: rows of [key, start, end, citing words, x0, y0, x1, y1 or nulls]."""

    __tablename__ = "page_citations"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    page_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    citations: Mapped[list[Any]] = mapped_column(default=list)
