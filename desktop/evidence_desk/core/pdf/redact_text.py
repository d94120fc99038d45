"""Redacting one born-digital page: exactly the glyphs a box removes, and, with width
hiding, lines rebuilt so that nothing on them measures what was removed.

MuPDF's redaction removes a glyph whose *font* box touches a redaction rectangle
(ascent to descent: on tightly set lines that reaches the neighbouring lines),
so it is never given the user's box for text. It is given, instead, thin strips
on the lines this page must change; every glyph it takes that should stay is
written back at its own place afterwards (`_restore`).

Width hiding (Bland, Iqbal et al., PETS 2023): the glyphs after a removed word
otherwise sit exactly where the word's advance width put them, the box is the
word's width, and justified spacing encodes the line's natural length. So every
line that loses a glyph is rebuilt: its remaining words are laid out again from
the line's start with the font's own space between them (column gaps are kept
as anchors), and each removed run becomes a bar whose width is drawn at random,
independently of what it replaces (`hidden_width`). The rebuilt line is written
glyph by glyph with fresh positions: no numeric displacement is carried over."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pymupdf

from evidence_desk.core.pdf import line_shift
from evidence_desk.core.pdf.glyph_writer import BLACK, WORD_GAP_EM, Fonts, write, write_turned
from evidence_desk.core.pdf.glyphs import (
    Box,
    PageGlyphs,
    narrow_box,
    page_glyphs,
    removed_glyphs,
    removed_texts,
)
from evidence_desk.core.pdf.widths import hidden_width

COLUMN_GAP_EM = 1.5  # a gap wider than this is a column or tab stop: the next word keeps its x
BAR_ASCENT, BAR_DESCENT = 0.80, 0.24  # bar height in em around the baseline (caps to descenders)
RIGHT_MARGIN = 18.0  # a rebuilt line is pulled in (by narrowing its bars) to end before this
MIN_BAR_EM = 2.0


@dataclass
class PageRedaction:
    removed: list[str] = field(default_factory=list)  # per box: the text it removed
    bars: list[Box] = field(default_factory=list)  # drawn (black)
    bar_of_box: dict[int, Box] = field(default_factory=dict)  # the first bar drawn for each box
    rebuilt_lines: int = 0
    restored: int = 0  # glyphs MuPDF took that were written back
    hidden: list[tuple[float, float]] = field(default_factory=list)  # (removed width, bar width)
    warnings: list[str] = field(default_factory=list)


# -- laying a line out again -----------------------------------------------------------------

@dataclass
class _Run:
    members: list[int]
    box: int | None  # None: kept text

    def x0(self, pg: PageGlyphs) -> float:
        return pg.glyphs[self.members[0]].font_box[0]

    def x1(self, pg: PageGlyphs) -> float:
        return max(pg.glyphs[i].font_box[2] for i in self.members)


def _runs(pg: PageGlyphs, members: list[int], removed: dict[int, int]) -> list[_Run]:
    runs: list[_Run] = []
    for i in members:
        g = pg.glyphs[i]
        box = removed.get(i)
        if g.is_space and box is None:
            if runs and runs[-1].box is None:
                runs.append(_Run([], None))  # a space ends a word
            continue
        last = runs[-1] if runs else None
        em = max(pg.spans[g.span].size, 1.0)
        gap = g.font_box[0] - last.x1(pg) if last and last.members else 0.0
        if last is not None and last.box == box and (not last.members or box is not None or gap <= WORD_GAP_EM * em):
            last.members.append(i)
        else:
            runs.append(_Run([i], box))
    return [r for r in runs if r.members]


def _layout(pg: PageGlyphs, members: list[int], removed: dict[int, int], widths: dict[int, float],
            right: float) -> tuple[list[tuple[int, float, int]], list[tuple[int, float, float]]]:
    """New origin x for each kept glyph of a line, and (box, x0, x1) of each bar."""
    runs = _runs(pg, members, removed)
    if not runs:
        return [], []
    em = max(pg.spans[pg.glyphs[members[0]].span].size, 1.0)
    space = pg.spans[pg.glyphs[members[0]].span].space or em * 0.28
    for _attempt in range(2):
        placed: list[tuple[int, float, int]] = []
        bars: list[tuple[int, float, float]] = []
        pen = runs[0].x0(pg)
        previous: _Run | None = None
        for run in runs:
            gap = run.x0(pg) - previous.x1(pg) if previous is not None else 0.0
            start = pen + (space if previous is not None and gap > WORD_GAP_EM * em else 0.0)
            if run.box is None and previous is not None and previous.box is None and gap > COLUMN_GAP_EM * em:
                start = max(run.x0(pg), start)  # a column: keep its place
            if run.box is None:
                shift = start - run.x0(pg)
                placed += [(i, pg.glyphs[i].origin[0] + shift, len(bars)) for i in run.members]
                pen = start + run.x1(pg) - run.x0(pg)
            else:
                if previous is not None and previous.box == run.box:
                    start = pen  # the same bar continues over a gap
                    bars[-1] = (run.box, bars[-1][1], start)
                width = widths[run.box]
                bars.append((run.box, start, start + width))
                pen = start + width
            previous = run
        if pen <= right or _attempt:
            break
        # Too long for the page: narrow the bars (by amounts that depend only on the
        # bars' own random widths and the kept text, never on what was removed).
        excess = pen - right
        total = sum(widths[b] for b in {b for b, _, _ in bars})
        for b in {b for b, _, _ in bars}:
            widths[b] = max(MIN_BAR_EM * em, widths[b] - excess * widths[b] / max(total, 1e-6))
    merged: list[tuple[int, float, float]] = []
    for bar in bars:
        if merged and merged[-1][0] == bar[0] and bar[1] <= merged[-1][2] + 1e-6:
            merged[-1] = (bar[0], merged[-1][1], max(bar[2], merged[-1][2]))
        else:
            merged.append(bar)
    return placed, merged


# -- the page --------------------------------------------------------------------------------

def _strip(pg: PageGlyphs, members: list[int]) -> pymupdf.Rect:
    """A thin strip along a line's glyphs at a third of their height: MuPDF's test
    (font box touches rectangle) then takes this line and no other."""
    xs = [pg.glyphs[i].font_box[0] for i in members] + [pg.glyphs[i].font_box[2] for i in members]
    y = sum(pg.glyphs[i].origin[1] for i in members) / len(members)
    size = max(pg.spans[pg.glyphs[members[0]].span].size, 1.0)
    mid = y - 0.3 * size
    return pymupdf.Rect(min(xs) + 0.05, mid - 0.05, max(xs) - 0.05, mid + 0.05)


def _dot(pg: PageGlyphs, index: int) -> pymupdf.Rect:
    g = pg.glyphs[index]
    ink = g.ink if g.ink[2] > g.ink[0] and g.ink[3] > g.ink[1] else g.font_box
    cx, cy = (ink[0] + ink[2]) / 2, (ink[1] + ink[3]) / 2
    return pymupdf.Rect(cx - 0.05, cy - 0.05, cx + 0.05, cy + 0.05)


def _within_any(box: Box, others: Sequence[Box]) -> bool:
    return any(o[0] - 1 <= box[0] and o[1] - 1 <= box[1] and box[2] <= o[2] + 1 and box[3] <= o[3] + 1
               for o in others)


def _has_graphics(page: pymupdf.Page, boxes: Sequence[Box], bboxlog: list[Any] | None = None) -> list[bool]:
    """Per box: does an image or line art lie under it (one pass over the page)?"""
    log = page.get_bboxlog() if bboxlog is None else bboxlog
    drawn = [bbox for kind, bbox in log if "text" not in kind and "ignore" not in kind]
    return [any(min(b[2], box[2]) > max(b[0], box[0]) and min(b[3], box[3]) > max(b[1], box[1]) for b in drawn)
            for box in boxes]


def redact_page(page: pymupdf.Page, boxes: Sequence[Box], texts: Sequence[str | None], *,
                hide_widths: bool, rng: random.Random, bboxlog: list[Any] | None = None) -> PageRedaction:
    """Remove what the boxes cover (text by ink, then images and line art), rebuild the
    changed lines when hiding widths, and draw the bars; returns what was done."""
    result = PageRedaction()
    pg = page_glyphs(page)
    narrowed = [narrow_box(pg, box, texts[i] if i < len(texts) else None) for i, box in enumerate(boxes)]
    removed = removed_glyphs(pg, narrowed, texts)
    result.removed = removed_texts(pg, removed, len(boxes))
    graphics = _has_graphics(page, narrowed, bboxlog)
    widths = _bar_widths(pg, removed, len(boxes), rng, result)
    right = page.rect.x1 - RIGHT_MARGIN
    cover: dict[int, Box] = {}
    if hide_widths:
        cover, result.warnings = line_shift.covers(pg, narrowed, graphics, removed, rng, right)
    lines = sorted({pg.glyphs[i].line for i in removed})
    shifted = line_shift.lines_to_shift(pg, removed, cover, narrowed) if hide_widths else set()
    rebuild = [n for n in lines if hide_widths and n not in shifted
               and pg.spans[pg.glyphs[pg.lines[n][0]].span].horizontal]
    shift = line_shift.plan(pg, shifted, removed, widths, cover, narrowed, tuple(page.rect))
    # What MuPDF is asked to remove: whole lines being rebuilt or shifted, single glyphs otherwise.
    strips = rebuild + sorted(shift.placed)
    for n in strips:
        page.add_redact_annot(_strip(pg, pg.lines[n]), fill=False, cross_out=False)
    relaid = {i for n in strips for i in pg.lines[n]} | set(shift.origins)
    for i in sorted(set(removed) | set(shift.origins)):
        if (i not in relaid or i in shift.origins) and not pg.glyphs[i].is_space:
            page.add_redact_annot(_dot(pg, i), fill=False, cross_out=False)
    if removed or shift.origins or strips:
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE, graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                              text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    # Images and line art: under each box, or under its widened region (never the box's own width).
    regions = [cover.get(b, box) for b, box in enumerate(narrowed)]
    for region in regions:
        page.add_redact_annot(pymupdf.Rect(region), fill=False, cross_out=False)
    if regions:
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
                              graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
                              text=pymupdf.PDF_REDACT_TEXT_NONE)
    fonts = Fonts(page)
    result.restored = _restore(page, pg, set(removed) | relaid, fonts)
    drawn_by_bars: set[int] = set()
    written: list[tuple[int, float, int]] = []  # every moved glyph, written in one go
    for n in rebuild:
        members = pg.lines[n]
        placed, bars = _layout(pg, members, removed, dict(widths), right)
        written += placed
        size = max(pg.spans[pg.glyphs[members[0]].span].size, 1.0)
        baseline = sum(pg.glyphs[i].origin[1] for i in members) / len(members)
        for b, x0, x1 in bars:
            result.bars.append((x0, baseline - BAR_ASCENT * size, x1, baseline + BAR_DESCENT * size))
            result.bar_of_box.setdefault(b, result.bars[-1])
            drawn_by_bars.add(b)
        result.rebuilt_lines += 1
    for n in sorted(shift.placed):
        written += [p for p in shift.placed[n] if p[0] not in removed]
        result.rebuilt_lines += 1
    write(page, pg, written, fonts)
    write_turned(page, pg, sorted(shift.origins), fonts, shift.origins)
    for b, bar in shift.bars:
        result.bars.append(bar)
        result.bar_of_box.setdefault(b, bar)
        drawn_by_bars.add(b)
    for _b, extent, bar in _hidden(pg, removed, widths, cover, narrowed):
        result.hidden.append((extent, bar))
    for b, box in enumerate(narrowed):
        if hide_widths and b not in widths and b not in cover and _within_any(box, [narrowed[o] for o in widths]):
            continue  # the same region again (marked twice): its text went with the other box's bar
        if b not in drawn_by_bars or not hide_widths or (graphics[b] and b not in cover):
            result.bars.append(box)
            result.bar_of_box.setdefault(b, box)
    if result.bars or shift.quads:  # one drawing for all bars (each its own path)
        shape = page.new_shape()
        for bar in result.bars:
            shape.draw_rect(pymupdf.Rect(bar))
            shape.finish(color=None, fill=BLACK, width=0)
        for quad in shift.quads:
            shape.draw_quad(pymupdf.Quad(*quad))
            shape.finish(color=None, fill=BLACK, width=0)
        shape.commit(overlay=True)
    return result


def _bar_widths(pg: PageGlyphs, removed: dict[int, int], count: int, rng: random.Random,
                result: PageRedaction) -> dict[int, float]:
    """One random bar width per box that removed text, shared by its lines."""
    widths: dict[int, float] = {}
    for b in range(count):
        members = [i for i, owner in removed.items() if owner == b]
        if members:
            em = pg.spans[pg.glyphs[members[0]].span].size
            widths[b] = hidden_width(_extent(pg, members), em, rng)
    return widths


def _extent(pg: PageGlyphs, members: list[int]) -> float:
    by_line: dict[int, list[int]] = {}
    for i in members:
        by_line.setdefault(pg.glyphs[i].line, []).append(i)
    return max(max(pg.glyphs[i].font_box[2] for i in m) - min(pg.glyphs[i].font_box[0] for i in m)
               for m in by_line.values())


def _hidden(pg: PageGlyphs, removed: dict[int, int], widths: dict[int, float], cover: dict[int, Box],
            boxes: Sequence[Box]) -> list[tuple[int, float, float]]:
    """(box, removed width, bar width) for the result's width-hiding summary."""
    out = []
    for b, width in widths.items():
        members = [i for i, owner in removed.items() if owner == b]
        bar = cover[b][2] - cover[b][0] if b in cover else width
        out.append((b, _extent(pg, members), bar))
    for b in cover:
        if b not in widths:
            out.append((b, boxes[b][2] - boxes[b][0], cover[b][2] - cover[b][0]))
    return out


