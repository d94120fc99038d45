"""Many rows of one table inserted (or deleted) as one edit with an exact inverse.

A merge may add a thousand pages and as many mentions: one ORM object and one
flush per row (`CreateRecord`) costs more than the rest of the merge. `InsertRows`
writes them in one executemany, taking the new ids back; its inverse `DeleteRows`
removes exactly those ids and remembers the rows (ids included), so undoing the
undo puts back the very same records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Text, bindparam, delete, insert, inspect
from sqlalchemy.orm import Session

from evidence_desk.core.edits import Edit, _from_plain, _model

CHUNK = 500


@dataclass
class InsertRows(Edit):
    table: str
    rows: list[dict[str, Any]]
    label: str = "rows.add"
    json_text: tuple[str, ...] = ()  # JSON columns whose values are JSON text already (page words)
    created_ids: list[Any] = field(default_factory=list, init=False)  # primary keys, in row order

    def apply(self, session: Session) -> Edit:
        model = _model(self.table)
        pk = inspect(model).primary_key[0]
        self.created_ids = []
        if self.rows:
            values = [_from_plain(model, row) for row in self.rows]  # rows of one table share their keys
            stmt = insert(model)
            if self.json_text:  # stored as given: no decoding and encoding again
                stmt = stmt.values({c: bindparam(c, type_=Text()) for c in self.json_text})
            result = session.execute(stmt.returning(pk, sort_by_parameter_order=True), values)
            self.created_ids = [r[0] for r in result]
        snapshot = [{**row, pk.key: i} for row, i in zip(self.rows, self.created_ids, strict=True)]
        return DeleteRows(self.table, list(self.created_ids), snapshot, label=f"undo {self.label}",
                          json_text=self.json_text)

    def describe(self) -> dict[str, Any]:
        return {"table": self.table, "inserted": len(self.rows), "ids": self.created_ids}

    @property
    def target(self) -> tuple[str, object | None]:
        return (self.table, None)


@dataclass
class DeleteRows(Edit):
    table: str
    ids: list[Any]
    rows: list[dict[str, Any]]  # as inserted, ids included: the inverse re-inserts them
    label: str = "rows.delete"
    json_text: tuple[str, ...] = ()

    def apply(self, session: Session) -> Edit:
        model = _model(self.table)
        pk = inspect(model).primary_key[0]
        session.flush()
        for start in range(0, len(self.ids), CHUNK):
            session.execute(delete(model).where(pk.in_(self.ids[start:start + CHUNK])))
        session.expire_all()
        return InsertRows(self.table, [dict(r) for r in self.rows], label=f"undo {self.label}",
                          json_text=self.json_text)

    def describe(self) -> dict[str, Any]:
        return {"table": self.table, "deleted": len(self.ids), "ids": self.ids}

    @property
    def target(self) -> tuple[str, object | None]:
        return (self.table, None)

