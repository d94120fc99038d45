"""The investigator's own records in the demo case: provenance, custody, notes.

They come from the templates (each document's `[provenance]` and `notes`, the
case's `[[notes]]`) and are written through the same audited edits the CLI and
the GUI use, so the demo's audit log looks like a real case's."""

from __future__ import annotations

from typing import Any

from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Combined, Command
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.provenance import ProvenanceUpdate, SetProvenance
from evidence_desk.core.demo.corpus import DocTemplate
from evidence_desk.core.progress import Progress


def _provenance_edits(doc_id: int, prov: dict[str, Any]) -> list[Command]:
    edits: list[Command] = []
    if not prov:
        return edits
    edits.append(SetProvenance(doc_id, ProvenanceUpdate(
        source=prov.get("source"), received=prov.get("received"), method=prov.get("method"),
        confidence=prov.get("confidence"), verification=prov.get("verification"))))
    # Each custody step is its own event, in order, as a desk would record them.
    edits.extend(SetProvenance(doc_id, ProvenanceUpdate(custody=step))
                 for step in prov.get("custody", ()))
    return edits


def add_demo_records(case: Case, documents: dict[int, DocTemplate], case_notes: list[str],
                     progress: Progress) -> None:
    """Provenance and notes for each imported demo document (by id), and case notes."""
    progress.update(label="Recording provenance and notes", total=len(documents) + 1, done=0)
    for doc_id, tpl in documents.items():
        progress.raise_if_cancelled()
        steps = _provenance_edits(doc_id, tpl.provenance)
        steps.extend(AddNote(doc_id, text, page=1) for text in tpl.notes)
        if steps:
            case.apply(Combined(steps, f"Provenance and notes of document {doc_id}", action="demo_records"))
        progress.advance(1, detail=tpl.filename)
    for text in case_notes:
        case.apply(AddNote(None, text))
    progress.advance(1)
