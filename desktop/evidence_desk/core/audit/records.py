"""The records the audit log accounts for, read as plain rows and compared.

Every table a user's work lives in is replayed: redactions, mentions, notes, entities
(with their aliases and links), document links, provenance and custody, and the
details of each document (title, kind, date, reference, parties, review status).
Pages and the text index are the import's own record, checked by the chain and the
originals' hashes; suggestions count for nothing until accepted (and accepting one
is a logged command)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Float, inspect, select
from sqlalchemy.orm import Session

from evidence_desk.core.audit.hidden_text import same_text
from evidence_desk.core.db.models import (
    CustodyEvent,
    Document,
    DocumentLink,
    Entity,
    EntityAlias,
    EntityLink,
    Mention,
    Note,
    Provenance,
    Redaction,
)

MODELS: dict[str, Any] = {m.__tablename__: m for m in (
    Document, Provenance, Entity, EntityAlias, EntityLink, Mention, DocumentLink, Redaction, Note, CustodyEvent)}
TRACKED = tuple(MODELS)
DOCUMENT_DETAILS = ("title", "kind", "doc_date", "reference", "languages", "sender", "recipient", "review_status")
# What a person calls a row of each table in a report.
NOUNS = {"documents": "document", "provenance": "provenance of document", "entities": "entity",
         "entity_aliases": "alias", "entity_links": "entity link", "mentions": "mention",
         "document_links": "document link", "redactions": "redaction", "notes": "note",
         "custody_events": "custody event"}

Row = dict[str, Any]
State = dict[str, dict[Any, Row]]  # table → primary key → columns


def pk_column(table: str) -> str:
    return str(inspect(MODELS[table]).primary_key[0].key)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def read_records(session: Session, tables: tuple[str, ...] = TRACKED) -> State:
    """Every tracked row as it is in the database (documents: only their details)."""
    out: State = {}
    for table in tables:
        model = MODELS[table]
        key = pk_column(table)
        columns = [c for c in inspect(model).columns if table != "documents" or c.key in (key, *DOCUMENT_DETAILS)]
        rows = session.execute(select(*columns)).mappings()
        out[table] = {row[key]: {c.key: _plain(row[c.key]) for c in columns} for row in rows}
    return out


def _normal(table: str, column: str, value: Any) -> Any:
    """One spelling of a value, whichever writer logged it (a datetime with or without
    its zone, 0/1 for a flag, a float given as an int, JSON as text or as data)."""
    if value is None:
        return None
    col = inspect(MODELS[table]).columns.get(column)
    kind = col.type if col is not None else None
    if isinstance(kind, DateTime) and isinstance(value, str):
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None).isoformat()
        except ValueError:
            return value
    if isinstance(kind, Boolean):
        return bool(value)
    if isinstance(kind, Float) and isinstance(value, int | float):
        return round(float(value), 6)
    if isinstance(kind, JSON):
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                return value
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return value


@dataclass(frozen=True)
class Finding:
    """A record the log does not explain, or a logged change the records lack."""

    table: str
    pk: Any
    kind: str  # unlogged | missing | differs
    columns: tuple[str, ...] = ()
    where: str = ""

    def message(self) -> str:
        name = f"{NOUNS.get(self.table, self.table)} {self.pk}{self.where}"
        if self.kind == "unlogged":
            return f"{name} is in the records but no audit entry made it (added behind the application's back)"
        if self.kind == "missing":
            return f"{name} is in the audit log but missing from the records (deleted behind the application's back)"
        return (f"{name}: {', '.join(self.columns)} differ{'s' if len(self.columns) == 1 else ''} from the audit "
                "log (changed behind the application's back)")

    def to_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.pk, "kind": self.kind, "columns": list(self.columns),
                "message": self.message()}


def _where(row: Row) -> str:
    doc, page = row.get("document_id"), row.get("page_number")
    if not isinstance(doc, int):
        return ""
    return f" on document {doc}" + (f" page {page}" if isinstance(page, int) else "")


UNKNOWN = object()  # a column the log does not state (an older entry's format): not compared


def compare(expected: State, actual: State, key: bytes | None) -> list[Finding]:
    """Every difference between what the log says the records are and what they are."""
    out: list[Finding] = []
    for table in TRACKED:
        want, have = expected.get(table, {}), actual.get(table, {})
        for pk in sorted(set(want) | set(have), key=lambda v: (str(type(v)), v)):
            logged, stored = want.get(pk), have.get(pk)
            if logged is None:
                assert stored is not None
                out.append(Finding(table, pk, "unlogged", where=_where(stored)))
            elif stored is None:
                out.append(Finding(table, pk, "missing", where=_where(logged)))
            else:
                differ = tuple(c for c, v in logged.items() if v is not UNKNOWN and c in stored
                               and not _same(table, c, v, stored[c], key))
                if differ:
                    out.append(Finding(table, pk, "differs", differ, _where(stored)))
    return out


def _same(table: str, column: str, logged: Any, stored: Any, key: bytes | None) -> bool:
    if table == "redactions" and column == "match_text":
        return same_text(key, logged, stored)
    return bool(_normal(table, column, logged) == _normal(table, column, stored))
