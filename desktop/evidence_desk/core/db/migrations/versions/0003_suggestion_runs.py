"""suggestion runs: a text hash per analysed page, a note and a confidence per suggestion

Revision ID: 0003_suggestion_runs
Revises: 0002_provenance
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_suggestion_runs"
down_revision = "0002_provenance"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "page_analysis",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page_number", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_page_analysis_document_id_documents"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("document_id", "page_number", name=op.f("pk_page_analysis")),
    )
    with op.batch_alter_table("suggestions") as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("suggestions") as batch:
        batch.drop_column("confidence")
        batch.drop_column("note")
    op.drop_table("page_analysis")
