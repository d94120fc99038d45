"""search index over the folded page stream

The index built by 0001 tokenized `pages.text` with FTS5's unicode61, which
cannot fold `ß` ("Weissrussland" did not find "Weißrussland") nor look-alike
letters, and it indexed a different text than redaction matched (the words).
From here the index is built over the view `pages_search`: each page's words
joined into one stream and folded by `core.text` (SQL function
`evidence_index_text`, registered on every connection by `core.db.engine`).
The index is rebuilt from the view, and the aliases' match keys are
recomputed in the same fold form (`normalize_name`: й and ё are no longer
read as и and е, look-alike letters are).

Revision ID: 0002_text_fold
Revises: 0003_suggestion_runs
Create Date: 2026-12-01 22:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002_text_fold'
down_revision = '0003_suggestion_runs'
branch_labels = None
depends_on = None

_OLD_TRIGGERS = ("pages_fts_ai", "pages_fts_ad", "pages_fts_au")
_FOLDED = "evidence_index_text({row}.text, {row}.words)"


def _triggers(value: str) -> None:
    """Keep the index in step with `pages`; `value` is the indexed text of a row."""
    op.execute(
        "CREATE TRIGGER pages_fts_ai AFTER INSERT ON pages BEGIN "
        f"INSERT INTO pages_fts(rowid, text) VALUES (new.id, {value.format(row='new')}); END"
    )
    op.execute(
        "CREATE TRIGGER pages_fts_ad AFTER DELETE ON pages BEGIN "
        f"INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, {value.format(row='old')}); END"
    )
    op.execute(
        "CREATE TRIGGER pages_fts_au AFTER UPDATE OF text, words ON pages BEGIN "
        f"INSERT INTO pages_fts(pages_fts, rowid, text) VALUES ('delete', old.id, {value.format(row='old')}); "
        f"INSERT INTO pages_fts(rowid, text) VALUES (new.id, {value.format(row='new')}); END"
    )


def upgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        _renormalize_aliases()
        return  # PostgreSQL's search index: 0006_server_search
    for trigger in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS pages_fts")
    op.execute(f"CREATE VIEW pages_search AS SELECT id, {_FOLDED.format(row='pages')} AS text FROM pages")
    # External content over the view: no stored copy of the folded text, and FTS5's
    # 'rebuild' and 'integrity-check' read the view, so `verify` still compares the
    # index with what it should hold.
    op.execute(
        "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages_search', content_rowid='id', "
        "tokenize=\"unicode61 remove_diacritics 2\", prefix='2 3')"
    )
    _triggers(_FOLDED)
    op.execute("INSERT INTO pages_fts(pages_fts) VALUES('rebuild')")
    # The index's vocabulary: redaction finds the words a string occurs in (inside a
    # longer word too) here, then loads only the pages holding them.
    op.execute("CREATE VIRTUAL TABLE pages_fts_terms USING fts5vocab(pages_fts, 'row')")
    _renormalize_aliases()


def _renormalize_aliases() -> None:
    from evidence_desk.core.entities.names import normalize_name

    conn = op.get_bind()
    for alias_id, alias in conn.execute(sa.text("SELECT id, alias FROM entity_aliases")).all():
        conn.execute(sa.text("UPDATE entity_aliases SET normalized = :n WHERE id = :i"),
                     {"n": normalize_name(alias), "i": alias_id})


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE IF EXISTS pages_fts_terms")
    for trigger in _OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS pages_fts")
    op.execute("DROP VIEW IF EXISTS pages_search")
    op.execute(
        "CREATE VIRTUAL TABLE pages_fts USING fts5(text, content='pages', content_rowid='id', "
        "tokenize=\"unicode61 remove_diacritics 2\", prefix='2 3')"
    )
    _triggers("{row}.text")
    op.execute("INSERT INTO pages_fts(pages_fts) VALUES('rebuild')")
