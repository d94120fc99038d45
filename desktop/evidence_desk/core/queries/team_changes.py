"""What others changed in the case since audit entry N: the team's feed.

Every change to a case is an entry of the audit log, written in the change's own
transaction, whichever process or investigator made it (a colleague on the same
PostgreSQL case, the command line or a second window on the same SQLite case). So a
window learns of others' work by reading the log past the last entry it saw: a cheap
probe of the log's head (`audit_head`, one index lookup) tells whether anything
arrived, and `changes_since` turns the new entries into the same `Changes` record
`case.apply(command)` returns, so the window refreshes exactly what they touched.

An entry lists the rows it wrote (a command's or an undo's `steps`); an update lists
only the columns it changed, so the document and page of such a row are read from the
row as it is now. Entries that list no rows name their target (an import, an OCR'd
page, new suggestions); a bundle merge or a repair, and any entry this version does not
know, count as "everything changed". Entries the same `Case` object committed (the
window's own commands, its imports and OCR) are left out: it heard of them already."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from evidence_desk.core.case import Case
from evidence_desk.core.commands.changes import KINDS, Changes
from evidence_desk.core.commands.rows import RowEffect, model_of
from evidence_desk.core.db.models import AuditEntry

# Entries that change nothing a view shows.
QUIET_ACTIONS = frozenset({"case.create", "audit.baseline", "export.bundle", "export.ftm", "export.pdf",
                           "search.rebuild_index"})
# Entries that may change anything: every view re-reads.
SWEEPING_ACTIONS = frozenset({"bundle.merge", "case.repair"})
BATCH_LIMIT = 2000  # more new entries than this at once (a colleague's import of a whole leak): refresh all

# Where a row's document and page are, per table (documents: the row's own id).
_DOCUMENT_COLUMNS = {"document_links": ("source_id", "target_id")}


@dataclass(frozen=True)
class ChangeEntry:
    """One entry of the log as the window tells of it ("alice tagged 2 pages")."""

    id: int
    at: str
    author: str
    action: str  # the log's verb: tag, add_note, mark_redaction, undo, document.import, …
    name: str | None  # an undo's or redo's step name ("Tag “Garbuz” on document 3, page 1")
    changes: Changes

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "author": self.author, "action": self.action, "name": self.name,
                "changes": self.changes.to_json()}


@dataclass(frozen=True)
class TeamChanges:
    """The entries past `after` up to `head` (own entries left out) and what they changed together."""

    after: int
    head: int
    entries: tuple[ChangeEntry, ...] = ()
    changes: Changes = field(default_factory=Changes)
    truncated: bool = False  # more than BATCH_LIMIT entries: `entries` holds none, `changes` is everything

    authors: tuple[str, ...] = ()  # who made them, in the order of their first entry

    def to_json(self) -> dict[str, Any]:
        return {"after": self.after, "head": self.head, "truncated": self.truncated, "authors": list(self.authors),
                "changes": self.changes.to_json(), "entries": [e.to_json() for e in self.entries]}


def merge(changes: Iterable[Changes]) -> Changes:
    """Several entries' changes as one. A change naming no document (an entity renamed: its
    mentions show on any page) touches every document, so the union names none either."""
    kinds: set[str] = set()
    docs: set[int] = set()
    pages: set[tuple[int, int]] = set()
    everywhere = False
    for c in changes:
        if not c:
            continue
        kinds |= c.kinds
        docs |= c.documents
        pages |= c.pages
        everywhere = everywhere or not c.documents
    return Changes(frozenset(kinds), frozenset() if everywhere else frozenset(docs), frozenset(pages))


def audit_head(case: Case) -> int:
    """The id of the log's latest entry (0 for an empty log): the probe a window polls."""
    with case.read() as s:
        return _head(s)


def _head(session: Session) -> int:
    return int(session.execute(select(func.max(AuditEntry.id))).scalar_one_or_none() or 0)


