"""Provenance and chain of custody: `set_provenance` (source code name, received date,
method, verification, confidence, notes) and `record_custody` (one custody event).
The source is a code name only: the case must never hold a source's identity in clear."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import CUSTODY_KINDS, CustodyEvent, Provenance
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import InvalidInputError

VERIFICATION_STATUSES = ("unverified", "corroborated", "authenticated", "disputed")
# Round 1's names, still accepted (migration 0002_provenance renamed the stored values).
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


def provenance_changes(update: ProvenanceUpdate) -> dict[str, Any]:
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
    return changes


@dataclass
class SetProvenance(Command):
    """Record where a document came from, and/or one chain-of-custody event, as one step."""

    doc: str | int
    update: ProvenanceUpdate
    document_id: int | None = field(default=None, init=False)
    _changes: dict[str, Any] = field(default_factory=dict, init=False)

    @property
    def action(self) -> str:  # type: ignore[override]
        only_custody = self.update.custody and not provenance_changes(self.update)
        return "record_custody" if only_custody else "set_provenance"

    def run(self, rows: Rows) -> None:
        changes = provenance_changes(self.update)
        custody = (self.update.custody or "").strip()
        if not changes and not custody:
            raise InvalidInputError("nothing to record: give --source, --received, --method, --verification, "
                                    "--confidence or --custody")
        doc = resolve(rows.session, self.doc)
        self.document_id, self._changes = doc.id, changes
        if changes:
            prov = rows.get(Provenance, doc.id)
            if prov is None:
                rows.insert(Provenance, document_id=doc.id, **changes)
            else:
                rows.update(prov, **changes)
        if custody:
            rows.insert(CustodyEvent, document_id=doc.id, actor=rows.author, action=custody,
                        kind=self.update.custody_kind,
                        counterpart=(self.update.counterpart or "").strip() or None)

    def title(self) -> str:
        if self.action == "record_custody":
            return f"Custody of document {self.document_id}: {self.update.custody}"
        return f"Provenance of document {self.document_id}"

    def intent(self) -> dict[str, Any]:
        return {"document": self.document_id, **self._changes,
                **({"custody": self.update.custody, "custody_kind": self.update.custody_kind}
                   if self.update.custody else {})}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("documents", self.document_id)
