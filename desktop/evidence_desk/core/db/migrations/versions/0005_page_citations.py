"""page citations: the numbers each page cites, kept with the hash of the text they were read from

The link builder reads again only pages whose text (or the reading rules) changed; a change
of a document's own reference re-joins the kept citations without reading any page.

Revision ID: 0005_page_citations
Revises: 0004_history
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_page_citations"
down_revision = "0004_history"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_citations",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page_number", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("citations", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"],
                                name=op.f("fk_page_citations_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "page_number", name=op.f("pk_page_citations")),
    )


def downgrade() -> None:
    op.drop_table("page_citations")
