"""What a redaction box removes, and where else in the document the same text is.

Shown before anything is marked (`redact … --preview`) and after a region is
marked, so that every other copy — white, invisible, `/ActualText`, or simply a
second mention — can be redacted too: export refuses a file in which covered
text can still be extracted anywhere. Scanned pages add the OCR words the box
overlaps (the case's words; the file's own text layer may be misaligned)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Redaction
from evidence_desk.core.documents import resolve_page
from evidence_desk.core.filetypes import PDF
from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.pdf.redact_plan import Coverage, Occurrence
from evidence_desk.core.sandbox import SandboxWorker

COVERED = "evidence_desk.core.pdf.covered.covered"


@dataclass
class BoxPreview:
    rect: Rect
    removes: str  # the text the box removes, as the export will
    hidden: int = 0  # of its glyphs, how many are invisible, white or transparent
    replaced: list[str] = field(default_factory=list)  # /ActualText read there
    ocr_words: list[str] = field(default_factory=list)  # the case's OCR words under it
    images: int = 0
    paths: int = 0
    clip_paths: int = 0

    def to_json(self) -> dict[str, object]:
        return {"rect": [round(v, 2) for v in self.rect.as_tuple()], "removes": self.removes,
                "hidden_glyphs": self.hidden, "replacement_text": self.replaced, "ocr_words": self.ocr_words,
                "images": self.images, "paths": self.paths, "clip_paths": self.clip_paths}


@dataclass
class Preview:
    document_id: int
    page: int
    boxes: list[BoxPreview]
    elsewhere: list[Occurrence]

    def to_json(self) -> dict[str, object]:
        return {"doc": self.document_id, "page": self.page, "boxes": [b.to_json() for b in self.boxes],
                "elsewhere": [{"page": o.page, "rect": [round(v, 2) for v in o.rect], "text": o.text,
                               "how": o.how} for o in self.elsewhere]}


def _other_boxes(case: Case, doc_id: int) -> dict[int, list[tuple[float, float, float, float]]]:
    with case.read() as s:
        rows = s.execute(select(Redaction).where(Redaction.document_id == doc_id,
                                                 Redaction.status != "rejected")).scalars().all()
        out: dict[int, list[tuple[float, float, float, float]]] = {}
        for r in rows:
            out.setdefault(r.page_number, []).append(Rect.normalized(r.x0 or 0, r.y0 or 0, r.x1 or 0,
                                                                     r.y1 or 0).as_tuple())
        return out


def preview_boxes(case: Case, doc_ref: str | int, page: int, rects: Sequence[Rect],
                  texts: Sequence[str | None] = (), timeout: float = 120.0) -> Preview:
    """What these boxes on one page would remove, and every other occurrence of it in the
    document outside the redactions it already has."""
    with case.read() as s:
        doc, pg = resolve_page(s, doc_ref, page)
        doc_id, media_type, sha = doc.id, doc.media_type, doc.sha256
        words = [Word.from_row(r) for r in pg.words or []]
        ocr = pg.text_source == "ocr"
    boxes = [BoxPreview(r, "") for r in rects]
    for box in boxes:
        if ocr:
            box.ocr_words = [w.text for w in words if w.rect.intersects(box.rect)]
    coverage = Coverage()
    if media_type == PDF:
        with SandboxWorker() as worker:
            coverage = worker.call(COVERED, case.originals.source_of(sha), page,
                                   [r.as_tuple() for r in rects], list(texts), _other_boxes(case, doc_id),
                                   timeout=timeout)
    for box, found in zip(boxes, coverage.boxes, strict=False):
        box.removes, box.hidden, box.replaced = found.text, found.hidden_glyphs, found.replaced
        box.images, box.paths, box.clip_paths = found.images, found.paths, found.clip_paths
    for box in boxes:
        if not box.removes and box.ocr_words:
            box.removes = " ".join(box.ocr_words)
    return Preview(doc_id, page, boxes, list(coverage.elsewhere))
