"""Which of a colleague's records are new, which they changed, and which both of us changed.

Records are matched by stable identity: documents by SHA-256, everything else by
uid (an entity also by type and name, so two desks that each typed "Ministry of
Defence" end with one). A record present on both sides with different content
is decided field by field by the two audit logs: copies of one case share the
chain up to the moment they parted (the fork); a field only they changed since is
taken from them, one only I changed is kept, one we both changed — or any
difference when the logs share no history — is a conflict. Conflicts are listed for the user
and never overwritten silently. Deletions do not travel: a record absent from
the bundle is left alone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from evidence_desk.core.bundle.json_input import read_json
from evidence_desk.core.bundle.records import CaseRecords

RESOLUTIONS = ("mine", "theirs", "both")
# What "changed" means for each kind of record (fields a person edits).
CONTENT = {
    "documents": ("kind", "doc_date", "reference", "languages", "sender", "recipient", "review_status",
                  "title"),
    "provenance": ("source_code", "source_identity", "received_at", "received_by", "method",
                   "verification_status", "confidence", "verification_reasoning", "notes"),
    "entities": ("type", "name", "description", "merged_into"),
    "mentions": ("entity", "page", "quote", "x0", "y0", "x1", "y1", "origin", "status"),
    "document_links": ("kind", "page", "quote", "x0", "y0", "x1", "y1", "note"),
    "entity_links": ("kind", "note", "evidence"),
    "redactions": ("page", "x0", "y0", "x1", "y1", "match_text", "reason", "note", "status", "reviewer"),
    "notes": ("text", "page", "x0", "y0", "x1", "y1", "internal"),
    "custody": ("kind", "action", "counterpart"),
}
TABLE_OF = {"custody": "custody_events", "provenance": "provenance"}
UID_KINDS = ("entities", "mentions", "document_links", "entity_links", "redactions", "notes", "custody")


@dataclass(frozen=True)
class Conflict:
    kind: str  # a key of CONTENT
    key: str  # sha256 (documents, provenance) or uid
    fields: dict[str, tuple[Any, Any]]  # field → (mine, theirs)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.key,
                "fields": {k: {"mine": a, "theirs": b} for k, (a, b) in self.fields.items()}}

    def describe(self) -> str:
        parts = ", ".join(f"{k}: {a!r} (mine) vs {b!r} (theirs)" for k, (a, b) in self.fields.items())
        return f"{self.kind} {self.key[:12]}: {parts}"


@dataclass
class MergePlan:
    new: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # kind → their records to add
    take: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # kind → their records to adopt
    conflicts: list[Conflict] = field(default_factory=list)
    entity_alias: dict[str, str] = field(default_factory=dict)  # their entity uid → my uid (same name)
    theirs_rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # a conflict resolved "theirs"
    unchanged: int = 0
    fork: int = 0  # audit entries the two logs share

    def add(self, bucket: dict[str, list[dict[str, Any]]], kind: str, row: dict[str, Any]) -> None:
        bucket.setdefault(kind, []).append(row)

    def counts(self) -> dict[str, Any]:
        return {"new": {k: len(v) for k, v in self.new.items() if v},
                "taken": {k: len(v) for k, v in self.take.items() if v},
                "conflicts": len(self.conflicts), "unchanged": self.unchanged, "shared_audit_entries": self.fork}


ALL = "*"
Touched = dict[tuple[str, str], set[str]]  # (kind or table, key) → fields changed, or {ALL}


def _targets(data: Any) -> Iterator[tuple[str, str, set[str]]]:
    """(table, primary key, fields) of every record an audit entry's data describes: an
    update names the fields it changed; a create or delete touches the whole record."""
    if isinstance(data, dict):
        table = data.get("table")
        if isinstance(table, str):
            pk = data.get("id")
            after = data.get("after") if isinstance(data.get("after"), dict) else {}
            before = data.get("before") if isinstance(data.get("before"), dict) else {}
            fields = set(after) if pk is not None and before and after else {ALL}
            for candidate in (pk, after.get("id"), after.get("document_id"), before.get("id"),
                              before.get("document_id")):
                if candidate is not None:
                    yield table, str(candidate), fields
                    break
        for value in data.values():
            yield from _targets(value)
    elif isinstance(data, list):
        for value in data:
            yield from _targets(value)


def touched_since(audit: list[dict[str, Any]], fork: int) -> Touched:
    """What the entries after the fork changed. Every edit describes itself through the
    record primitives (table, id, before/after); entries that change no record (an
    export, an import's own bookkeeping) name none and touch nothing."""
    out: Touched = {}
    for entry in audit[fork:]:
        try:
            found = list(_targets(read_json(entry.get("data") or "null")))
        except (ValueError, TypeError):
            found = []
        for table, pk, fields in found:
            out.setdefault((table, pk), set()).update(fields)
    return out


def shared_prefix(mine: list[dict[str, Any]], theirs: list[dict[str, Any]]) -> int:
    count = 0
    for a, b in zip(mine, theirs, strict=False):
        if a["hash"] != b["hash"]:
            break
        count += 1
    return count


def keyed(records: CaseRecords) -> dict[str, dict[str, dict[str, Any]]]:
    """kind → stable key → record (provenance keyed by its document's hash)."""
    out: dict[str, dict[str, dict[str, Any]]] = {"documents": {}, "provenance": {}}
    for d in records.documents:
        out["documents"][d["sha256"]] = d
        if d.get("provenance"):
            out["provenance"][d["sha256"]] = {**d["provenance"], "sha256": d["sha256"]}
    for kind in UID_KINDS:
        out[kind] = {r["uid"]: r for r in getattr(records, kind)}
    out["reason_codes"] = {r["code"]: r for r in records.reason_codes}
    return out


def _touched_keys(records: CaseRecords, touched: Touched) -> Touched:
    """Audit targets (table, this side's id) as (kind, stable key)."""
    out: Touched = {}
    for d in records.documents:
        for kind in ("documents", "provenance"):
            if (kind, str(d["id"])) in touched:
                out[(kind, d["sha256"])] = touched[(kind, str(d["id"]))]
    for kind in UID_KINDS:
        table = TABLE_OF.get(kind, kind)
        for r in getattr(records, kind):
            if (table, str(r["id"])) in touched:
                out[(kind, r["uid"])] = touched[(table, str(r["id"]))]
    return out


def _touches(touched: Touched, kind: str, key: str, name: str) -> bool:
    fields = touched.get((kind, key), set())
    return ALL in fields or name in fields or (name == "entity" and "entity_id" in fields) \
        or (name == "page" and "page_number" in fields) or (name == "merged_into" and "merged_into_id" in fields)


def _differences(kind: str, mine: dict[str, Any], theirs: dict[str, Any], alias: dict[str, str]) -> dict[str, Any]:
    diffs = {}
    for name in CONTENT[kind]:
        a, b = mine.get(name), theirs.get(name)
        if name in ("entity", "merged_into") and isinstance(b, str):
            b = alias.get(b, b)
        if isinstance(a, int | float) and isinstance(b, int | float) and abs(float(a) - float(b)) < 1e-6:
            continue
        if a != b:
            diffs[name] = (a, b)
    return diffs


def plan_merge(mine: CaseRecords, theirs: CaseRecords) -> MergePlan:
    plan = MergePlan()
    plan.fork = shared_prefix(mine.audit, theirs.audit) if mine.case_uid == theirs.case_uid else 0
    history = plan.fork > 0
    mine_touched = _touched_keys(mine, touched_since(mine.audit, plan.fork))
    theirs_touched = _touched_keys(theirs, touched_since(theirs.audit, plan.fork))
    have, got = keyed(mine), keyed(theirs)
    by_name = {(e["type"], e["name"].casefold()): e["uid"] for e in mine.entities}
    for uid, ent in got["entities"].items():
        same = by_name.get((ent["type"], ent["name"].casefold()))
        if uid not in have["entities"] and same is not None:
            plan.entity_alias[uid] = same
    for kind in CONTENT:
        for key, row in got[kind].items():
            key = plan.entity_alias.get(key, key) if kind == "entities" else key
            current = have[kind].get(key)
            if current is None:
                if kind == "provenance" and key not in have["documents"]:
                    continue  # comes with its new document
                plan.add(plan.new, kind, row)
                continue
            diffs = _differences(kind, current, row, plan.entity_alias)
            if not diffs:
                plan.unchanged += 1
                continue
            take, clash = {}, {}
            for name, (a, b) in diffs.items():
                theirs_did = _touches(theirs_touched, kind, key, name)
                mine_did = _touches(mine_touched, kind, key, name)
                if history and theirs_did and not mine_did:
                    take[name] = b
                elif not (history and mine_did and not theirs_did):  # else mine is the newer version
                    clash[name] = (a, b)
            merged = {**row, **{n: current[n] for n in diffs if n not in take}}
            if take:
                plan.add(plan.take, kind, merged)
            if clash:
                plan.conflicts.append(Conflict(kind, key, clash))
                plan.theirs_rows[(kind, key)] = {**merged, **{n: row[n] for n in clash}}
            if not take and not clash:
                plan.unchanged += 1
    return plan
