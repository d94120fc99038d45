"""The investigator's own records in the demo case: provenance, custody, notes.

They come from the templates (each document's `[provenance]` and `notes`, the
case's `[[notes]]`) and are written through the same audited edits the CLI and
the GUI use, so the demo's audit log looks like a real case's."""

from __future__ import annotations

from typing import Any

from evidence_desk.core.case import Case
from evidence_desk.core.demo.corpus import DocTemplate
from evidence_desk.core.edits import Batch, Edit
from evidence_desk.core.notes import add_note_edit
from evidence_desk.core.progress import Progress
from evidence_desk.core.provenance import ProvenanceUpdate, update_edit


def _provenance_edits(case: Case, doc_id: int, prov: dict[str, Any]) -> list[Edit]:
    edits: list[Edit] = []
    if not prov:
        return edits
    edits.append(update_edit(case, doc_id, ProvenanceUpdate(
        source=prov.get("source"), received=prov.get("received"), method=prov.get("method"),
        confidence=prov.get("confidence"), verification=prov.get("verification"))))
    # Each custody step is its own event, in order, as a desk would record them.
    edits.extend(update_edit(case, doc_id, ProvenanceUpdate(custody=step))
                 for step in prov.get("custody", ()))
    return edits


def add_demo_records(case: Case, documents: dict[int, DocTemplate], case_notes: list[str],
                     progress: Progress) -> None:
    """Provenance and notes for each imported demo document (by id), and case notes."""
    progress.update(label="Recording provenance and notes", total=len(documents) + 1, done=0)
    for doc_id, tpl in documents.items():
        progress.raise_if_cancelled()
        steps = _provenance_edits(case, doc_id, tpl.provenance)
        steps.extend(add_note_edit(case, doc_id, text, page=1) for text in tpl.notes)
        if steps:
            case.apply(Batch(steps, label="demo.records", target_hint=("documents", doc_id)))
        progress.advance(1, detail=tpl.filename)
    for text in case_notes:
        case.apply(add_note_edit(case, None, text))
    progress.advance(1)
