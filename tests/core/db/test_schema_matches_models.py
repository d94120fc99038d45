"""The schema the migrations build is the one the models describe (Alembic's own comparison)."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Base

FTS_TABLES = ("pages_fts",)


def test_a_migrated_case_has_exactly_the_models_tables_and_columns(tmp_path: Path) -> None:
    with Case.open(tmp_path / "case", create=True) as case, case._write_engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diffs = [d for d in compare_metadata(context, Base.metadata)
                 if not any(t in repr(d) for t in FTS_TABLES)]
    assert diffs == []
