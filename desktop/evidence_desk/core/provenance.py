"""Provenance: where a document came from and its chain of custody.

The source is recorded by code name (e.g. SOURCE-KESTREL). A real identity, if a
desk records one at all, goes in `source_identity`, which only the internal
bundle profile carries. Changes are commands (`core.commands.provenance`). What the importer knew
about the file (its path, times, size, hash, the importer and the version) is
recorded with the document at import and shown here."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.provenance import (  # noqa: F401 - the names callers know
    CONFIDENCE_LEVELS,
    LEGACY_STATUSES,
    VERIFICATION_STATUSES,
    ProvenanceUpdate,
    SetProvenance,
)
from evidence_desk.core.db.models import CustodyEvent, Provenance
from evidence_desk.core.documents import resolve


def update_edit(case: Case, doc_ref: str | int, update: ProvenanceUpdate) -> SetProvenance:
    """The command recording `update` for a document (checked when applied)."""
    return SetProvenance(doc_ref, update)


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
