"""`entities.ftm.json`: FollowTheMoney entities, one JSON object a line, as Aleph loads them
(`alephclient write-entities`, `ftm` tools).

Our own small writer (the `followthemoney` library needs PyICU, which has no
wheels; the tests check this output against the real library where it installs).
Documents become `Pages`, entities the schema that fits their type, each mention
of an entity in a document one `Documentation` (document ↔ entity, role
"mentioned"), each link an `UnknownLink` with its kind as role, and notes `Note`s.
Amounts, dates and reference numbers are values, not things: they stay in the
annotations. Every Thing carries `proof` pointing at the document that names it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from evidence_desk.core.bundle.records import CaseRecords

SCHEMA_FOR_TYPE = {
    "person": "Person",
    "organisation": "Organization",
    "state_body": "PublicBody",
    "place": "Address",
    "equipment": "Asset",
    "contract": "Contract",
    "permit": "Contract",  # FtM's License requires an issuing authority we may not know
    "bank_account": "BankAccount",
}
PREFIX = "ed-"


def ftm_id(uid: str) -> str:
    return PREFIX + uid


def _props(**values: Any) -> dict[str, list[str]]:
    """FtM properties: every value a list of strings; empty values left out."""
    out: dict[str, list[str]] = {}
    for key, value in values.items():
        items = value if isinstance(value, list | tuple) else [value]
        clean = [str(v) for v in items if v not in (None, "")]
        if clean:
            out[key] = list(dict.fromkeys(clean))
    return out


def _entity(entity_id: str, schema: str, props: dict[str, list[str]]) -> dict[str, Any]:
    return {"id": entity_id, "schema": schema, "properties": props}


def ftm_entities(published: CaseRecords, doc_files: dict[str, str],
                 file_hashes: dict[str, str]) -> Iterator[dict[str, Any]]:
    docs = {d["sha256"]: d for d in published.documents}
    for d in published.documents:
        yield _entity(ftm_id(d["uid"]), "Pages", _props(
            title=d.get("title") or doc_files[d["sha256"]].rsplit("/", 1)[-1],
            fileName=doc_files[d["sha256"]].rsplit("/", 1)[-1], mimeType="application/pdf",
            contentHash=file_hashes.get(d["sha256"]), date=d.get("doc_date"),
            summary=" → ".join(p for p in (d.get("sender"), d.get("recipient")) if p)))
    proofs: dict[str, list[str]] = {}
    pairs: dict[tuple[str, str], list[int]] = {}
    for m in published.mentions:
        if m.get("status", "accepted") != "accepted":  # a suggestion counts only once accepted
            continue
        proofs.setdefault(m["entity"], []).append(ftm_id(docs[m["document"]]["uid"]))
        pairs.setdefault((m["document"], m["entity"]), []).append(m["page"])
    things: set[str] = set()
    for e in published.entities:
        schema = SCHEMA_FOR_TYPE.get(e["type"])
        if schema is None or e.get("merged_into"):
            continue
        things.add(e["uid"])
        aliases = [a["alias"] for a in e["aliases"] if a["alias"] != e["name"]]
        name_key = "title" if schema == "Contract" else "name"
        extra = {"full": e["name"]} if schema == "Address" else {}
        if schema == "Contract":
            extra["name"] = e["name"]
        if schema == "BankAccount":
            extra["accountNumber"] = e["name"]
        yield _entity(ftm_id(e["uid"]), schema, _props(
            **{name_key: e["name"]}, **extra, alias=aliases, description=e.get("description"),
            proof=proofs.get(e["uid"], [])))
    for (sha, ent_uid), pages in pairs.items():
        if ent_uid not in things:
            continue
        doc_uid = docs[sha]["uid"]
        yield _entity(ftm_id(f"{doc_uid}-{ent_uid}"), "Documentation", _props(
            document=ftm_id(doc_uid), entity=ftm_id(ent_uid), role="mentioned",
            summary=f"pages {', '.join(str(p) for p in sorted(set(pages)))}"))
    for link in published.document_links:
        yield _entity(ftm_id(link["uid"]), "UnknownLink", _props(
            subject=ftm_id(docs[link["source"]]["uid"]), object=ftm_id(docs[link["target"]]["uid"]),
            role=link["kind"], summary=link.get("quote")))
    for el in published.entity_links:
        if el["source"] in things and el["target"] in things:
            yield _entity(ftm_id(el["uid"]), "UnknownLink", _props(
                subject=ftm_id(el["source"]), object=ftm_id(el["target"]), role=el["kind"],
                summary=el.get("note")))
    for n in published.notes:
        if n["document"] is not None:
            yield _entity(ftm_id(n["uid"]), "Note", _props(
                entity=ftm_id(docs[n["document"]]["uid"]), description=n["text"]))


def ftm_jsonl(entities: Iterator[dict[str, Any]]) -> str:
    """One entity per line, as Aleph's loader reads them."""
    return "".join(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n" for entity in entities)
