"""What others changed since audit entry N, on both databases: a colleague's (or the command
line's) tags, notes, redactions, status changes and undos come back from the log as the
same `Changes` a command returns (kinds of rows, documents, pages) with their authors;
the reader's own changes never do."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.commands.entities import RenameEntity
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.tagging import SetMentionStatus
from evidence_desk.core.db.copy_case import copy_case
from evidence_desk.core.entities.registry import tag_edit
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries import team_changes
from evidence_desk.core.queries.annotations import document_mentions
from evidence_desk.core.queries.team_changes import AuditFeed, audit_head, changes_since
from tests import pg
from tests.core.pdfs import write_text_pdf

REPO = Path(__file__).resolve().parents[3]
LETTER = ["Hans Müller schrieb nach Minsk über die Lieferung.",
          "Vertrag Nr. 2021-0457 mit Anton Petrov, Radarstationen."]

# Another investigator at the command line: one process, several commands (each its own
# transaction and audit entry), as `evidence-desk --author WHO …` would run them.
COLLEAGUE = """
import sys
from evidence_desk.cli.main import main
folder, doc = sys.argv[1], sys.argv[2]
runs = [
    ["--author", "alice", "tag", doc, "--page", "1", "--text", "Hans Müller", "--entity", "Hans Müller",
     "--type", "person"],
    ["--author", "alice", "note", doc, "--page", "2", "check the contract number"],
    ["--author", "bob", "redact", doc, "--page", "2", "--text", "Anton Petrov", "--reason", "personal"],
]
for argv in runs:
    code = main(["--case", folder, *argv])
    if code:
        sys.exit(f"{argv} exited with {code}")
"""


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("team")
    letter = write_text_pdf(root / "letter.pdf", LETTER)
    with Case.open(root / "case", create=True, author="tester") as case:
        [doc] = import_paths(case, [letter], ImportOptions(ocr="never", workers=1)).imported
    return root / "case", doc.document_id


@pytest.fixture(params=["sqlite", "postgresql"])
def team_case(request: pytest.FixtureRequest, template: tuple[Path, int], tmp_path: Path) -> Iterator[tuple[Case, int]]:
    """The imported case on either database (the server's a `case copy` of the SQLite one)."""
    source, doc = template
    if request.param == "sqlite":
        folder = tmp_path / "case"
        shutil.copytree(source, folder)
    else:
        with Case.open(source) as lite:
            report = copy_case(lite, pg.empty_database(), folder=tmp_path / "shared")
        assert report.ok, report.problems
        folder = report.folder
    case = Case.open(folder, author="tester")
    yield case, doc
    case.close()


def _colleagues(case: Case, doc: int) -> None:
    env = {**os.environ, "PYTHONPATH": f"{REPO}:{REPO / 'desktop'}"}
    done = subprocess.run([sys.executable, "-c", COLLEAGUE, str(case.path), str(doc)], capture_output=True,
                          text=True, timeout=240, env=env)
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.slow  # a real second process: Python's start-up and the CLI's imports take seconds
def test_another_process_s_tags_notes_and_redactions_come_back_with_their_pages_and_authors(team_case):
    case, doc = team_case
    feed = AuditFeed(case)
    case.apply(AddNote(doc, "my own note", page=1))
    assert feed.poll() is None  # one's own change is no news

    _colleagues(case, doc)
    news = feed.poll()
    assert news is not None and not news.truncated
    assert [(e.author, e.action) for e in news.entries] == [("alice", "tag"), ("alice", "add_note"),
                                                             ("bob", "mark_redaction")]
    assert news.authors == ("alice", "bob")
    tag, note, redaction = (e.changes for e in news.entries)
    assert tag.kinds == {"entities", "mentions"} and tag.pages == {(doc, 1)}
    assert note.kinds == {"notes"} and note.pages == {(doc, 2)}
    assert "redactions" in redaction.kinds and redaction.pages == {(doc, 2)}
    assert news.changes.documents == {doc} and news.changes.pages == {(doc, 1), (doc, 2)}
    assert news.changes.touches_document(doc, "notes") and not news.changes.touches_document(doc + 1, "notes")
    assert news.head == audit_head(case)
    assert feed.poll() is None  # read once


def test_an_update_and_its_undo_name_the_row_s_page_though_the_log_lists_only_changed_columns(case, tmp_path):
    letter = write_text_pdf(tmp_path / "letter.pdf", LETTER)
    [doc] = import_paths(case, [letter], ImportOptions(ocr="never", workers=1)).imported
    d = doc.document_id
    case.apply(tag_edit(case, d, 2, "Anton Petrov", "person", rect=Rect(56, 56, 200, 70)))
    [mention] = document_mentions(case, d)
    feed = AuditFeed(case)
    with Case.open(case.path, author="bob") as bob:
        bob.apply(SetMentionStatus([mention.id], "rejected"))
        bob.history.undo()
    news = feed.poll()
    assert news is not None
    status, undo = news.entries
    assert (status.author, status.action, undo.action) == ("bob", "set_mention_status", "undo")
    assert undo.name == f"Reject tag “Anton Petrov” on document {d}, page 2"
    for entry in (status, undo):  # the logged update holds only `status`: the page is read from the row
        assert entry.changes.kinds == {"mentions"} and entry.changes.pages == {(d, 2)}


def test_a_renamed_entity_touches_every_document_its_mentions_may_show_on(case, tmp_path):
    letter = write_text_pdf(tmp_path / "letter.pdf", LETTER)
    [doc] = import_paths(case, [letter], ImportOptions(ocr="never", workers=1)).imported
    d = doc.document_id
    case.apply(tag_edit(case, d, 1, "Hans Müller", "person", quote="Hans Müller"))
    feed = AuditFeed(case)
    with Case.open(case.path, author="bob") as bob:
        bob.apply(AddNote(d, "on page 2", page=2))
        entity = document_mentions(bob, d)[0].entity_id
        bob.apply(RenameEntity(entity, "H. Müller"))
    news = feed.poll()
    assert news is not None
    assert news.changes.kinds == {"notes", "entities"}
    assert news.changes.documents == set()  # a name shows wherever the entity is tagged
    assert news.changes.touches_document(d + 7, "entities")


def test_more_entries_than_a_batch_refresh_everything_and_still_name_their_authors(case, monkeypatch):
    monkeypatch.setattr(team_changes, "BATCH_LIMIT", 2)
    start = audit_head(case)
    with Case.open(case.path, author="carol") as carol:
        for i in range(3):
            carol.apply(AddNote(None, f"case note {i}"))
    news = changes_since(case, start)
    assert news.truncated and news.entries == ()
    assert news.authors == ("carol",) and news.changes.touches("documents", "notes", "redactions")
    assert changes_since(case, news.head).entries == ()
