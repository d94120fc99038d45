"""`import-bundle`: an internal bundle round-trips into an empty case field by field,
two separately annotated copies merge with their conflicts listed, and the merge is
one undoable edit."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.bundle.import_bundle import BundleRefusedError, import_bundle
from evidence_desk.core.bundle.records import CaseRecords, read_records
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.commands.entities import AddEntity
from evidence_desk.core.db.models import Document
from evidence_desk.core.documents import update_details
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.notes import add_note
from evidence_desk.core.text import stream
from tests.core.bundle.conftest import Bundles

KINDS = ("documents", "entities", "mentions", "document_links", "entity_links", "redactions", "notes", "custody",
         "reason_codes")


def _strip(value: Any) -> Any:
    """Records without this case's own integer ids (everything else must match)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _comparable(records: CaseRecords) -> dict[str, Any]:
    out = {kind: _strip(getattr(records, kind)) for kind in KINDS}
    key = {"documents": "sha256", "reason_codes": "code"}
    return {kind: sorted(rows, key=lambda r, k=kind: r[key.get(k, "uid")]) for kind, rows in out.items()}


def test_an_internal_bundle_round_trips_into_an_empty_case_field_by_field(bundles: Bundles, tmp_path: Path) -> None:
    with Case.open(bundles.case_dir) as source, Case.open(tmp_path / "empty", create=True) as target:
        result = import_bundle(target, bundles.internal)
        assert result.documents_added == 2 and result.conflicts == []
        before, after = _comparable(read_records(source)), _comparable(read_records(target))
        for kind in KINDS:
            assert len(after[kind]) == len(before[kind]), kind
            for mine, theirs in zip(before[kind], after[kind], strict=True):
                for field, value in mine.items():
                    assert theirs[field] == value, (kind, field)
        assert target.originals.exists(before["documents"][0]["sha256"])


def test_importing_the_same_bundle_twice_changes_nothing_the_second_time(bundles: Bundles, tmp_path: Path) -> None:
    with Case.open(tmp_path / "twice", create=True) as target:
        import_bundle(target, bundles.internal)
        first = _comparable(read_records(target))
        again = import_bundle(target, bundles.internal)
        assert again.documents_added == 0 and again.plan.new == {} and again.conflicts == []
        assert _comparable(read_records(target)) == first


def _dump(case: Case) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit log and the history (which record the undo itself)."""
    import sqlite3

    con = sqlite3.connect(f"file:{case.path / DB_NAME}?mode=ro", uri=True)
    try:
        tables = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'pages_fts%' AND name NOT LIKE 'sqlite_%'")
                  if t not in ("audit_log", "history_steps")]
        out = {t: sorted(map(tuple, con.execute(f"SELECT * FROM {t}")), key=repr) for t in tables if t != "pages"}
        # JSON columns compared as values (a restored row's JSON may be spaced differently)
        out["pages"] = sorted(((*row[:-1], json.loads(row[-1]) if row[-1] else None) for row in con.execute(
            "SELECT " + ", ".join(c for (_, c, *_rest) in con.execute("PRAGMA table_info(pages)") if c != "words")
            + ", words FROM pages")), key=repr)
        out["index"] = sorted(map(tuple, con.execute("SELECT term, col, doc, cnt FROM pages_fts_terms")))
        return out
    finally:
        con.close()


def test_undo_after_a_merge_restores_the_case_exactly_and_redo_merges_again(
        bundles: Bundles, tmp_path: Path) -> None:
    with Case.open(tmp_path / "undo", create=True) as target:
        target.apply(AddEntity("Someone Else", "person"))
        before = _dump(target)
        result = import_bundle(target, bundles.internal)
        merged, merged_records = _dump(target), _comparable(read_records(target))
        assert result.changes.touches("documents", "pages", "mentions")
        assert [a["action"] for a in read_records(target).audit].count("bundle.merge") == 1
        step = target.history.undo_step()
        assert step is not None and step.action == "bundle.merge" and step.name.startswith("Merge bundle")
        target.history.undo()
        assert _dump(target) == before  # documents, pages, their index, records: all as they were
        target.history.redo()
        assert _dump(target) == merged and _comparable(read_records(target)) == merged_records


def test_undo_of_a_merge_is_refused_when_a_merged_record_changed_since(bundles: Bundles, tmp_path: Path) -> None:
    from evidence_desk.core.errors import HistoryConflictError

    with Case.open(tmp_path / "refuse", create=True) as target:
        import_bundle(target, bundles.internal)
        merge = target.history.undo_step()
        assert merge is not None
        add_note(target, 1, "a note on a merged document")
        before = _dump(target)
        with pytest.raises(HistoryConflictError, match="refused"):
            target.history.undo(merge.id)
        assert _dump(target) == before


def test_the_merge_step_keeps_each_page_as_its_place_and_digest_and_undo_checks_it(
        bundles: Bundles, tmp_path: Path) -> None:
    """The history holds no second copy of a merged page's text and words; a page changed
    behind the application's back since (its text rewritten, as OCR would) refuses the
    undo, and the case is left as it was."""
    import sqlite3

    from evidence_desk.core.db.models import HistoryStep
    from evidence_desk.core.errors import HistoryConflictError
    from evidence_desk.core.text.index import register_functions

    with Case.open(tmp_path / "compact", create=True) as target:
        import_bundle(target, bundles.internal)
        with target.read() as s:
            step = s.query(HistoryStep).one()
            pages = [e for e in step.effects if e["table"] == "pages"]
        assert pages and all(set(e["after"]) == {"id", "document_id", "number"} and len(e["digest"]) == 64
                             for e in pages)
        assert all(e.get("digest") is None for e in step.effects if e["table"] != "pages")
    con = sqlite3.connect(tmp_path / "compact" / DB_NAME)
    register_functions(con)  # the index triggers call them
    with con:
        page = con.execute("SELECT min(id) FROM pages").fetchone()[0]
        con.execute(f"UPDATE pages SET text = text || ' rewritten' WHERE id = {page}")
    con.close()
    with Case.open(tmp_path / "compact") as target:
        before = _dump(target)
        with pytest.raises(HistoryConflictError, match=rf"page {page} .*was changed since.*refused"):
            target.history.undo()
        assert _dump(target) == before


def _copy_case(src: Path, dst: Path) -> Path:
    """A colleague's copy of the case (the folder as a whole, as the design allows)."""
    shutil.copytree(src, dst)
    for extra in ("case.sqlite-wal", "case.sqlite-shm"):
        (dst / extra).unlink(missing_ok=True)
    return dst


