"""What the viewer shows of a case, built from core's read models (`core.queries`):
the document's layout, its pages' text layers and the overlays drawn on them.

Quick reads, no widgets and no parsing: a document opens from its page rows alone,
however many pages it has. Everything is in PDF points of the unrotated page."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.annotations import document_mentions, document_notes
from evidence_desk.core.queries.failed_redactions import failed_redactions
from evidence_desk.core.queries.pages import DocumentLayout, document_layout, page_word_rows
from evidence_desk.core.queries.redactions import list_redactions
from evidence_desk.ui.viewer.text_layer import TextLayer

NOTE_TIP_CHARS = 300


@dataclass(frozen=True)
class Overlay:
    kind: str  # mention | redaction | note | failed_redaction
    id: int
    page: int
    rect: Rect | None  # None: the whole page (a page note)
    style: str  # entity type, redaction status, or "note"
    label: str  # tooltip
    status: str = ""


def load_document(case: Case, doc_id: int) -> DocumentLayout:
    return document_layout(case, doc_id)


def load_words(case: Case, doc_id: int, pages: Iterable[int]) -> dict[int, TextLayer]:
    return {number: TextLayer(rows) for number, rows in page_word_rows(case, doc_id, pages).items()}


def load_overlays(case: Case, doc_id: int) -> dict[int, list[Overlay]]:
    """Every mention, redaction and note of a document, by page number."""
    by_page: dict[int, list[Overlay]] = defaultdict(list)
    for m in document_mentions(case, doc_id):
        if m.rect is None:
            continue  # a quote-only mention has no place to draw
        label = f"{m.entity} ({m.entity_type.replace('_', ' ')})"
        if m.status == "suggested":
            label += " — suggested"
        by_page[m.page].append(Overlay("mention", m.id, m.page, m.rect, m.entity_type, label, m.status))
    for r in list_redactions(case, doc_id):
        if r.rect.is_empty:
            continue
        label = f"Redaction ({r.status}): {r.reason}" + (f" — {r.note}" if r.note else "")
        by_page[r.page].append(Overlay("redaction", r.id, r.page, r.rect, r.status, label, r.status))
    for n in document_notes(case, doc_id):
        if n.page is None:
            continue  # a document note belongs to no page
        text = n.text if len(n.text) <= NOTE_TIP_CHARS else n.text[:NOTE_TIP_CHARS] + "…"
        by_page[n.page].append(Overlay("note", n.id, n.page, n.rect, "note",
                                       f"{n.author}: {text}" if n.author else text))
    for number, f in enumerate(failed_redactions(case, doc_id)):
        if not f.fixed:  # once redacted the redaction's own box shows instead
            by_page[f.page].append(Overlay(
                "failed_redaction", number, f.page, f.rect, "failed",
                QCoreApplication.translate("Viewer", "Failed redaction: the text under this box can still be "
                                           "extracted (“{text}”)").format(text=f.text)))
    return dict(by_page)


def failed_on_page(overlays: list[Overlay]) -> int:
    return sum(1 for o in overlays if o.kind == "failed_redaction")
