"""Provenance: where a document came from and its chain of custody.

The source is recorded as a code name only (e.g. SOURCE-KESTREL): the case must
never hold a source's identity in clear. Every change is an audited edit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import CustodyEvent, Provenance
from evidence_desk.core.documents import resolve
from evidence_desk.core.edits import Batch, CreateRecord, Edit, UpdateRecord
from evidence_desk.core.errors import InvalidInputError

VERIFICATION_STATUSES = ("unverified", "partly_verified", "verified", "disputed")
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
    custody: str | None = None  # one new chain-of-custody event


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
        if update.verification not in VERIFICATION_STATUSES:
            raise InvalidInputError(f"verification must be one of {', '.join(VERIFICATION_STATUSES)}")
        changes["verification_status"] = update.verification
    if update.confidence is not None:
        if update.confidence not in CONFIDENCE_LEVELS:
            raise InvalidInputError(f"confidence must be one of {', '.join(CONFIDENCE_LEVELS)}")
        changes["confidence"] = update.confidence
    if update.notes is not None:
        changes["notes"] = update.notes
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
        steps.append(CreateRecord("custody_events", {"document_id": doc.id, "actor": case.author,
                                                     "action": update.custody.strip()}, label="custody.add"))
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
            "custody": [{"at": e.at.isoformat(), "actor": e.actor, "action": e.action} for e in events],
        }