def test_two_copies_annotated_separately_merge_with_their_conflicts_listed(tmp_path: Path) -> None:
    from tests.core.bundle.conftest import build_annotated_case

    (tmp_path / "src").mkdir()
    build_annotated_case(tmp_path / "base", tmp_path / "src").close()
    mine_dir = _copy_case(tmp_path / "base", tmp_path / "mine")
    theirs_dir = _copy_case(tmp_path / "base", tmp_path / "theirs")
    with Case.open(theirs_dir, author="colleague") as theirs:
        update_details(theirs, 1, kind="letter", sender="Ostrovtechexport")  # both change the sender
        update_details(theirs, 2, reference="INV-2021-0457")  # only they change this
        add_note(theirs, 2, "Paid in two instalments", page=1)
        theirs.apply(tag_edit(theirs, 2, 1, "Zollamt Brest", "place", quote="EUR 1,250,000"))
        export_bundle(theirs, tmp_path / "theirs.zip", BundleOptions(profile="internal"))
    with Case.open(mine_dir, author="me") as mine:
        update_details(mine, 1, sender="State Committee for MTC")
        update_details(mine, 2, title="Invoice 0457 (my title)")  # only I change this
        result = import_bundle(mine, tmp_path / "theirs.zip")
        conflicts = {(c.kind, tuple(c.fields)) for c in result.conflicts}
        assert conflicts == {("documents", ("sender",))}  # both changed the sender; only they the kind
        records = read_records(mine)
        by_sha = {d["id"]: d for d in records.documents}
        assert by_sha[1]["sender"] == "State Committee for MTC"  # the conflict changed nothing
        assert by_sha[1]["kind"] == "letter"  # a field only they changed is taken
        assert by_sha[2]["reference"] == "INV-2021-0457"  # only they changed it: taken
        assert by_sha[2]["title"] == "Invoice 0457 (my title)"  # only I changed it: kept
        assert any(n["text"] == "Paid in two instalments" for n in records.notes)
        assert any(e["name"] == "Zollamt Brest" for e in records.entities)
        # Resolving with theirs adopts their version of the conflicting document.
        again = import_bundle(mine, tmp_path / "theirs.zip", resolve="theirs")
        assert [c.kind for c in again.conflicts] == ["documents"]
        doc1 = next(d for d in read_records(mine).documents if d["id"] == 1)
        assert (doc1["sender"], doc1["kind"]) == ("Ostrovtechexport", "letter")
        doc2 = next(d for d in read_records(mine).documents if d["id"] == 2)
        assert doc2["title"] == "Invoice 0457 (my title)"


def test_a_publication_bundle_is_refused_saying_why_and_what_to_ask_for(bundles: Bundles, tmp_path: Path) -> None:
    with Case.open(tmp_path / "pub", create=True) as target:
        with pytest.raises(BundleRefusedError) as refused:
            import_bundle(target, bundles.publication)
        message = str(refused.value)
        assert "publication bundle" in message and "sanitised copies" in message and "Nothing was imported" in message
        assert "internal bundle (export --profile internal)" in message and "verify" in message
        with target.read() as s:
            assert s.query(Document).count() == 0


def test_the_merged_pages_index_is_the_one_the_case_would_compute_and_nothing_is_left_held(
        bundles: Bundles, tmp_path: Path) -> None:
    """The merge computes its pages' index columns while the sandbox parses the next
    original; the index it writes is the one rebuilt from the pages afterwards."""
    with Case.open(tmp_path / "index", create=True) as target:
        import_bundle(target, bundles.internal)
        merged = _dump(target)["index"]
        assert merged and stream._warm == {}
        with target.write() as s:
            s.execute(text("INSERT INTO pages_fts(pages_fts) VALUES ('rebuild')"))
        assert _dump(target)["index"] == merged
