"""A merged bundle is part of the history the log proves: after `import-bundle` (into an
empty case, or into a copy with its own changes, conflicts resolved either way) the
case verifies clean, its undo and redo too, and a merged record changed behind the
application's back afterwards is named like any other."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from evidence_desk.core.bundle.export import BundleOptions, export_bundle
from evidence_desk.core.bundle.import_bundle import import_bundle
from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.documents import update_details
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.notes import add_note
from evidence_desk.core.verify_case import verify_case
from tests.core.bundle.conftest import Bundles, build_annotated_case


def test_a_bundle_merged_into_an_empty_case_replays_clean_with_its_undo_and_redo(bundles: Bundles,
                                                                                tmp_path: Path) -> None:
    with Case.open(tmp_path / "empty", create=True) as target:
        import_bundle(target, bundles.internal)
        report = verify_case(target)
        assert report.ok, report.problems
        assert report.checked["replay"]["records"] > 10
        target.history.undo()
        assert verify_case(target).ok
        target.history.redo()
        assert verify_case(target).ok
    con = sqlite3.connect(tmp_path / "empty" / DB_NAME)
    with con:
        mention = con.execute("SELECT min(id) FROM mentions").fetchone()[0]
        con.execute(f"UPDATE mentions SET entity_id = (SELECT max(id) FROM entities) WHERE id = {mention}")
        con.execute("DELETE FROM redactions")
    con.close()
    with Case.open(tmp_path / "empty") as target:
        found = {(f["table"], f["id"], f["kind"]) for f in verify_case(target).checked["unexplained"]}
    assert ("mentions", mention, "differs") in found
    assert {kind for table, _, kind in found if table == "redactions"} == {"missing"}


def test_two_copies_merged_with_conflicts_resolved_replay_clean(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    build_annotated_case(tmp_path / "base", tmp_path / "src").close()
    shutil.copytree(tmp_path / "base", tmp_path / "mine")
    shutil.copytree(tmp_path / "base", tmp_path / "mine-both")
    shutil.copytree(tmp_path / "base", tmp_path / "theirs")
    with Case.open(tmp_path / "theirs", author="colleague") as theirs:
        update_details(theirs, 1, kind="letter", sender="Ostrovtechexport")
        add_note(theirs, 2, "Paid in two instalments", page=1)
        theirs.apply(tag_edit(theirs, 2, 1, "Zollamt Brest", "place", quote="EUR 1,250,000"))
        export_bundle(theirs, tmp_path / "theirs.zip", BundleOptions(profile="internal"))
    for folder, resolutions in (("mine", (None, "theirs")), ("mine-both", ("both",))):
        with Case.open(tmp_path / folder, author="me") as mine:
            update_details(mine, 1, sender="State Committee for MTC")
            for resolve in resolutions:
                result = import_bundle(mine, tmp_path / "theirs.zip", resolve=resolve)
                assert [c.kind for c in result.conflicts] == ["documents"]
                report = verify_case(mine)
                assert report.ok, (resolve, report.problems)
