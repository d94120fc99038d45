"""`export-ftm OUT.json`: the case as FollowTheMoney entities, one JSON object a line, for
`alephclient write-entities` or the OpenAleph client.

The same entities a bundle's `entities.ftm.json` carries (documents as `Pages`,
entities in the schema their type maps to, a `Documentation` per
document ↔ entity pair, links, notes), plus one FtM `Mention` per tagged mention: the
words on the page (`name`), the document, the entity it was resolved to and the
schema detected, so Aleph shows where each name occurs. With the internal profile each
document also carries the SHA-1 of its original as `contentHash`, the key Aleph's
archive stores a file under, so an original uploaded to the same collection is the
same document (FtM checksums are SHA-1; the SHA-256 stays the case's own address).
Written from the same
profile view as a bundle (publication by default: no source identity, no redacted
text), to a temporary file replaced into place only when complete."""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.core import audit, confine
from evidence_desk.core.bundle.ftm import SCHEMA_FOR_TYPE, ftm_entities, ftm_id
from evidence_desk.core.bundle.layout import sanitised_name
from evidence_desk.core.bundle.publish import published_records
from evidence_desk.core.bundle.records import CaseRecords, read_records
from evidence_desk.core.bundle.scrub import PROFILES, build_scrubber
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import InvalidInputError


@dataclass(frozen=True)
class FtmExportResult:
    output: Path
    profile: str
    documents: int
    entities: int
    schemata: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"output": str(self.output), "profile": self.profile, "documents": self.documents,
                "entities": self.entities, "schemata": self.schemata}


def mention_entities(published: CaseRecords) -> Iterator[dict[str, Any]]:
    """One FtM `Mention` for each mention whose entity became a Thing in the export."""
    docs = {d["sha256"]: d for d in published.documents}
    things = {e["uid"]: SCHEMA_FOR_TYPE[e["type"]] for e in published.entities
              if e["type"] in SCHEMA_FOR_TYPE and not e.get("merged_into")}
    for m in published.mentions:
        schema = things.get(m["entity"])
        quote = (m.get("quote") or "").strip()
        if schema is None or not quote or m["document"] not in docs or m.get("status") != "accepted":
            continue
        yield {"id": ftm_id(m["uid"]), "schema": "Mention",
               "properties": {"name": [quote], "document": [ftm_id(docs[m["document"]]["uid"])],
                              "resolved": [ftm_id(m["entity"])], "detectedSchema": [schema]}}


def _doc_ids(case: Case, refs: tuple[str, ...]) -> list[int]:
    with case.read() as s:
        if refs:
            return sorted({resolve(s, ref).id for ref in refs})
        return list(s.execute(select(Document.id).order_by(Document.id)).scalars())


def _check_output(output: Path) -> Path:
    output = output.expanduser().absolute()
    if not output.parent.is_dir():
        raise InvalidInputError(f"{output.parent} does not exist; create the folder first")
    if output.is_dir():
        raise InvalidInputError(f"{output} is a folder; give a file name such as entities.json")
    return output


def export_ftm(case: Case, output: Path | str, *, profile: str = "publication",
               documents: tuple[str, ...] = ()) -> FtmExportResult:
    if profile not in PROFILES:
        raise InvalidInputError(f"the profile is one of {', '.join(PROFILES)}")
    target = _check_output(Path(output))
    doc_ids = _doc_ids(case, documents)
    records = read_records(case, doc_ids)
    published = published_records(records, build_scrubber(case, records, profile))
    # File names as a bundle of the same case names its sanitised PDFs, so a team that
    # uploads those files to Aleph finds them under the same names.
    files = {d["sha256"]: (d.get("filename") or sanitised_name(d["uid"])) for d in published.documents}
    hashes = ({d["sha256"]: case.originals.hash_file(d["sha256"], "sha1") for d in published.documents}
              if profile == "internal" else {})
    schemata: dict[str, int] = {}
    part = confine.part_path(target)
    try:
        with open(part, "w", encoding="utf-8") as fh:
            for entity in (*ftm_entities(published, files, hashes), *mention_entities(published)):
                fh.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
                schemata[entity["schema"]] = schemata.get(entity["schema"], 0) + 1
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(part, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
    result = FtmExportResult(target, profile, len(published.documents), sum(schemata.values()),
                             dict(sorted(schemata.items())))
    with case.write() as s:
        audit.append(s, author=case.author, action="export.ftm", target_type="case", target_id=None,
                     data={"file": target.name, "profile": profile, "documents": result.documents,
                           "entities": result.entities})
    return result
