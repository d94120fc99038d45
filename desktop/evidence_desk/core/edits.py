"""Edits as data: every change to a case is an `Edit` that applies itself and
returns its exact inverse (the Orange3 pattern).

`Case.apply(edit)` runs an edit in one write transaction and records it in the
audit log with its before/after values; undo is applying the inverse, which is
audited like any change. The CLI calls `Case.apply` directly; the GUI wraps the
same edits in a `QUndoStack`.

Three primitives (create, update, delete a record) and a batch cover every edit;
services build named edits from them (`add_note`, `merge_entities`, …)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from evidence_desk.core.commands.rows import _from_plain, _plain
from evidence_desk.core.commands.rows import model_of as _model
from evidence_desk.core.db.models import Base
from evidence_desk.core.errors import NotFoundError


def snapshot(obj: Base) -> dict[str, Any]:
    mapper = inspect(type(obj))
    return {c.key: _plain(getattr(obj, c.key)) for c in mapper.column_attrs}


class Edit:
    """Base class. `apply` changes the session and returns the inverse edit."""

    label: str = "edit"

    def apply(self, session: Session) -> Edit:  # pragma: no cover - abstract
        raise NotImplementedError

    def describe(self) -> dict[str, Any]:  # what goes into the audit log
        raise NotImplementedError

    @property
    def target(self) -> tuple[str, object | None]:
        return ("case", None)


@dataclass
class CreateRecord(Edit):
    table: str
    values: dict[str, Any]
    label: str = "create"
    created_id: object | None = field(default=None, init=False)

    def apply(self, session: Session) -> Edit:
        model = _model(self.table)
        obj = model(**_from_plain(model, self.values))
        session.add(obj)
        session.flush()
        pk = inspect(obj).identity[0]  # type: ignore[index]
        self.created_id = pk
        self.values = snapshot(obj)
        return DeleteRecord(self.table, pk, label=f"undo {self.label}")

    def describe(self) -> dict[str, Any]:
        return {"table": self.table, "after": self.values}

    @property
    def target(self) -> tuple[str, object | None]:
        return (self.table, self.created_id)


@dataclass
class DeleteRecord(Edit):
    table: str
    pk: object
    label: str = "delete"
    before: dict[str, Any] | None = field(default=None, init=False)

    def apply(self, session: Session) -> Edit:
        model = _model(self.table)
        obj = session.get(model, self.pk)
        if obj is None:
            raise NotFoundError(f"{self.table} {self.pk} does not exist (was it already removed?)")
        self.before = snapshot(obj)
        session.delete(obj)
        session.flush()
        inverse = CreateRecord(self.table, dict(self.before), label=f"undo {self.label}")
        return inverse

    def describe(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.pk, "before": self.before}

    @property
    def target(self) -> tuple[str, object | None]:
        return (self.table, self.pk)


@dataclass
class UpdateRecord(Edit):
    table: str
    pk: object
    changes: dict[str, Any]
    label: str = "update"
    before: dict[str, Any] | None = field(default=None, init=False)

    def apply(self, session: Session) -> Edit:
        model = _model(self.table)
        obj = session.get(model, self.pk)
        if obj is None:
            raise NotFoundError(f"{self.table} {self.pk} does not exist")
        self.before = {k: _plain(getattr(obj, k)) for k in self.changes}
        for key, value in _from_plain(model, self.changes).items():
            setattr(obj, key, value)
        session.flush()
        return UpdateRecord(self.table, self.pk, dict(self.before), label=f"undo {self.label}")

    def describe(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.pk, "before": self.before, "after": self.changes}

    @property
    def target(self) -> tuple[str, object | None]:
        return (self.table, self.pk)


@dataclass
class Batch(Edit):
    """Several edits applied as one (one transaction, one undo step, one audit entry)."""

    edits: list[Edit]
    label: str = "batch"
    target_hint: tuple[str, object | None] = ("case", None)

    def apply(self, session: Session) -> Edit:
        inverses = [edit.apply(session) for edit in self.edits]
        inverses.reverse()
        return Batch(inverses, label=f"undo {self.label}", target_hint=self.target_hint)

    def describe(self) -> dict[str, Any]:
        return {"steps": [{"label": e.label, **e.describe()} for e in self.edits]}

    @property
    def target(self) -> tuple[str, object | None]:
        if self.target_hint != ("case", None) or not self.edits:
            return self.target_hint
        return self.edits[0].target
