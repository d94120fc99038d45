"""The plain bundle members: `entities.csv`, `provenance.json`, `audit.jsonl`.

`entities.csv` is RFC 4180 UTF-8 with stable ids, one row per entity; a cell
that a spreadsheet would run as a formula (starting with = + - @, tab or CR) is
prefixed with an apostrophe. `audit.jsonl` holds every entry of the case's
hash chain, in order; for the publication profile an entry that quotes
something unpublishable keeps its hashes but not its data (`"withheld": true`),
so the chain's links can still be checked. Its last line states the head."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from evidence_desk.core.bundle.records import CaseRecords
from evidence_desk.core.bundle.scrub import Scrubber, audit_data

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
AUDIT_HEAD = "audit_head"


def neutralise(cell: Any) -> str:
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_START) else text


def entities_csv(published: CaseRecords) -> str:
    counts: dict[str, int] = {}
    docs: dict[str, set[str]] = {}
    doc_uid = {d["sha256"]: d["uid"] for d in published.documents}
    for m in published.mentions:
        counts[m["entity"]] = counts.get(m["entity"], 0) + 1
        docs.setdefault(m["entity"], set()).add(doc_uid[m["document"]])
    fh = io.StringIO(newline="")
    writer = csv.writer(fh, lineterminator="\r\n")
    writer.writerow(["id", "type", "name", "aliases", "description", "merged_into", "mentions", "documents"])
    for e in published.entities:
        writer.writerow([neutralise(v) for v in (
            e["uid"], e["type"], e["name"], " | ".join(a["alias"] for a in e["aliases"]),
            e.get("description"), e.get("merged_into"), counts.get(e["uid"], 0),
            " ".join(sorted(docs.get(e["uid"], ()))))])
    return fh.getvalue()


def provenance_json(published: CaseRecords, doc_files: dict[str, str], profile: str) -> dict[str, Any]:
    custody: dict[str, list[dict[str, Any]]] = {}
    for c in published.custody:
        custody.setdefault(c["document"], []).append(
            {k: c[k] for k in ("uid", "at", "actor", "kind", "action", "counterpart")})
    out = []
    for d in published.documents:
        entry: dict[str, Any] = {"document": d["uid"], "file": doc_files[d["sha256"]],
                                 "provenance": d.get("provenance"), "custody": custody.get(d["sha256"], [])}
        if profile == "internal":
            entry.update({k: d[k] for k in ("sha256", "filename", "size_bytes", "imported_at", "imported_by")})
        out.append(entry)
    return {"profile": profile, "documents": out}


def audit_jsonl(records: CaseRecords, scrub: Scrubber) -> tuple[str, dict[str, Any]]:
    """The member's text, and its summary (head, entries, withheld entries)."""
    withheld = 0
    lines = []
    for entry in records.audit:
        data, hidden = audit_data(scrub, entry)
        row = {k: entry[k] for k in ("id", "at", "author", "action", "target_type", "target_id",
                                     "prev_hash", "hash")}
        row["data"] = data
        if hidden:
            row["withheld"] = True
            withheld += 1
        lines.append(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
    head, count = records.audit_head
    summary = {AUDIT_HEAD: head, "entries": count, "withheld": withheld}
    lines.append(json.dumps(summary, sort_keys=True) + "\n")
    return "".join(lines), summary
