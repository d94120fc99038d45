"""Provenance: where a document came from and its chain of custody.

The source is recorded by code name (e.g. SOURCE-KESTREL). A real identity, if a
desk records one at all, goes in `source_identity`, which only the internal
bundle profile carries. Every change is an audited edit. What the importer knew
about the file (its path, times, size, hash, the importer and the version) is
recorded with the document at import and shown here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import CUSTODY_KINDS, CustodyEvent, Provenance
from evidence_desk.core.documents import resolve
from evidence_desk.core.edits import Batch, CreateRecord, Edit, UpdateRecord
from evidence_desk.core.errors import InvalidInputError

VERIFICATION_STATUSES = ("unverified", "corroborated", "authenticated", "disputed")
# Round 1's names, still accepted (migration 0002 renamed the stored values).
LEGACY_STATUSES = {"partly_verified": "corroborated", "verified": "authenticated"}
CONFIDENCE_LEVELS = ("low", "medium", "high")
_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.\-]{0,63}$")


@dataclass(frozen=True)
class ProvenanceUpdate:
    source: str | None = None
    received: str | None = None
    method: str | None = None
    verification: str | None = None
    confidence: str | None = None
    notes: str | None = None
    custody: str | None = None  # one new chain-of-custody event…
    custody_kind: str = "received"  # …of this kind (CUSTODY_KINDS)
    counterpart: str | None = None  # …to or from whom
    received_by: str | None = None
    reasoning: str | None = None  # why the verification status is what it is
    identity: str | None = None  # the source's real identity: internal only


def _check_date(text: str) -> str:
    text = text.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(text)
            return text
        except ValueError:
            continue
    raise InvalidInputError(f"received date {text!r} is not an ISO date (YYYY-MM-DD or YYYY-MM-DDTHH:MM)")


def update_edit(case: Case, doc_ref: str | int, update: ProvenanceUpdate) -> Edit:
    changes: dict[str, Any] = {}
    if update.source is not None:
        if not _CODE.match(update.source):
            raise InvalidInputError("a source is recorded by code name only: letters, digits, space, '-', '_', "
                                    "'.'; at most 64 characters")
        changes["source_code"] = update.source
    if update.received is not None:
        changes["received_at"] = _check_date(update.received)
    if update.method is not None:
        changes["method"] = update.method.strip()
    if update.verification is not None:
        verification = LEGACY_STATUSES.get(update.verification, update.verification)
        if verification not in VERIFICATION_STATUSES:
            raise InvalidInputError(f"verification must be one of {', '.join(VERIFICATION_STATUSES)}")
        changes["verification_status"] = verification
    if update.confidence is not None:
        if update.confidence not in CONFIDENCE_LEVELS:
            raise InvalidInputError(f"confidence must be one of {', '.join(CONFIDENCE_LEVELS)}")
        changes["confidence"] = update.confidence
    if update.notes is not None:
        changes["notes"] = update.notes
    for key, value in (("received_by", update.received_by), ("verification_reasoning", update.reasoning),
                       ("source_identity", update.identity)):
        if value is not None:
            changes[key] = value.strip() or None
    if update.custody_kind not in CUSTODY_KINDS:
        raise InvalidInputError(f"a custody event is one of {', '.join(CUSTODY_KINDS)}")
    if not changes and not update.custody:
        raise InvalidInputError("nothing to record: give --source, --received, --method, --verification, "
                                "--confidence or --custody")
    with case.read() as s:
        doc = resolve(s, doc_ref)
        exists = s.get(Provenance, doc.id) is not None
    steps: list[Edit] = []
    if changes:
        if exists:
            steps.append(UpdateRecord("provenance", doc.id, changes, label="provenance.update"))
        else:
            steps.append(CreateRecord("provenance", {"document_id": doc.id, **changes}, label="provenance.add"))
    if update.custody:
        steps.append(CreateRecord("custody_events", {
            "document_id": doc.id, "actor": case.author, "action": update.custody.strip(),
            "kind": update.custody_kind, "counterpart": (update.counterpart or "").strip() or None,
        }, label="custody.add"))
    return Batch(steps, label="provenance.update", target_hint=("documents", doc.id))


def describe(case: Case, doc_ref: str | int) -> dict[str, Any]:
    with case.read() as s:
        doc = resolve(s, doc_ref)
        prov = s.get(Provenance, doc.id)
        events = s.execute(select(CustodyEvent).where(CustodyEvent.document_id == doc.id)
                           .order_by(CustodyEvent.at, CustodyEvent.id)).scalars().all()
        return {
            "document": doc.id,
            "sha256": doc.sha256,
            "filename": doc.filename,
            "imported_at": doc.imported_at.isoformat(),
            "imported_by": doc.imported_by,
            "source": prov.source_code if prov else None,
            "received": prov.received_at if prov else None,
            "method": prov.method if prov else None,
            "verification": prov.verification_status if prov else "unverified",
            "confidence": prov.confidence if prov else None,
            "notes": prov.notes if prov else None,
            "received_by": prov.received_by if prov else None,
            "reasoning": prov.verification_reasoning if prov else None,
            "identity": prov.source_identity if prov else None,
            "size_bytes": doc.size_bytes,
            "original_path": prov.original_path if prov else None,
            "file_times": dict(prov.file_times or {}) if prov else {},
            "app_version": prov.app_version if prov else None,
            "custody": [{"at": e.at.isoformat(), "actor": e.actor, "kind": e.kind, "action": e.action,
                         "counterpart": e.counterpart} for e in events],
        }


def import_facts(path: object, app_version: str) -> dict[str, Any]:
    """What the importer knows about a file besides its bytes: where it was and its times."""
    source = Path(str(path))
    facts: dict[str, Any] = {"original_path": str(source.absolute()), "app_version": app_version}
    try:
        st = source.stat()
    except OSError:
        return facts
    facts["file_times"] = {name: datetime.fromtimestamp(value, UTC).isoformat(timespec="seconds")
                           for name, value in (("modified", st.st_mtime), ("accessed", st.st_atime),
                                               ("status_changed", st.st_ctime))}
    return facts
