"""undo/redo history in the case

Revision ID: 0004_history
Revises: 0003_text_stems
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004_history'
down_revision = '0003_text_stems'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('history_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('author', sa.String(length=128), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=8), nullable=False),
    sa.Column('undone_order', sa.Integer(), nullable=True),
    sa.Column('audit_id', sa.Integer(), nullable=True),
    sa.Column('effects', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_history_steps'))
    )
    op.create_index(op.f('ix_history_steps_state'), 'history_steps', ['state'])


def downgrade() -> None:
    op.drop_index(op.f('ix_history_steps_state'), table_name='history_steps')
    op.drop_table('history_steps')
