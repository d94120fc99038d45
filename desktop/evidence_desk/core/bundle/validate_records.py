"""`records.json` from a colleague's bundle is untrusted data: every field is checked
for type and bounds before any of it is planned or written.

The checksums only prove the file is what its author wrote, not that it is sane:
a hostile or broken writer could put a megabyte where a uid goes, a string where a
page number goes, or a date nobody can parse. Each problem is named by record
kind, index and field."""

from __future__ import annotations

import math
import re
from datetime import datetime
from typing import Any

from evidence_desk.core.bundle.records import FORMAT, CaseRecords
from evidence_desk.core.errors import BundleRefusedError

UID = re.compile(r"^[0-9a-f]{32}$")
SHA = re.compile(r"^[0-9a-f]{64}$")
MAX_TEXT = 1_000_000
MAX_SHORT = 4096

RECT = {"x0": "num?", "y0": "num?", "x1": "num?", "y1": "num?"}
SPEC: dict[str, dict[str, str]] = {
    "documents": {"sha256": "sha", "uid": "uid", "filename": "short", "media_type": "short", "size_bytes": "int",
                  "page_count": "int", "title": "text?", "kind": "short?", "doc_date": "short?",
                  "reference": "short?", "languages": "short?", "sender": "text?", "recipient": "text?",
                  "review_status": "short", "imported_at": "time", "imported_by": "short", "id": "int",
                  "pages": "list", "provenance": "dict?"},
    "entities": {"uid": "uid", "type": "short", "name": "short", "description": "text?", "merged_into": "uid?",
                 "created_at": "time", "aliases": "list", "id": "int"},
    "mentions": {"uid": "uid", "entity": "uid", "document": "sha", "page": "int", "quote": "text?", **RECT,
                 "origin": "short", "status": "short", "author": "short", "created_at": "time", "id": "int"},
    "document_links": {"uid": "uid", "kind": "short", "source": "sha", "target": "sha", "page": "int?",
                       "quote": "text?", **RECT, "origin": "short", "note": "text?", "author": "short",
                       "created_at": "time", "id": "int"},
    "entity_links": {"uid": "uid", "kind": "short", "source": "uid", "target": "uid", "evidence": "list",
                     "note": "text?", "author": "short", "created_at": "time", "id": "int"},
    "redactions": {"uid": "uid", "document": "sha", "page": "int", **RECT, "match_text": "text?",
                   "group_uid": "uid?", "reason": "short", "note": "text?", "status": "short", "author": "short",
                   "reviewer": "short?", "created_at": "time", "decided_at": "time?", "id": "int"},
    "notes": {"uid": "uid", "document": "sha?", "page": "int?", **RECT, "text": "text", "author": "short",
              "created_at": "time", "updated_at": "time?", "internal": "bool", "id": "int"},
    "custody": {"uid": "uid", "document": "sha", "at": "time", "actor": "short", "kind": "short",
                "action": "text", "counterpart": "text?", "id": "int"},
    "reason_codes": {"code": "short", "label": "short", "builtin": "bool"},
}
PROVENANCE = {"source_code": "short?", "source_identity": "text?", "received_at": "short?",
              "received_by": "short?", "method": "text?", "verification_status": "short",
              "confidence": "short?", "verification_reasoning": "text?", "notes": "text?",
              "original_path": "text?", "file_times": "dict?", "app_version": "short?"}


class BadRecordsError(BundleRefusedError):
    """The bundle's records are not what Evidence Desk writes; nothing was merged."""


def _ok(value: Any, kind: str) -> bool:
    optional = kind.endswith("?")
    kind = kind.rstrip("?")
    if value is None:
        return optional
    checks = {
        "uid": lambda v: isinstance(v, str) and UID.match(v) is not None,
        "sha": lambda v: isinstance(v, str) and SHA.match(v) is not None,
        "short": lambda v: isinstance(v, str) and len(v) <= MAX_SHORT,
        "text": lambda v: isinstance(v, str) and len(v) <= MAX_TEXT,
        "int": lambda v: isinstance(v, int) and not isinstance(v, bool) and 0 <= v < 2**53,
        "num": lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
        and abs(v) < 1e7,
        "bool": lambda v: isinstance(v, bool),
        "list": lambda v: isinstance(v, list),
        "dict": lambda v: isinstance(v, dict),
        "time": lambda v: isinstance(v, str) and len(v) <= 40 and _is_time(v),
    }
    return bool(checks[kind](value))


def _is_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _check(kind: str, index: int, row: Any, spec: dict[str, str]) -> None:
    if not isinstance(row, dict):
        raise BadRecordsError(f"records.json: {kind}[{index}] is not an object")
    for name, type_ in spec.items():
        if not _ok(row.get(name), type_):
            raise BadRecordsError(f"records.json: {kind}[{index}].{name} is missing or not a valid "
                                  f"{type_.rstrip('?')}")


def _check_page(index: int, page: Any) -> None:
    spec = {"number": "int", "width": "num", "height": "num", "rotation": "int", "text_source": "short",
            "text": "text?", "words": "list?", "ocr_engine": "short?", "ocr_languages": "short?",
            "ocr_confidence": "num?"}
    _check("documents.pages", index, page, spec)


def parse_records(data: Any) -> CaseRecords:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadRecordsError(f"records.json is not {FORMAT}")
    for kind, spec in SPEC.items():
        rows = data.get(kind, [])
        if not isinstance(rows, list):
            raise BadRecordsError(f"records.json: {kind} is not a list")
        for index, row in enumerate(rows):
            _check(kind, index, row, spec)
            if kind == "documents":
                for page in row["pages"]:
                    _check_page(index, page)
                if row["provenance"] is not None:
                    _check(f"documents[{index}].provenance", 0, row["provenance"], PROVENANCE)
            if kind == "entities":
                for alias in row["aliases"]:
                    _check(f"entities[{index}].aliases", 0, alias, {"alias": "short", "language": "short?"})
            if kind == "entity_links" and not all(_ok(u, "uid") for u in row["evidence"]):
                raise BadRecordsError(f"records.json: entity_links[{index}].evidence holds a bad uid")
    for kind in ("documents", "entities", "mentions", "document_links", "entity_links", "redactions", "notes",
                 "custody"):
        key = "sha256" if kind == "documents" else "uid"
        keys = [r[key] for r in data.get(kind, [])]
        if len(keys) != len(set(keys)):
            raise BadRecordsError(f"records.json: two {kind} share one id")
    if not isinstance(data.get("case_uid"), str | None):
        raise BadRecordsError("records.json: case_uid is not a string")
    return CaseRecords.from_json(data)
