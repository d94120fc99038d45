"""Failed redactions a document arrived with (boxes over text that can still be extracted,
found by x-ray at import), and whether the case has redacted each one since.

Read from the import warnings (`core/pdf/xray.py` writes one per box, with its place in
whole points): good enough to draw and count; the repair itself (`core/redaction/failed.py`)
finds the boxes again on the original, exactly."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.queries.redactions import RedactionView, list_redactions

_WARNING = re.compile(r"^page (\d+): failed redaction — .*? at (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) "
                      r"covers text that can still be extracted \(\"(.*?)\"\)", re.DOTALL)


@dataclass(frozen=True)
class FailedRedaction:
    page: int
    rect: Rect
    text: str  # the covered text, as the warning quotes it (up to 40 characters)
    fixed: bool  # a proposed or approved redaction of the case now covers it


def parse_warnings(warnings: Iterable[str]) -> list[tuple[int, Rect, str]]:
    out = []
    for warning in warnings:
        m = _WARNING.match(warning)
        if m:
            x0, y0, x1, y1 = (float(v) for v in m.group(2, 3, 4, 5))
            out.append((int(m.group(1)), Rect(x0, y0, x1, y1), m.group(6)))
    return out


def _covered(box: Rect, page: int, redactions: list[RedactionView]) -> bool:
    cx, cy = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return any(r.page == page and r.status != "rejected" and r.rect.x0 <= cx <= r.rect.x1
               and r.rect.y0 <= cy <= r.rect.y1 for r in redactions)


def failed_redactions(case: Case, doc_id: int, warnings: Iterable[str] | None = None) -> list[FailedRedaction]:
    """Every failed redaction of a document, each marked fixed once a redaction covers it."""
    if warnings is None:
        from evidence_desk.core.queries.documents import (
            document_summary,  # it imports this module's peers
        )

        warnings = document_summary(case, doc_id).warnings
    found = parse_warnings(warnings)
    if not found:
        return []
    redactions = list_redactions(case, doc_id)
    return [FailedRedaction(page, rect, text, _covered(rect, page, redactions)) for page, rect, text in found]


def open_counts(case: Case, documents: Iterable[tuple[int, Iterable[str]]]) -> dict[int, int]:
    """Failed redactions not yet redacted, per document id (documents without any are left out)."""
    counts = {}
    for doc_id, warnings in documents:
        still = sum(1 for f in failed_redactions(case, doc_id, list(warnings)) if not f.fixed)
        if still:
            counts[doc_id] = still
    return counts
