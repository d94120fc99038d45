"""Every change is an Edit: applied in one transaction with its audit entry, returning
an inverse that restores the previous state exactly — and undo is audited too."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import select

from evidence_desk.core import audit
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import AuditEntry, Document, Note
from evidence_desk.core.edits import Batch, CreateRecord, DeleteRecord, UpdateRecord, snapshot
from evidence_desk.core.errors import NotFoundError


def _doc(case: Case) -> int:
    edit = CreateRecord("documents", {"sha256": "ab" * 32, "filename": "nota.pdf",
                                      "media_type": "application/pdf", "size_bytes": 10, "page_count": 2})
    case.apply(edit)
    assert isinstance(edit.created_id, int)
    return edit.created_id


def _audit(case: Case) -> list[AuditEntry]:
    with case.read() as s:
        return list(s.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())


def _row(case: Case, model: type, pk: int) -> dict[str, Any] | None:
    with case.read() as s:
        obj = s.get(model, pk)
        return None if obj is None else snapshot(obj)


def test_create_inserts_the_record_and_audits_its_values(case: Case) -> None:
    doc = _doc(case)
    edit = CreateRecord("notes", {"document_id": doc, "text": "Подпись отличается", "author": "ana"},
                        label="note.add")
    inverse = case.apply(edit)
    entry = _audit(case)[-1]
    assert (entry.action, entry.target_type, entry.target_id) == ("note.add", "notes", str(edit.created_id))
    assert json.loads(entry.data)["after"]["text"] == "Подпись отличается"
    assert isinstance(inverse, DeleteRecord) and inverse.pk == edit.created_id


def test_undoing_a_create_removes_the_record_and_is_audited(case: Case) -> None:
    doc = _doc(case)
    edit = CreateRecord("notes", {"document_id": doc, "text": "temp", "author": "ana"}, label="note.add")
    inverse = case.apply(edit)
    case.apply(inverse)
    assert _row(case, Note, edit.created_id) is None  # type: ignore[arg-type]
    assert _audit(case)[-1].action == "undo note.add"


def test_update_changes_only_the_given_fields_and_its_inverse_restores_them(case: Case) -> None:
    doc = _doc(case)
    before = _row(case, Document, doc)
    inverse = case.apply(UpdateRecord("documents", doc, {"kind": "invoice", "reference": "INV-7"}))
    after = _row(case, Document, doc)
    assert after is not None and (after["kind"], after["reference"]) == ("invoice", "INV-7")
    assert {k: v for k, v in after.items() if k not in ("kind", "reference")} == {
        k: v for k, v in before.items() if k not in ("kind", "reference")}  # type: ignore[union-attr]
    data = json.loads(_audit(case)[-1].data)
    assert data["before"] == {"kind": None, "reference": None}
    assert data["after"] == {"kind": "invoice", "reference": "INV-7"}
    case.apply(inverse)
    assert _row(case, Document, doc) == before


def test_delete_then_undo_restores_the_record_exactly_with_its_id(case: Case) -> None:
    doc = _doc(case)
    note = CreateRecord("notes", {"document_id": doc, "page_number": 2, "text": "x", "author": "a",
                                  "x0": 1.5, "y0": 2.0, "x1": 30.25, "y1": 40.0})
    case.apply(note)
    before = _row(case, Note, note.created_id)  # type: ignore[arg-type]
    inverse = case.apply(DeleteRecord("notes", note.created_id))
    assert _row(case, Note, note.created_id) is None  # type: ignore[arg-type]
    assert json.loads(_audit(case)[-1].data)["before"] == before
    case.apply(inverse)
    assert _row(case, Note, note.created_id) == before  # type: ignore[arg-type]  # same id, uid, times


def test_a_batch_is_one_transaction_one_audit_entry_and_one_undo_step(case: Case) -> None:
    doc = _doc(case)
    entries_before = len(_audit(case))
    batch = Batch([
        CreateRecord("notes", {"document_id": doc, "text": "one", "author": "a"}),
        CreateRecord("notes", {"document_id": doc, "text": "two", "author": "a"}),
        UpdateRecord("documents", doc, {"review_status": "flagged"}),
    ], label="review.flag", target_hint=("documents", doc))
    inverse = case.apply(batch)
    log = _audit(case)
    assert len(log) == entries_before + 1
    assert (log[-1].action, log[-1].target_id) == ("review.flag", str(doc))
    assert [step["label"] for step in json.loads(log[-1].data)["steps"]] == ["create", "create", "update"]
    with case.read() as s:
        assert sorted(n.text for n in s.execute(select(Note)).scalars()) == ["one", "two"]
    case.apply(inverse)
    with case.read() as s:
        assert s.execute(select(Note)).scalars().all() == []
        assert s.get(Document, doc).review_status == "new"  # type: ignore[union-attr]
    assert len(_audit(case)) == entries_before + 2


def test_a_failing_step_rolls_back_the_whole_batch_and_writes_no_audit_entry(case: Case) -> None:
    doc = _doc(case)
    entries_before = len(_audit(case))
    batch = Batch([CreateRecord("notes", {"document_id": doc, "text": "kept?", "author": "a"}),
                   UpdateRecord("documents", 999, {"kind": "letter"})])
    with pytest.raises(NotFoundError, match="documents 999 does not exist"):
        case.apply(batch)
    with case.read() as s:
        assert s.execute(select(Note)).scalars().all() == []
    assert len(_audit(case)) == entries_before


def test_deleting_a_missing_record_is_a_clear_error(case: Case) -> None:
    with pytest.raises(NotFoundError, match="notes 42 does not exist"):
        case.apply(DeleteRecord("notes", 42))


def test_undo_of_undo_is_redo_and_the_chain_stays_valid(case: Case) -> None:
    doc = _doc(case)
    undo = case.apply(UpdateRecord("documents", doc, {"sender": "Госкомвоенпром"}))
    redo = case.apply(undo)
    case.apply(redo)
    with case.read() as s:
        assert s.get(Document, doc).sender == "Госкомвоенпром"  # type: ignore[union-attr]
        assert audit.verify_chain(s).ok
    assert [e.action for e in _audit(case)[-3:]] == ["update", "undo update", "undo undo update"]
