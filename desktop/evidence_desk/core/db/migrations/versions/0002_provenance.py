"""provenance and custody: received by, verification reasoning, the source's identity
(internal only), import facts; custody event kinds; internal notes

Revision ID: 0002_provenance
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_provenance"
down_revision = "0001"
branch_labels = None
depends_on = None

PROVENANCE_COLUMNS = (
    ("source_identity", sa.Text()),  # internal profile only; never in a publication bundle
    ("received_by", sa.String(length=128)),
    ("verification_reasoning", sa.Text()),
    ("original_path", sa.Text()),
    ("file_times", sa.JSON()),
    ("app_version", sa.String(length=32)),
)
# The verification scale of round 1 mapped onto the one investigators use.
RENAMED_STATUSES = (("partly_verified", "corroborated"), ("verified", "authenticated"))


def upgrade() -> None:
    with op.batch_alter_table("provenance") as batch:
        for name, type_ in PROVENANCE_COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))
    with op.batch_alter_table("custody_events") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=16), nullable=False, server_default="received"))
        batch.add_column(sa.Column("counterpart", sa.Text(), nullable=True))
    with op.batch_alter_table("notes") as batch:
        batch.add_column(sa.Column("internal", sa.Boolean(), nullable=False, server_default=sa.false()))
    for old, new in RENAMED_STATUSES:
        op.execute(sa.text("UPDATE provenance SET verification_status = :new WHERE verification_status = :old")
                   .bindparams(old=old, new=new))


def downgrade() -> None:
    for old, new in RENAMED_STATUSES:
        op.execute(sa.text("UPDATE provenance SET verification_status = :old WHERE verification_status = :new")
                   .bindparams(old=old, new=new))
    with op.batch_alter_table("notes") as batch:
        batch.drop_column("internal")
    with op.batch_alter_table("custody_events") as batch:
        batch.drop_column("counterpart")
        batch.drop_column("kind")
    with op.batch_alter_table("provenance") as batch:
        for name, _ in reversed(PROVENANCE_COLUMNS):
            batch.drop_column(name)
