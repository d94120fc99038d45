"""The records a profile may carry: all of them (internal), or a scrubbed copy (publication).

Every bundle member is written from this view, so a publication member cannot
hold what the view left out. Dropped rather than blanked: an entity whose name a
redaction hides, with its mentions and links; a mention or note on a redacted
region or quoting a secret; internal notes; the source's identity, the original
file's name, path, times and embedded metadata."""

from __future__ import annotations

import copy
from typing import Any

from evidence_desk.core.bundle.records import CaseRecords
from evidence_desk.core.bundle.scrub import Scrubber

PUBLIC_PROVENANCE = ("source_code", "received_at", "received_by", "method", "verification_status",
                     "confidence", "verification_reasoning")
SCRUBBED_DOC_FIELDS = ("title", "reference", "sender", "recipient")


def _rect(row: dict[str, Any]) -> tuple[Any, Any, Any, Any]:
    return (row.get("x0"), row.get("y0"), row.get("x1"), row.get("y1"))


def published_records(records: CaseRecords, scrub: Scrubber) -> CaseRecords:
    if not scrub.active:
        return records
    out = CaseRecords(case_uid=records.case_uid, reason_codes=copy.deepcopy(records.reason_codes))
    for doc in records.documents:
        row = {k: doc[k] for k in ("sha256", "uid", "media_type", "page_count", "kind", "doc_date",
                                   "languages", "review_status")}
        row.update({k: scrub.keep(doc[k]) for k in SCRUBBED_DOC_FIELDS})
        row["filename"] = None
        prov = doc.get("provenance") or {}
        row["provenance"] = {k: (scrub.keep(prov.get(k)) if isinstance(prov.get(k), str) else prov.get(k))
                             for k in PUBLIC_PROVENANCE} if prov else None
        row["pages"] = [{k: p[k] for k in ("number", "width", "height", "rotation")} for p in doc["pages"]]
        out.documents.append(row)
    dropped: set[str] = set()
    for ent in records.entities:
        if not scrub.clean(ent["name"]) or not scrub.clean(ent["description"]):
            dropped.add(ent["uid"])
            continue
        row = dict(ent, aliases=[a for a in ent["aliases"] if scrub.clean(a["alias"])])
        out.entities.append(row)
    kept_mentions: set[str] = set()
    for m in records.mentions:
        if m["entity"] in dropped or not scrub.clean(m["quote"]) or scrub.covers(m["document"], m["page"], _rect(m)):
            continue
        kept_mentions.add(m["uid"])
        out.mentions.append(dict(m))
    for link in records.document_links:
        if scrub.clean(link["quote"]) and not scrub.covers(link["source"], link["page"], _rect(link)):
            out.document_links.append(dict(link, note=scrub.keep(link["note"])))
    for el in records.entity_links:
        if el["source"] not in dropped and el["target"] not in dropped:
            out.entity_links.append(dict(el, note=scrub.keep(el["note"]),
                                         evidence=[u for u in el["evidence"] if u in kept_mentions]))
    for r in records.redactions:
        out.redactions.append(dict(r, match_text=None, note=scrub.keep(r["note"])))
    for n in records.notes:
        if n["internal"] or not scrub.clean(n["text"]):
            continue
        if n["document"] is not None and scrub.covers(n["document"], n["page"], _rect(n)):
            continue
        out.notes.append(dict(n))
    for c in records.custody:
        if scrub.clean(c["action"]) and scrub.clean(c["counterpart"]):
            out.custody.append(dict(c))
    return out
