"""The rows a command writes, each recorded with its value before and after.

A command never writes the database itself: it asks `Rows` to insert, update or
delete, and `Rows` keeps a `RowEffect` per write (the whole row as it was and as
it is now). Those effects are the step's exact inverse: undo puts every row back
to its `before`, redo to its `after` — but only after checking that the row is
still exactly as the step left it (`restore`), so an undo never overwrites what
someone else changed since.

Documents, pages and the audit log are not writable here: nothing can delete a
document, or rewrite its text, through a command."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

import msgspec
from sqlalchemy import JSON, DateTime, Text, bindparam, insert, inspect, select, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from evidence_desk.core.db.models import AuditEntry, Base, Document, HistoryStep, Mention, Page
from evidence_desk.core.errors import HistoryConflictError, InvalidInputError

M = TypeVar("M", bound=Base)

# Updating a document's details is a command (`set_details`); creating or deleting one is import's job.
_NO_INSERT_OR_DELETE = frozenset({Document.__tablename__, Page.__tablename__, AuditEntry.__tablename__,
                                  HistoryStep.__tablename__})
_CHUNK = 500  # ids per `IN (…)`: SQLite caps the parameters of one statement
# A page's text and words are import's content, not anyone's edit: the audit log names the page only.
_AUDITED_COLUMNS = {Page.__tablename__: ("document_id", "number")}
_READ_ONLY = frozenset({Page.__tablename__, AuditEntry.__tablename__, HistoryStep.__tablename__})


@dataclass(frozen=True)
class RowEffect:
    """One row's state before and after a step (None: the row did not exist).

    A compact insert (`digest` set) keeps of the row it created only the columns that
    name it (`after`: id, document and number of a page) and the SHA-256 of the whole
    row as stored: undo checks the row against the digest before deleting it, and
    keeps the full row then for a redo. A bundle's pages are most of a merge's bytes;
    the history need not hold a second copy of them."""

    table: str
    pk: Any
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    digest: str | None = None

    def to_json(self) -> dict[str, Any]:
        out = {"table": self.table, "id": self.pk, "before": self.before, "after": self.after}
        if self.digest is not None:
            out["digest"] = self.digest
        return out

    def to_audit_json(self) -> dict[str, Any]:
        """For the audit log: a created or deleted row whole, an update as only the columns it
        changed (what readers of the log, such as the bundle merge's conflict finder, expect)."""
        kept = _AUDITED_COLUMNS.get(self.table)
        if kept is not None:
            def cut(row: dict[str, Any] | None) -> dict[str, Any] | None:
                return None if row is None else {k: row.get(k) for k in kept}
            return {"table": self.table, "id": self.pk, "before": cut(self.before), "after": cut(self.after)}
        if self.before is None or self.after is None:
            return self.to_json()
        changed = [k for k in self.after if self.before.get(k) != self.after[k]]
        return {"table": self.table, "id": self.pk, "before": {k: self.before.get(k) for k in changed},
                "after": {k: self.after[k] for k in changed}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RowEffect:
        return cls(data["table"], data["id"], data.get("before"), data.get("after"), data.get("digest"))

    def value(self, key: str) -> Any:
        row = self.after if self.after is not None else self.before
        return None if row is None else row.get(key)


def model_of(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if getattr(cls, "__tablename__", None) == table:
            return cls  # type: ignore[no-any-return]
    raise KeyError(table)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def snapshot(obj: Base) -> dict[str, Any]:
    """The row as JSON-plain values (what the history and the audit log store)."""
    mapper = inspect(type(obj))
    row = {c.key: _plain(getattr(obj, c.key)) for c in mapper.column_attrs}
    return json.loads(json.dumps(row, default=str))  # type: ignore[no-any-return]


def _stored(session: Session, model: type[Base], ids: list[Any]) -> dict[Any, dict[str, Any]]:
    """Rows as `snapshot` gives them, read without making ORM objects: one query per chunk,
    JSON columns read as their text and decoded in one C call each (page words are most of
    a merged page's bytes)."""
    mapper = inspect(model)
    columns, json_keys = [], set()
    for attr in mapper.column_attrs:
        column = attr.columns[0]
        if isinstance(column.type, JSON):
            columns.append(type_coerce(column, Text).label(attr.key))
            json_keys.add(attr.key)
        else:
            columns.append(column.label(attr.key))
    pk = mapper.primary_key[0]
    key = mapper.get_property_by_column(pk).key
    out: dict[Any, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        for row in session.execute(select(*columns).where(pk.in_(ids[start:start + _CHUNK]))).mappings():
            plain = {k: (msgspec.json.decode(v) if k in json_keys and isinstance(v, (str, bytes)) else _plain(v))
                     for k, v in row.items()}
            out[plain[key]] = plain
    return out


# Tables whose rows `insert_many` writes in one statement, finding their ids by these
# columns (unique together) instead of RETURNING, which SQLite gives one statement a row
# (a merge's 1,152 mentions: 45 ms that way, 33 ms this).
_NATURAL_KEYS = {Page.__tablename__: ("document_id", "number"), Document.__tablename__: ("sha256",),
                 Mention.__tablename__: ("uid",)}
# What a compact insert keeps of its row besides the digest (see `RowEffect`).
_COMPACT_KEYS = {Page.__tablename__: ("id", "document_id", "number")}


def _raw(session: Session, model: type[Base], ids: list[Any]) -> dict[Any, tuple[dict[str, Any], str]]:
    """Rows as stored, read without decoding their JSON text: pk → (the naming columns,
    SHA-256 of every column's value in order)."""
    mapper = inspect(model)
    columns = [type_coerce(a.columns[0], Text).label(a.key) if isinstance(a.columns[0].type, JSON)
               else a.columns[0].label(a.key) for a in mapper.column_attrs]
    pk = mapper.primary_key[0]
    key = mapper.get_property_by_column(pk).key
    keys = _COMPACT_KEYS.get(model.__tablename__, (key,))
    out: dict[Any, tuple[dict[str, Any], str]] = {}
    for start in range(0, len(ids), _CHUNK):
        for row in session.execute(select(*columns).where(pk.in_(ids[start:start + _CHUNK]))).mappings():
            digest = hashlib.sha256(msgspec.json.encode([_plain(v) for v in row.values()])).hexdigest()
            out[row[key]] = ({k: _plain(row[k]) for k in keys}, digest)
    return out


def _from_plain(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    cols = inspect(model).columns
    out = {}
    for key, value in values.items():
        if isinstance(value, str) and isinstance(cols[key].type, DateTime):
            value = datetime.fromisoformat(value)
        out[key] = value
    return out


def _pk(obj: Base) -> Any:
    return inspect(obj).identity[0]  # type: ignore[index]


def label_of(table: str, row: dict[str, Any] | None, pk: Any) -> str:
    """A person's name for a row: `note 4`, `entity “Garbuz”`, `mention 12 on document 3 page 1`."""
    noun = {"entity_aliases": "alias", "entities": "entity", "document_links": "link", "entity_links": "link",
            "case_meta": "setting", "reason_codes": "reason code", "custody_events": "custody event",
            "provenance": "provenance of document"}.get(table, table.rstrip("s").replace("_", " "))
    row = row or {}
    for key in ("name", "alias", "code"):
        if row.get(key):
            return f"{noun} “{row[key]}”"
    where = ""
    if row.get("document_id") is not None and table != "provenance":
        where = f" on document {row['document_id']}"
        if row.get("page_number") is not None:
            where += f" page {row['page_number']}"
    return f"{noun} {pk}{where}"


class Rows:
    """A command's writes in one session, recorded as `RowEffect`s in order."""

    def __init__(self, session: Session, author: str) -> None:
        self.session = session
        self.author = author
        self.effects: list[RowEffect] = []

    def get(self, model: type[M], pk: Any) -> M | None:
        return self.session.get(model, pk)

    def insert(self, model: type[M], **values: Any) -> M:
        if model.__tablename__ in _NO_INSERT_OR_DELETE:
            raise InvalidInputError(f"{model.__tablename__} cannot be created by an edit")
        obj = model(**_from_plain(model, values))
        self.session.add(obj)
        self.session.flush()
        self.session.refresh(obj)  # the row as stored (naive datetimes, coerced types), as undo will see it
        self.effects.append(RowEffect(model.__tablename__, _pk(obj), None, snapshot(obj)))
        return obj

    def insert_many(self, model: type[Base], rows: list[dict[str, Any]], *,
                    json_text: tuple[str, ...] = (), compact: bool = False) -> list[Any]:
        """Many rows of one table (sharing their keys) in one statement, each recorded like
        `insert` (read back as stored, one query per chunk); their ids, in order. Documents
        and pages, which no edit creates, are allowed here only: a bundle's merge brings
        them, and undo removes them like any insert. `json_text` names JSON columns given as
        JSON text already (page words), stored as they are instead of decoded and encoded
        again. `compact`: each row is recorded as a compact insert (`RowEffect.digest`), for
        rows too large to keep twice."""
        table = model.__tablename__
        if table in _NO_INSERT_OR_DELETE and model not in (Document, Page):
            raise InvalidInputError(f"{table} cannot be created by an edit")
        if not rows:
            return []
        as_text = {c: bindparam(c, type_=Text()) for c in json_text}
        values = [_from_plain(model, row) for row in rows]
        natural = _NATURAL_KEYS.get(table)
        if natural is not None:  # one statement for all rows; their ids read back by the key they are unique by
            # As a Core statement: the ORM's bulk insert first walks every row and column in
            # Python (0.09 s for 1,005 merged pages, under cProfile), for defaults Core applies too.
            core = insert(model.__table__)
            self.session.connection().execute(core.values(as_text) if as_text else core, values)
            ids = self._ids_by(model, natural, [tuple(v[k] for k in natural) for v in values])
        else:  # RETURNING in parameter order: SQLite gets one statement a row
            pk = inspect(model).primary_key[0]
            stmt = insert(model).values(as_text) if as_text else insert(model)
            ids = [r[0] for r in self.session.execute(stmt.returning(pk, sort_by_parameter_order=True), values)]
        if compact:
            raw = _raw(self.session, model, ids)
            self.effects.extend(RowEffect(table, i, None, raw[i][0], raw[i][1]) for i in ids)
            return ids
        stored = _stored(self.session, model, ids)
        self.effects.extend(RowEffect(table, i, None, stored[i]) for i in ids)
        return ids

    def _ids_by(self, model: type[Base], natural: tuple[str, ...], keys: list[tuple[Any, ...]]) -> list[Any]:
        pk = inspect(model).primary_key[0]
        columns = [getattr(model, k) for k in natural]
        first = columns[0]
        found: dict[tuple[Any, ...], Any] = {}
        wanted = sorted({k[0] for k in keys})
        for start in range(0, len(wanted), _CHUNK):
            query = select(pk, *columns).where(first.in_(wanted[start:start + _CHUNK]))
            found.update((tuple(row[1:]), row[0]) for row in self.session.execute(query))
        return [found[k] for k in keys]

    def update(self, obj: M, **changes: Any) -> M:
        table = type(obj).__tablename__
        if table in _READ_ONLY:
            raise InvalidInputError(f"{table} cannot be changed by an edit")
        before = snapshot(obj)
        for key, value in _from_plain(type(obj), changes).items():
            setattr(obj, key, value)
        self.session.flush()
        self.session.refresh(obj)
        after = snapshot(obj)
        if after != before:
            self.effects.append(RowEffect(table, _pk(obj), before, after))
        return obj

    def delete(self, obj: Base) -> None:
        table = type(obj).__tablename__
        if table in _NO_INSERT_OR_DELETE:
            raise InvalidInputError(f"{table} cannot be deleted by an edit")
        pk = _pk(obj)
        before = snapshot(obj)
        blocker = referrer(self.session, table, pk)
        if blocker is not None:
            raise InvalidInputError(f"{label_of(table, before, pk)} is still used by {blocker}")
        self.session.delete(obj)
        self.session.flush()
        self.effects.append(RowEffect(table, pk, before, None))


def referrer(session: Session, table: str, pk: Any) -> str | None:
    """A row of another table that points at (`table`, `pk`), named for a person; None if none.

    Checked before every delete so that no foreign-key cascade removes a row the
    history does not know about."""
    for mapper in Base.registry.mappers:
        other = mapper.local_table
        for fk in other.foreign_keys:
            if fk.column.table.name != table:
                continue
            row = session.execute(select(other).where(fk.parent == pk).limit(1)).mappings().first()
            if row is not None:
                other_pk = row[next(iter(other.primary_key.columns)).key]
                return label_of(other.name, dict(row), other_pk)
    return None


def _current(session: Session, effect: RowEffect) -> tuple[Base | None, dict[str, Any] | None]:
    obj = session.get(model_of(effect.table), effect.pk)
    if obj is not None:
        session.refresh(obj)  # never trust a cached copy: another process may have written
    return obj, None if obj is None else snapshot(obj)


def restore(session: Session, effects: Sequence[RowEffect], *, to_before: bool,
            who_changed: Any = None) -> list[RowEffect]:
    """Put every row back to its `before` (undo, effects taken last first) or forward
    to its `after` (redo, in order), refusing with `HistoryConflictError` if any row is
    not exactly as the step left it. The caller's transaction rolls back on refusal, so
    a step is never half-restored. `who_changed(table, pk)` names who changed a row.
    Returns the effects as the step should keep them from now on (in their order): an
    undone compact insert with its full row, which a redo puts back."""
    kept = list(effects)
    ordered = list(reversed(range(len(kept)))) if to_before else list(range(len(kept)))
    for index in ordered:
        effect = kept[index]
        if effect.digest is not None:
            kept[index] = _undo_compact(session, effect, to_before, who_changed)
            continue
        expected, target = (effect.after, effect.before) if to_before else (effect.before, effect.after)
        obj, now = _current(session, effect)
        if now != expected:
            name = label_of(effect.table, expected or now, effect.pk)
            state = "was deleted" if now is None else ("was created again" if expected is None else "was changed")
            by = who_changed(effect.table, effect.pk) if who_changed else None
            raise HistoryConflictError(f"{name} {state} since{f' (by {by})' if by else ''}")
        model = model_of(effect.table)
        if target is None:
            assert obj is not None
            blocker = referrer(session, effect.table, effect.pk)
            if blocker is not None:
                raise HistoryConflictError(
                    f"{label_of(effect.table, now, effect.pk)} is used by {blocker}, added since")
            session.delete(obj)
        elif obj is None:
            session.add(model(**_from_plain(model, target)))
        else:
            for key, value in _from_plain(model, target).items():
                setattr(obj, key, value)
        try:
            session.flush()
        except IntegrityError as exc:
            raise HistoryConflictError(
                f"{label_of(effect.table, target or now, effect.pk)} cannot be restored: a row it refers to "
                "was removed since") from exc
    return kept


def _undo_compact(session: Session, effect: RowEffect, to_before: bool, who_changed: Any) -> RowEffect:
    """Undo a compact insert: the row must still hash to the digest; it is deleted, and its
    full row kept for a redo (a compact insert is only ever undone: its redo is a full one)."""
    assert to_before and effect.before is None, "a compact effect records an insert, undone once"
    model = model_of(effect.table)
    name = label_of(effect.table, effect.after, effect.pk)
    found = _raw(session, model, [effect.pk]).get(effect.pk)
    if found is None or found[1] != effect.digest:
        by = who_changed(effect.table, effect.pk) if who_changed else None
        state = "was deleted" if found is None else "was changed"
        raise HistoryConflictError(f"{name} {state} since{f' (by {by})' if by else ''}")
    blocker = referrer(session, effect.table, effect.pk)
    if blocker is not None:
        raise HistoryConflictError(f"{name} is used by {blocker}, added since")
    obj = session.get(model, effect.pk)
    assert obj is not None
    session.refresh(obj)
    full = snapshot(obj)
    session.delete(obj)
    session.flush()
    return RowEffect(effect.table, effect.pk, None, full)
