"""Width hiding on pages rebuilt from pixels (scans, and every page in flatten mode).

A burned box exactly as wide as the word under it, and the words after it where
that word's width left them, rank the word among candidate names as surely as
on a born-digital page (SECURITY.md, "Width leaks"). So on every text line a box
reaches, the box is burned at a width drawn independently of what it covers
(`widths.hidden_width`, in the line's own em) and the pixels to its right
on that line are moved to follow it, at the gap they had after the box. Nothing
left on the line then depends on the removed width: the text before the box is
untouched, the bar's width is random, and what follows starts a fixed gap after
the bar. The text layer's words move with their pixels.

Lines are found from word boxes (the page read again by Tesseract, or the case's
own words when it could not be read); a box on no line (a drawn region over a
picture) is burned as drawn. Pure Pillow: no PDF library here."""

from __future__ import annotations

import math
import random
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, ImageDraw, ImageStat

from evidence_desk.core.pdf.redact_plan import Box
from evidence_desk.core.pdf.widths import hidden_width

LINE_SHARE = 0.5  # a box reaches a line when it covers this share of the line's height
BAND_PAD_EM = 0.15  # around the reached lines' ink, into free space only
RIGHT_MARGIN_PT = 18.0  # the moved rest of a line ends before this (as on rebuilt text lines)
DARK = 128  # a grey level below this is ink (to find where a line's rest ends)
MIN_BAR_EM = 1.0


@dataclass
class HiddenBars:
    picture: Image.Image
    bars: list[Box]  # one per box, in the boxes' order: what is burned
    keep_words: list[list[Any]]  # the text layer's words, moved with their pixels
    hidden: list[tuple[float, float]] = field(default_factory=list)  # (box width, bar width) in points
    warnings: list[str] = field(default_factory=list)


def lines_of(words: Sequence[Sequence[float]]) -> list[Box]:
    """Word boxes (points) grouped into text lines by their vertical centres; each
    line is the union of its words (one band across the page, columns included)."""
    lines: list[list[float]] = []
    for w in sorted((tuple(float(v) for v in w[:4]) for w in words), key=lambda r: (r[1] + r[3]) / 2):
        if w[3] <= w[1] or w[2] <= w[0]:
            continue
        cy, h = (w[1] + w[3]) / 2, w[3] - w[1]
        if lines:
            last = lines[-1]
            if abs(cy - (last[1] + last[3]) / 2) <= 0.5 * max(last[3] - last[1], h) * 0.8:
                last[0], last[1] = min(last[0], w[0]), min(last[1], w[1])
                last[2], last[3] = max(last[2], w[2]), max(last[3], w[3])
                continue
        lines.append(list(w))
    return [tuple(line) for line in lines]  # type: ignore[misc]


def _reached(box: Box, lines: Sequence[Box]) -> list[Box]:
    out = []
    for line in lines:
        overlap = min(box[3], line[3]) - max(box[1], line[1])
        if overlap >= LINE_SHARE * (line[3] - line[1]) and min(box[2], line[2]) > max(box[0], line[0]) - 1:
            out.append(line)
    return out


def _band(box: Box, reached: Sequence[Box], lines: Sequence[Box], em: float) -> tuple[float, float]:
    """The rows that move: the reached lines and the box, padded into free space only."""
    y0 = min(box[1], *(r[1] for r in reached))
    y1 = max(box[3], *(r[3] for r in reached))
    others = [line for line in lines if line not in reached]
    above = max((o[3] for o in others if o[3] <= y0 + 0.5), default=y0 - BAND_PAD_EM * em)
    below = min((o[1] for o in others if o[1] >= y1 - 0.5), default=y1 + BAND_PAD_EM * em)
    return max(y0 - BAND_PAD_EM * em, above), min(y1 + BAND_PAD_EM * em, below)


def _background(region: Image.Image) -> Any:
    """The paper's colour in a region (its median, per channel)."""
    median = ImageStat.Stat(region).median
    return median[0] if region.mode == "L" else tuple(median[:3])


def _ink_extent(strip: Image.Image) -> int:
    """Columns from the strip's left edge to its last ink column (0: no ink)."""
    grey = strip.convert("L") if strip.mode != "L" else strip
    mask = grey.point(lambda v: 255 if v < DARK else 0)
    bbox = mask.getbbox()
    return bbox[2] if bbox else 0


def hide(picture: Image.Image, scale: tuple[float, float], boxes: Sequence[Box],
         words: Sequence[Sequence[float]], keep_words: Sequence[Sequence[Any]],
         rng: random.Random | None = None) -> HiddenBars:
    """Burn-ready bars of hidden width for `boxes` (points), the picture with each
    reached line's rest moved after its bar, and the text layer moved to match."""
    rng = rng or random.SystemRandom()
    sx, sy = scale
    width_px, height_px = picture.size
    lines = lines_of(words)
    keep = [list(w) for w in keep_words]
    out = HiddenBars(picture, list(boxes), keep)
    shifts: list[tuple[float, float, float, float]] = []  # (band top, band bottom, from x, by) in points
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i][0], boxes[i][1]))
    draw = ImageDraw.Draw(picture)
    for i in order:
        box = boxes[i]
        moved = sum(by for top, bottom, start, by in shifts
                    if top <= (box[1] + box[3]) / 2 <= bottom and box[0] >= start - 0.5)
        box = (box[0] + moved, box[1], box[2] + moved, box[3])
        reached = _reached(box, lines)
        if not reached:
            out.bars[i] = box
            continue
        em = max(statistics.median(r[3] - r[1] for r in reached), 1.0)
        top, bottom = _band(box, reached, lines, em)
        py0, py1 = max(0, math.floor(top * sy)), min(height_px, math.ceil(bottom * sy))
        bx0, bx1 = max(0, math.floor(box[0] * sx)), min(width_px, math.ceil(box[2] * sx))
        if py1 <= py0 or bx1 <= bx0:
            out.bars[i] = box
            continue
        strip = picture.crop((bx1, py0, width_px, py1))
        rest = _ink_extent(strip)  # what follows the box on its line, gap included
        limit = width_px - round(RIGHT_MARGIN_PT * sx)
        new = round(hidden_width(box[2] - box[0], em, rng) * sx)
        fit = limit - bx0 - rest  # depends on the kept text only, never on the removed width
        if new > fit:
            new = max(fit, round(MIN_BAR_EM * em * sx))
        if bx0 + new + rest > width_px:  # no room at all: burn the box as it is
            new = bx1 - bx0
            out.warnings.append("a redaction box on a full line kept its width (no room to move the line)")
        background = _background(picture.crop((bx0, py0, width_px, py1)))
        draw.rectangle((bx0, py0, width_px - 1, py1 - 1), fill=background)
        picture.paste(strip, (bx0 + new, py0))
        by = (new - (bx1 - bx0)) / sx
        shifts.append((top, bottom, box[2], by))
        out.bars[i] = (bx0 / sx, box[1], (bx0 + new) / sx, box[3])
        out.hidden.append((box[2] - box[0], new / sx))
        for row in keep:
            cy = (float(row[1]) + float(row[3])) / 2
            if top <= cy <= bottom and float(row[0]) >= box[2] - 0.5:
                row[0], row[2] = round(float(row[0]) + by, 2), round(float(row[2]) + by, 2)
    return out