def _restore(page: pymupdf.Page, pg: PageGlyphs, intended: set[int], fonts: Fonts) -> int:
    """Glyphs MuPDF removed that no box covers: their whole line is written again, at
    the glyphs' own places (one text object a line, so extractors keep its order)."""
    present = {(round(c[2][0], 1), round(c[2][1], 1), chr(c[0]) if 0 <= c[0] < 0x110000 else "\ufffd")
               for span in page.get_texttrace() for c in span.get("chars", ())}
    missing = [g.index for g in pg.glyphs if g.index not in intended and not g.is_space
               and (round(g.origin[0], 1), round(g.origin[1], 1), g.char) not in present]
    rotated = [i for i in missing if not pg.spans[pg.glyphs[i].span].horizontal]
    write_turned(page, pg, rotated, fonts)
    lost = [i for i in missing if pg.spans[pg.glyphs[i].span].horizontal]
    lines = sorted({pg.glyphs[i].line for i in lost})
    if not lines:
        return len(rotated)
    for n in lines:
        page.add_redact_annot(_strip(pg, pg.lines[n]), fill=False, cross_out=False)
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE, graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                          text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    rewrite = [(i, pg.glyphs[i].origin[0], 0) for n in lines for i in pg.lines[n] if i not in intended]
    write(page, pg, rewrite, fonts, exact=True)
    return len(lost) + len(rotated)
