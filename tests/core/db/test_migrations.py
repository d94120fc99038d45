"""Schema migrations run when a case opens: old data survives, a backup comes first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from evidence_desk.core import audit
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.db import migrate
from evidence_desk.core.db.models import Document, Note, Page
from evidence_desk.core.search import search

DATA = Path(__file__).resolve().parents[2] / "data"
FROZEN_0001 = DATA / "case_0001.sqlite"


def _case_from_frozen(tmp_path: Path) -> Path:
    folder = tmp_path / "old-case"
    folder.mkdir()
    shutil.copyfile(FROZEN_0001, folder / DB_NAME)
    return folder


def _revision(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_frozen_0001_case_opens_at_head_with_every_record_intact(tmp_path: Path) -> None:
    folder = _case_from_frozen(tmp_path)
    with Case.open(folder) as case:
        with case.read() as s:
            doc = s.execute(select(Document)).scalar_one()
            pages = s.execute(select(Page).order_by(Page.number)).scalars().all()
            note = s.execute(select(Note)).scalar_one()
            chain = audit.verify_chain(s)
            assert s.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
        assert (doc.filename, doc.kind, doc.reference, doc.page_count) == (
            "nota-114.pdf", "diplomatic_note", "114/ВТС", 3)
        assert [p.number for p in pages] == [1, 2, 3]
        assert pages[0].words[0][4] == "Министерство"
        assert (note.page_number, note.text) == (2, "Сумма совпадает с письмом 7")
        # its three entries, and the baseline the replay of an older case starts from
        assert chain.ok and chain.entries == 4
        # 0002 rebuilt the index over the pages' word boxes, folded (the frozen file's
        # boxes hold the first three words of each page): it answers, ß included.
        assert [h.page for h in search(case, "AUSFUHRGENEHMIGUNG OR ausfuhrgenehmigung")] == [3]
        assert [h.page for h in search(case, "нота")] == [1]
        assert [h.page for h in search(case, "Ausfuhrgenehmigung Nr")] == [3]
    assert _revision(folder / DB_NAME) == migrate.head_revision()


def test_a_case_built_at_0001_with_alembic_survives_the_upgrade_to_head(tmp_path: Path) -> None:
    db = tmp_path / "case" / DB_NAME
    db.parent.mkdir()
    engine = create_engine(f"sqlite:///{db}")
    command.upgrade(migrate.alembic_config(engine), "0001")
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO case_meta(key, value) VALUES ('case_uid', 'u1')")
    con.execute(
        "INSERT INTO documents(uid, sha256, filename, media_type, size_bytes, page_count, review_status, "
        "imported_at, imported_by, warnings, source_metadata) VALUES ('d1', ?, 'a.pdf', "
        "'application/pdf', 10, 1, 'new', '2024-01-01 00:00:00', 'me', '[]', '{}')", ("ab" * 32,))
    con.execute("INSERT INTO pages(document_id, number, width, height, rotation, text, text_source, "
                "needs_ocr, has_images, words) VALUES (1, 1, 612, 792, 0, 'Zollamt Brest', 'embedded', 0, 0, '[]')")
    con.commit()
    con.close()

    with Case.open(db.parent) as case:
        assert case.meta("case_uid") == "u1"
        assert [h.doc for h in search(case, "zollamt")] == [1]
    assert _revision(db) == migrate.head_revision()


@pytest.fixture
def migrations_with_a_0002(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A copy of the real migrations plus one more revision on top of today's head,
    so the upgrade path (and its backup) runs for real even while 0001 is the head."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = migrate.head_revision()
    (scripts / "versions" / "9001_test_column.py").write_text(
        f'revision = "9001"\ndown_revision = "{head}"\nbranch_labels = None\ndepends_on = None\n\n'
        "import sqlalchemy as sa\nfrom alembic import op\n\n\n"
        "def upgrade() -> None:\n"
        "    with op.batch_alter_table('case_meta') as batch:\n"
        "        batch.add_column(sa.Column('added_in_9001', sa.Text(), nullable=True))\n\n\n"
        "def downgrade() -> None:\n"
        "    with op.batch_alter_table('case_meta') as batch:\n"
        "        batch.drop_column('added_in_9001')\n"
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", scripts)
    return head


@pytest.mark.sqlite_only
def test_upgrading_an_older_case_backs_up_the_database_first(
    case_dir: Path, monkeypatch: pytest.MonkeyPatch, migrations_with_a_0002: str
) -> None:
    real_head = migrations_with_a_0002
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", migrate.MIGRATIONS_DIR)  # keep the patched dir
    with monkeypatch.context() as m:
        m.setattr(migrate, "MIGRATIONS_DIR", Path(migrate.__file__).with_name("migrations"))
        Case.open(case_dir, create=True).close()  # a case at today's real head
    with Case.open(case_dir) as case:
        backup = case.backup_path
        with case.read() as s:
            cols = [r[1] for r in s.execute(text("PRAGMA table_info(case_meta)"))]
    assert "added_in_9001" in cols
    assert backup is not None and backup.is_file()
    assert backup.name.startswith(f"{DB_NAME}.backup-{real_head}-")
    assert _revision(backup) == real_head
    con = sqlite3.connect(backup)
    assert con.execute("SELECT count(*) FROM audit_log").fetchone()[0] == 1
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert _revision(case_dir / DB_NAME) == "9001"


def test_there_is_exactly_one_migration_head() -> None:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert len(heads) == 1


def test_the_frozen_0001_fixture_is_what_its_script_generates(tmp_path: Path) -> None:
    """Guards against someone hand-editing the frozen file: regenerating it gives the same rows."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_case_0001", DATA / "make_case_0001.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.build(tmp_path / "fresh.sqlite")

    def dump(path: Path) -> list[tuple[object, ...]]:
        con = sqlite3.connect(path)
        try:
            rows = []
            for table in ("documents", "pages", "notes", "audit_log", "case_meta", "alembic_version"):
                rows += [(table, *r) for r in con.execute(f"SELECT * FROM {table} ORDER BY 1")]
            return rows
        finally:
            con.close()

    assert dump(fresh) == dump(FROZEN_0001)


def test_the_fast_head_scan_agrees_with_alembic() -> None:
    """Opening an up-to-date case decides "nothing to do" without importing Alembic;
    that shortcut must name the same head as Alembic itself."""
    assert migrate.scanned_head() == migrate.head_revision()


def test_the_frozen_0001_case_gains_an_empty_history_that_records_and_undoes_edits(tmp_path: Path) -> None:
    from evidence_desk.core.commands.notes import AddNote

    folder = _case_from_frozen(tmp_path)
    with Case.open(folder, author="tester") as case:
        assert case.backup_path is not None and _revision(case.backup_path) == "0001"
        assert case.history.steps() == [] and not case.history.can_undo
        case.apply(AddNote(1, "after the upgrade", page=1))
        assert case.history.undo_name == "Note “after the upgrade” on document 1, page 1"
    with Case.open(folder) as again:  # the step is in the case, not in memory
        again.history.undo()
        with again.read() as s:
            assert [n.text for n in s.execute(select(Note)).scalars()] == ["Сумма совпадает с письмом 7"]
            assert audit.verify_chain(s).ok