def changes_since(case: Case, after: int, *, own: Collection[int] = ()) -> TeamChanges:
    """The entries after audit entry `after` except those in `own`, and what they changed."""
    with case.read() as s:
        head = _head(s)
        if head <= after:
            return TeamChanges(after, max(head, after))
        rows = s.execute(
            select(AuditEntry.id, AuditEntry.at, AuditEntry.author, AuditEntry.action, AuditEntry.target_type,
                   AuditEntry.target_id, AuditEntry.data)
            .where(AuditEntry.id > after, AuditEntry.id <= head).order_by(AuditEntry.id).limit(BATCH_LIMIT + 1)
        ).all()
        rows = [r for r in rows if r.id not in own]
        if len(rows) > BATCH_LIMIT:
            others = select(AuditEntry.author).where(AuditEntry.id > after, AuditEntry.id <= head)
            if own:
                others = others.where(AuditEntry.id.notin_(list(own)))
            authors = s.execute(others.group_by(AuditEntry.author).order_by(func.min(AuditEntry.id))).scalars()
            return TeamChanges(after, head, (), Changes.everything(), truncated=True, authors=tuple(authors))
        parsed = [(row, _data(row.data)) for row in rows]
        located = _locate(s, [step for _, data in parsed for step in _steps(data)])
        entries = tuple(
            ChangeEntry(row.id, row.at, row.author, row.action,
                        data.get("name") if isinstance(data.get("name"), str) else None,
                        _entry_changes(row, data, located))
            for row, data in parsed)
    return TeamChanges(after, head, entries, merge(e.changes for e in entries),
                       authors=tuple(dict.fromkeys(e.author for e in entries)))


class AuditFeed:
    """A reader of the log that remembers where it stopped: each `poll()` returns what others
    changed since the previous one (None when nothing did). Used from one thread (the
    window's database thread); starts at the log's head when it is made."""

    def __init__(self, case: Case, position: int | None = None) -> None:
        self.case = case
        self.position = audit_head(case) if position is None else position
        case.take_own_audit_ids(self.position)  # what it wrote before now is no news either

    def poll(self) -> TeamChanges | None:
        head = audit_head(self.case)
        if head <= self.position:
            return None
        news = changes_since(self.case, self.position, own=self.case.take_own_audit_ids(head))
        self.position = max(self.position, news.head)
        return news if news.entries or news.truncated else None


# -- reading the entries ------------------------------------------------------------------


def _data(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    steps = data.get("steps")
    if not isinstance(steps, list):
        return []
    return [s for s in steps if isinstance(s, dict) and isinstance(s.get("table"), str) and "id" in s]


def _int(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _locate(session: Session, steps: list[dict[str, Any]]) -> dict[tuple[str, Any], dict[str, Any]]:
    """The document and page columns, as they are now, of every updated row whose step
    does not state them (an update lists only the columns it changed)."""
    wanted: dict[str, set[Any]] = {}
    for step in steps:
        table = step["table"]
        if table == "documents":
            continue
        where = _DOCUMENT_COLUMNS.get(table, ("document_id",))
        rows = [r for r in (step.get("before"), step.get("after")) if isinstance(r, dict)]
        if not any(all(c in r for c in where) for r in rows):
            wanted.setdefault(table, set()).add(step["id"])
    out: dict[tuple[str, Any], dict[str, Any]] = {}
    for table, ids in wanted.items():
        try:
            model = model_of(table)
        except KeyError:
            continue
        columns = inspect(model).columns
        names = [n for n in (*_DOCUMENT_COLUMNS.get(table, ("document_id",)), "page_number") if n in columns]
        if not names:
            continue
        pk = inspect(model).primary_key[0]
        for row in session.execute(select(pk, *(columns[n] for n in names)).where(pk.in_(list(ids)))):
            out[(table, row[0])] = dict(zip(names, row[1:], strict=True))
    return out


def _entry_changes(row: Any, data: dict[str, Any], located: dict[tuple[str, Any], dict[str, Any]]) -> Changes:
    action = row.action
    if action in QUIET_ACTIONS:
        return Changes()
    if action in SWEEPING_ACTIONS:
        return Changes.everything()
    steps = _steps(data)
    if steps:
        effects = []
        for step in steps:
            table, pk = step["table"], step["id"]
            known = {"id": pk} if table == "documents" else located.get((table, pk), {})
            before, after = (step.get(side) if isinstance(step.get(side), dict) else None
                             for side in ("before", "after"))
            # What is known of the row now completes what the step states (only the changed columns).
            effects.append(RowEffect(table, pk, {**known, **(before or {})}, {**known, **(after or {})}))
        return Changes.of(effects)
    target = _int(row.target_id)
    if action in ("document.import", "document.restore_original") and target is not None:
        return Changes(frozenset({"documents", "pages"}), frozenset({target}))
    if action == "page.ocr":
        doc, page = _int(data.get("document")), _int(data.get("page"))
        if doc is not None:
            return Changes(frozenset({"pages"}), frozenset({doc}),
                           frozenset({(doc, page)}) if page is not None else frozenset())
    if action == "suggest.refresh" and target is not None:
        return Changes(frozenset({"suggestions"}), frozenset({target}))
    if "intent" in data and not data.get("replay"):
        return Changes()  # a command that wrote no row a view shows
    return Changes(frozenset(KINDS))  # a change this version cannot read: every view re-reads
