"""Scans whose text layer does not sit on the ink (runs in the export worker).

A scanned page's words in the case come from its text layer, which another
program may have placed beside the ink it describes. So before a scan is burned
its picture is read again with Tesseract, and the two are tied by their text:

- a word whose *pixels* a box covers is removed from the text layer wherever
  the layer put it (a rectangle over the ink leaves no word behind);
- the pixels of every word the boxes remove from the layer are burned too,
  wherever the ink is (a pattern redaction leaves no readable ink behind).

Without Tesseract the case's word boxes are all there is: the export goes on, and
says so in its warnings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.pdf.redact_plan import Box
from evidence_desk.core.text.fold import fold_key  # OCR and layer words compared as search does

PAD_PT = 1.0  # around a word's ink when it is burned


def _overlaps(a: Box, b: Box) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@dataclass
class ScanDecision:
    burn: list[Box] = field(default_factory=list)  # extra regions to burn (points)
    keep_words: list[list[Any]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # texts taken out of the text layer
    seen: list[Box] = field(default_factory=list)  # every word read in the pixels (points)
    warning: str | None = None


def _centre(rect: Sequence[float]) -> tuple[float, float]:
    return (float(rect[0]) + float(rect[2])) / 2, (float(rect[1]) + float(rect[3])) / 2


def _distance(a: Sequence[float], b: Sequence[float]) -> float:
    (ax, ay), (bx, by) = _centre(a), _centre(b)
    return ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5


def decide(picture: Image.Image, scale: tuple[float, float], boxes: Sequence[Box],
           keep_words: Sequence[Sequence[Any]], removed_words: Sequence[Sequence[Any]],
           languages: str) -> ScanDecision:
    """Read the picture again and tie its words to the text layer's (see the module).
    Words are tied by text and counted: a text the page shows k times outside the
    boxes keeps k words in the layer (the nearest go), and only ink the layer no
    longer accounts for is burned (nearest the removed words first)."""
    from evidence_desk.core.ocr.tesseract import recognise

    out = ScanDecision(keep_words=[list(w) for w in keep_words], removed=[str(w[4]) for w in removed_words])
    if not boxes:
        return out
    sx, sy = scale
    try:
        seen = recognise(picture.convert("L"), languages, dpi=72.0 * sx)
    except EvidenceDeskError as exc:
        out.warning = f"the scan could not be read again to find ink its text layer misplaces ({exc})"
        return out
    inside: dict[str, list[Box]] = {}
    outside: dict[str, list[Box]] = {}
    for w in seen:
        key = fold_key(w.text)
        if not key:
            continue
        rect = (w.left / sx, w.top / sy, (w.left + w.width) / sx, (w.top + w.height) / sy)
        out.seen.append(rect)
        (inside if any(_overlaps(rect, b) for b in boxes) else outside).setdefault(key, []).append(rect)
    # 1. ink under a box: its word leaves the layer, wherever the layer put it
    for key, rects in inside.items():
        layer = [w for w in out.keep_words if fold_key(str(w[4])) == key]
        extra = len(layer) - len(outside.get(key, []))
        if extra <= 0:
            continue
        layer.sort(key=lambda w: min(_distance(w[:4], r) for r in rects))
        drop = {id(w) for w in layer[:extra]}
        out.removed += [str(w[4]) for w in layer[:extra]]
        out.keep_words = [w for w in out.keep_words if id(w) not in drop]
    # 2. a word taken from the layer: its ink is burned, wherever it is
    for key in {fold_key(str(w[4])) for w in removed_words} - {""}:
        ink = list(outside.get(key, []))
        explained = sum(fold_key(str(w[4])) == key for w in out.keep_words)
        extra = len(ink) - explained
        if extra <= 0:
            continue
        near = [w for w in removed_words if fold_key(str(w[4])) == key]
        ink.sort(key=lambda r: min(_distance(r, w[:4]) for w in near))
        out.burn += [(r[0] - PAD_PT, r[1] - PAD_PT, r[2] + PAD_PT, r[3] + PAD_PT) for r in ink[:extra]]
    return out
