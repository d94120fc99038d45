"""word stems in the search index

Adds a `stems` column to the search index (`core.text.stems`: Russian, English
and German Snowball stems of every page word, SQL function
`evidence_index_stems`), so a search for "Гарбуз" finds "Гарбузу"; redaction
marks the same words. The index is rebuilt from the view.

Revision ID: 0003_text_stems
Revises: 0002_text_fold
Create Date: 2026-12-01 23:30:00
"""
from __future__ import annotations

from alembic import op

revision = '0003_text_stems'
down_revision = '0002_text_fold'
branch_labels = None
depends_on = None

_TRIGGERS = ("pages_fts_ai", "pages_fts_ad", "pages_fts_au")


def _drop() -> None:
    op.execute("DROP TABLE IF EXISTS pages_fts_terms")
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS pages_fts")
    op.execute("DROP VIEW IF EXISTS pages_search")


def _create(columns: dict[str, str]) -> None:
    """The view, the index over it, the triggers keeping it in step, its vocabulary."""
    names = ", ".join(columns)
    op.execute("CREATE VIEW pages_search AS SELECT id, "
               + ", ".join(f"{fn.format(row='pages')} AS {col}" for col, fn in columns.items())
               + " FROM pages")
    op.execute(
        f"CREATE VIRTUAL TABLE pages_fts USING fts5({names}, content='pages_search', content_rowid='id', "
        "tokenize=\"unicode61 remove_diacritics 2\", prefix='2 3')"
    )

    def values(row: str) -> str:
        return ", ".join(fn.format(row=row) for fn in columns.values())

    op.execute(
        "CREATE TRIGGER pages_fts_ai AFTER INSERT ON pages BEGIN "
        f"INSERT INTO pages_fts(rowid, {names}) VALUES (new.id, {values('new')}); END"
    )
    op.execute(
        "CREATE TRIGGER pages_fts_ad AFTER DELETE ON pages BEGIN "
        f"INSERT INTO pages_fts(pages_fts, rowid, {names}) VALUES ('delete', old.id, {values('old')}); END"
    )
    op.execute(
        "CREATE TRIGGER pages_fts_au AFTER UPDATE OF text, words ON pages BEGIN "
        f"INSERT INTO pages_fts(pages_fts, rowid, {names}) VALUES ('delete', old.id, {values('old')}); "
        f"INSERT INTO pages_fts(rowid, {names}) VALUES (new.id, {values('new')}); END"
    )
    op.execute("INSERT INTO pages_fts(pages_fts) VALUES('rebuild')")
    op.execute("CREATE VIRTUAL TABLE pages_fts_terms USING fts5vocab(pages_fts, 'col')")


FOLDED = "evidence_index_text({row}.text, {row}.words)"
STEMS = "evidence_index_stems({row}.text, {row}.words)"


def upgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return  # PostgreSQL's search index: 0006_server_search
    _drop()
    _create({"text": FOLDED, "stems": STEMS})


def downgrade() -> None:
    if op.get_context().dialect.name != "sqlite":
        return
    _drop()
    _create({"text": FOLDED})
    op.execute("DROP TABLE IF EXISTS pages_fts_terms")
    op.execute("CREATE VIRTUAL TABLE pages_fts_terms USING fts5vocab(pages_fts, 'row')")
