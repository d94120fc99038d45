"""The search index and the audit guard of a case on PostgreSQL (nothing on SQLite).

SQLite keeps its FTS5 index in step with triggers that call the fold in Python
(0002_text_fold, 0003_text_stems). A PostgreSQL server cannot call into the
application, so here a trigger only marks a page whose text changed
(`page_index_dirty`), and the writer re-indexes the marked pages with the same
fold before its transaction commits (`core.text.server_index`): one fold, both
databases. `page_index.tsv` holds the folded tokens (weight A, with positions
for phrases) and their stems (weight B); `page_index.tokens` the folded tokens
joined by spaces, under a trigram index, for the substring rule redaction
matching uses.

Revision ID: 0006_server_search
Revises: 0005_page_citations
"""

from __future__ import annotations

from alembic import op

revision = "0006_server_search"
down_revision = "0005_page_citations"
branch_labels = None
depends_on = None

_UP = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE TABLE page_index (page_id integer PRIMARY KEY REFERENCES pages(id) ON DELETE CASCADE, "
    "tokens text NOT NULL, tsv tsvector NOT NULL)",
    "CREATE INDEX ix_page_index_tsv ON page_index USING gin (tsv)",
    "CREATE INDEX ix_page_index_tokens ON page_index USING gin (tokens gin_trgm_ops)",
    "CREATE TABLE page_index_dirty (page_id integer PRIMARY KEY)",
    "CREATE FUNCTION evidence_mark_page_dirty() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "INSERT INTO page_index_dirty(page_id) VALUES (NEW.id) ON CONFLICT DO NOTHING; RETURN NULL; END $$",
    "CREATE TRIGGER pages_index_dirty AFTER INSERT OR UPDATE OF text, words ON pages "
    "FOR EACH ROW EXECUTE FUNCTION evidence_mark_page_dirty()",
    # The audit log is append-only at the database level, as on SQLite.
    "CREATE FUNCTION evidence_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "RAISE EXCEPTION 'the audit log is append-only'; END $$",
    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
    "FOR EACH ROW EXECUTE FUNCTION evidence_audit_append_only()",
    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
    "FOR EACH STATEMENT EXECUTE FUNCTION evidence_audit_append_only()",
    "INSERT INTO page_index_dirty(page_id) SELECT id FROM pages",
)
_DOWN = (
    "DROP TRIGGER IF EXISTS audit_log_no_truncate ON audit_log",
    "DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
    "DROP FUNCTION IF EXISTS evidence_audit_append_only()",
    "DROP TRIGGER IF EXISTS pages_index_dirty ON pages",
    "DROP FUNCTION IF EXISTS evidence_mark_page_dirty()",
    "DROP TABLE IF EXISTS page_index_dirty",
    "DROP TABLE IF EXISTS page_index",
)


def upgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for statement in _UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        return
    for statement in _DOWN:
        op.execute(statement)
