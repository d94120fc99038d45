"""What `redact --preview` prints: what each box removes, and the other copies of it."""

from __future__ import annotations

from collections.abc import Sequence

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.pdf.redact_plan import Occurrence
from evidence_desk.core.redaction.covered import Preview, preview_boxes
from evidence_desk.core.redaction.matching import Hit

MAX_PAGES = 50  # text previews look under the boxes of at most this many pages


def describe(preview: Preview) -> list[str]:
    lines = []
    for i, box in enumerate(preview.boxes, start=1):
        parts = [f"removes {box.removes!r}" if box.removes else "removes no text"]
        if box.hidden:
            parts.append(f"{box.hidden} of its glyphs hidden (white, invisible or transparent)")
        if box.replaced:
            parts.append(f"replacement text {', '.join(map(repr, box.replaced))}")
        if box.ocr_words:
            parts.append(f"OCR words {' '.join(box.ocr_words)!r}")
        for count, what in ((box.images, "image(s)"), (box.paths, "line-art path(s)"),
                            (box.clip_paths, "clip path(s)")):
            if count:
                parts.append(f"{count} {what}")
        lines.append(f"doc {preview.document_id} p.{preview.page} box {i}: " + "; ".join(parts))
    return lines


def copies(doc: int, elsewhere: Sequence[Occurrence]) -> list[str]:
    """Each other occurrence, with the command that redacts it."""
    lines = []
    for o in elsewhere:
        rect = " ".join(f"{v:.1f}" for v in o.rect)
        lines.append(f"also on p.{o.page} ({o.how}) {o.text!r}: redact {doc} --page {o.page} --rect {rect} "
                     "--reason CODE")
    if lines:
        lines.append(f"{len(elsewhere)} other occurrence(s): export refuses the file until they are redacted "
                     "(or add --with-copies)")
    return lines


def hit_previews(case: Case, hits: Sequence[Hit]) -> dict[tuple[int, int], Preview]:
    """One look per page under the boxes of the hits on it."""
    by_page: dict[tuple[int, int], list[Rect]] = {}
    texts: dict[tuple[int, int], list[str | None]] = {}
    for h in hits:
        by_page.setdefault((h.document_id, h.page), []).extend(h.rects)
        texts.setdefault((h.document_id, h.page), []).extend([h.text] * len(h.rects))
    out = {}
    for key in sorted(by_page)[:MAX_PAGES]:
        out[key] = preview_boxes(case, key[0], key[1], by_page[key], texts[key])
    return out
