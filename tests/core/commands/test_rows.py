"""What no command can do through the row writer: create or delete documents, touch pages,
the audit log or the history."""

from __future__ import annotations

import pytest

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import AuditEntry, Document, HistoryStep, Page
from evidence_desk.core.errors import InvalidInputError
from tests.core.commands.conftest import rows_of


class _Raw(Command):
    """A command doing whatever `write` does with the rows (for these tests only)."""

    action = "raw"

    def __init__(self, write) -> None:  # type: ignore[no-untyped-def]
        self.write = write

    def run(self, rows: Rows) -> None:
        self.write(rows)


@pytest.mark.parametrize(("write", "message"), [
    (lambda rows: rows.delete(rows.get(Document, 1)), "documents cannot be deleted"),
    (lambda rows: rows.insert(Document, sha256="ab" * 32, filename="x.pdf", media_type="application/pdf",
                              size_bytes=1, page_count=1), "documents cannot be created"),
    (lambda rows: rows.update(rows.session.get(Page, 1), text="rewritten"), "pages cannot be changed"),
    (lambda rows: rows.delete(rows.session.get(Page, 1)), "pages cannot be deleted"),
    (lambda rows: rows.insert(HistoryStep, at="", author="", action="", name=""), "history_steps cannot"),
    (lambda rows: rows.insert(AuditEntry, at="", author="", action="", target_type="", data="",
                              prev_hash="", hash=""), "audit_log cannot"),
])
def test_documents_pages_audit_and_history_are_out_of_reach(two_docs, write, message):
    before = rows_of(two_docs)
    with pytest.raises(InvalidInputError, match=message):
        two_docs.apply(_Raw(write))
    assert rows_of(two_docs) == before


def test_a_row_still_referred_to_cannot_be_deleted(two_docs):
    from evidence_desk.core.commands.entities import AddEntity
    from evidence_desk.core.db.models import Entity

    add = AddEntity("Zollamt Brest", "organisation")
    two_docs.apply(add)
    with pytest.raises(InvalidInputError, match="still used by alias “Zollamt Brest”"):
        two_docs.apply(_Raw(lambda rows: rows.delete(rows.get(Entity, add.created_id))))


def test_a_command_that_changes_nothing_records_no_step(two_docs):
    from evidence_desk.core.commands.details import SetDetails

    changes = two_docs.apply(SetDetails(1, {"review_status": "new"}))  # already "new"
    assert not changes and not two_docs.history.can_undo
