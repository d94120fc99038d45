"""Turning the failed redactions a document came with (boxes drawn over text that
can still be extracted, found at import) into real redactions, in one step.

The boxes are found again on the original, in a sandbox worker: the import
warnings are text for people, not coordinates to trust."""

from __future__ import annotations

from collections import defaultdict

from evidence_desk.core.case import Case
from evidence_desk.core.commands.redaction import MarkRedaction, Spot
from evidence_desk.core.documents import resolve
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.filetypes import PDF
from evidence_desk.core.geometry import Rect
from evidence_desk.core.sandbox import SandboxWorker

FAILED_BOXES = "evidence_desk.core.pdf.xray.failed_boxes"


def find_failed_redactions(case: Case, doc_ref: str | int, timeout: float = 120.0) -> list[tuple[int, Rect, str]]:
    """(page, box, covered text) for every failed redaction in a document's original."""
    with case.read() as s:
        doc = resolve(s, doc_ref)
        media_type, sha = doc.media_type, doc.sha256
    if media_type != PDF:
        return []
    with SandboxWorker() as worker:
        found = worker.call(FAILED_BOXES, case.originals.source_of(sha), timeout=timeout)
    return [(int(page), Rect(*map(float, box)), str(text)) for page, box, text in found]


def redact_failed_edit(case: Case, doc_ref: str | int, reason: str, *, status: str = "approved",
                       note: str | None = None) -> MarkRedaction:
    """One command redacting every failed redaction of a document (undoable as one step)."""
    return failed_redactions_command(find_failed_redactions(case, doc_ref), doc_ref, reason,
                                     status=status, note=note)


def failed_redactions_command(found: list[tuple[int, Rect, str]], doc_ref: str | int, reason: str, *,
                              status: str = "approved", note: str | None = None) -> MarkRedaction:
    """The command for failed redactions already found (the window shows them first)."""
    if not found:
        raise InvalidInputError("this document has no failed redactions (no box over live text)")
    by_page: dict[int, list[Rect]] = defaultdict(list)
    for page, box, _text in found:
        by_page[page].append(box)
    note = note or "covers a failed redaction found at import"
    return MarkRedaction([Spot(doc_ref, page, tuple(rects)) for page, rects in sorted(by_page.items())],
                         reason, note=note, status=status)
