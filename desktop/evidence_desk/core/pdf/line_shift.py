"""Width hiding on lines that cannot be laid out again from their start: rotated lines,
and lines crossing a box with an image or line art under it.

On such a line the text before a removed run stays where it is (a rotated line
keeps its place on the page; text beside a picture stays beside it) and the run
becomes a bar of random width (`widths`). What follows the bar is moved along
the line to start one font space after it, so its place depends only on the
bar, never on the removed width.

A box that removes text with graphics under it must also cover them: the region MuPDF blanks is
the box widened to a width drawn independently of the box (`covering_width`),
that region is the bar, and the rest of every line it crosses moves to follow it.
The region blanked in an image is then no more the word's width than the bar is."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from evidence_desk.core.pdf.glyphs import Box, PageGlyphs
from evidence_desk.core.pdf.widths import covering_width

WORD_GAP_EM = 0.12
BAR_ASCENT, BAR_DESCENT = 0.80, 0.24
MIN_BAR_EM = 2.0
EDGE = 18.0  # moved text stays this far inside the page


@dataclass
class ShiftPlan:
    placed: dict[int, list[tuple[int, float, int]]] = field(default_factory=dict)  # horizontal line → glyphs
    origins: dict[int, tuple[float, float]] = field(default_factory=dict)  # rotated glyph → new origin
    bars: list[tuple[int, Box]] = field(default_factory=list)  # (box, axis-aligned bar)
    quads: list[tuple[tuple[float, float], ...]] = field(default_factory=list)  # rotated bars as drawn
    warnings: list[str] = field(default_factory=list)


def _horizontal(pg: PageGlyphs, line: int) -> bool:
    return bool(pg.lines[line]) and pg.spans[pg.glyphs[pg.lines[line][0]].span].horizontal


def reached_lines(pg: PageGlyphs, box: Box) -> list[int]:
    """Horizontal lines with a glyph whose ink centre lies in the box's height."""
    out = []
    for n, members in enumerate(pg.lines):
        if not _horizontal(pg, n):
            continue
        for i in members:
            ink = pg.glyphs[i].ink
            cy = (ink[1] + ink[3]) / 2
            if not pg.glyphs[i].is_space and box[1] <= cy <= box[3] and ink[2] > box[0]:
                out.append(n)
                break
    return out


def covers(pg: PageGlyphs, boxes: Sequence[Box], graphics: Sequence[bool], removed: dict[int, int],
           rng: random.Random, right: float) -> tuple[dict[int, Box], list[str]]:
    """Per box with graphics under it: the widened region to blank and draw."""
    out: dict[int, Box] = {}
    warnings = []
    for b, box in enumerate(boxes):
        if not graphics[b]:
            continue
        members = [i for i, owner in removed.items() if owner == b]
        if not members or any(not pg.spans[pg.glyphs[i].span].horizontal for i in members):
            continue  # no text under it (a region over a picture), or rotated text: drawn as it is
        em = pg.spans[pg.glyphs[members[0]].span].size
        width = box[2] - box[0]
        want = covering_width(width, max(em, 1.0), rng)
        rest = 0.0  # the kept text after the box on the lines it crosses
        for n in reached_lines(pg, box):
            after = [pg.glyphs[i].font_box[2] for i in pg.lines[n]
                     if i not in removed and pg.glyphs[i].font_box[0] >= box[2] - 0.01]
            if after:
                rest = max(rest, max(after) - box[2])
        fit = right - box[0] - rest  # the kept text's length, never the box's width
        chosen = max(width, min(want, fit))
        if chosen < want and chosen <= width + 1e-6:
            warnings.append("a box over a picture on a full line kept its width (no room to move the line)")
        out[b] = (box[0], box[1], box[0] + chosen, box[3])
    return out, warnings


def lines_to_shift(pg: PageGlyphs, removed: dict[int, int], cover: dict[int, Box],
                   originals: Sequence[Box]) -> set[int]:
    out = {pg.glyphs[i].line for i in removed if not _horizontal(pg, pg.glyphs[i].line)}
    for b in cover:
        out |= set(reached_lines(pg, originals[b]))
    return out


def _events(pg: PageGlyphs, members: list[int], removed: dict[int, int], cover: dict[int, Box],
            originals: Sequence[Box], line: int, u: dict[int, float]) -> list[tuple[float, float, int, bool]]:
    """(start, end, box, is a cover) along the line, in order."""
    events: dict[int, tuple[float, float, int, bool]] = {}
    for b in cover:
        if line in reached_lines(pg, originals[b]):
            events[b] = (originals[b][0], originals[b][2], b, True)
    for i in members:
        b = removed.get(i)
        if b is None or b in cover:
            continue
        start, end = u[i], u[i] + _advance(pg, i)
        if b in events:
            start, end = min(start, events[b][0]), max(end, events[b][1])
        events[b] = (start, end, b, False)
    return sorted(events.values())


def _advance(pg: PageGlyphs, i: int) -> float:
    g = pg.glyphs[i]
    if pg.spans[g.span].horizontal:
        return g.font_box[2] - g.font_box[0]
    c, s = pg.spans[g.span].direction
    w, h = g.font_box[2] - g.font_box[0], g.font_box[3] - g.font_box[1]
    return h if abs(s) > 0.99 else w if abs(c) > 0.99 else min(w, h)


def _place(pg: PageGlyphs, members: list[int], removed: dict[int, int], events: list[tuple[float, float, int, bool]],
           widths: dict[int, float], cover: dict[int, Box], u: dict[int, float]
           ) -> tuple[list[tuple[int, float, int]], list[tuple[int, float, float]]]:
    """New position along the line for each kept glyph after a bar, and the bars (box, start, end)."""
    size = max(pg.spans[pg.glyphs[members[0]].span].size, 1.0)
    space = pg.spans[pg.glyphs[members[0]].span].space or size * 0.28
    placed: list[tuple[int, float, int]] = []
    bars: list[tuple[int, float, float]] = []
    shift, k = 0.0, 0
    for i in members:
        g = pg.glyphs[i]
        if i in removed:
            continue
        if g.is_space:
            continue
        while k < len(events) and events[k][0] <= u[i] + 0.01:
            start, end, b, is_cover = events[k]
            k += 1
            if is_cover:
                shift = cover[b][2] - end
                bars.append((b, cover[b][0], cover[b][2]))
            else:
                bar_start = start + shift
                bars.append((b, bar_start, bar_start + widths[b]))
                gap = u[i] - end
                shift = bar_start + widths[b] + (space if gap > WORD_GAP_EM * size or _space_between(
                    pg, members, end, i, u) else 0.0) - u[i]
        placed.append((i, u[i] + shift, k))
    for start, _end, b, is_cover in events[k:]:
        bars.append((b, cover[b][0], cover[b][2]) if is_cover else (b, start + shift, start + shift + widths[b]))
    return placed, bars


def _space_between(pg: PageGlyphs, members: list[int], end: float, index: int, u: dict[int, float]) -> bool:
    return any(pg.glyphs[j].is_space and end - 0.01 <= u[j] <= u[index] for j in members)


def plan(pg: PageGlyphs, lines: set[int], removed: dict[int, int], widths: dict[int, float],
         cover: dict[int, Box], originals: Sequence[Box], page_rect: Box) -> ShiftPlan:
    out = ShiftPlan()
    drawn: set[int] = set()
    for b in cover:
        out.bars.append((b, cover[b]))
        drawn.add(b)
    for n in sorted(lines):
        members = pg.lines[n]
        if not members:
            continue
        first = pg.glyphs[members[0]]
        span = pg.spans[first.span]
        size = max(span.size, 1.0)
        c, s = span.direction if not span.horizontal else (1.0, 0.0)
        u = {i: (pg.glyphs[i].font_box[0] if span.horizontal else
                 pg.glyphs[i].origin[0] * c + pg.glyphs[i].origin[1] * s) for i in members}
        members = sorted(members, key=lambda i: u[i])
        events = _events(pg, members, removed, cover, originals, n, u)
        local = dict(widths)
        for _attempt in range(2):
            placed, bars = _place(pg, members, removed, events, local, cover, u)
            over = _overflow(pg, placed, u, (c, s), page_rect, span.horizontal)
            if over <= 0 or _attempt:
                break
            texts = {b for b, _, _ in bars if b not in cover}
            total = sum(local[b] for b in texts)
            for b in texts:
                local[b] = max(MIN_BAR_EM * size, local[b] - over * local[b] / max(total, 1e-6))
        if span.horizontal:
            out.placed[n] = [(i, pg.glyphs[i].origin[0] + x - u[i], seg) for i, x, seg in placed]
            baseline = sum(pg.glyphs[i].origin[1] for i in members) / len(members)
            for b, x0, x1 in bars:
                if b not in cover:
                    out.bars.append((b, (x0, baseline - BAR_ASCENT * size, x1, baseline + BAR_DESCENT * size)))
            continue
        for i, x, _seg in placed:
            if abs(x - u[i]) > 1e-6:
                g = pg.glyphs[i]
                out.origins[i] = (g.origin[0] + (x - u[i]) * c, g.origin[1] + (x - u[i]) * s)
        base = first.origin[0] * c + first.origin[1] * s
        for b, t0, t1 in bars:
            if b in cover:
                continue
            quad, inner = _rotated_bar(first.origin, (c, s), t0 - base, t1 - base, size)
            out.quads.append(quad)
            out.bars.append((b, inner))
    return out


def _overflow(pg: PageGlyphs, placed: list[tuple[int, float, int]], u: dict[int, float],
              d: tuple[float, float], rect: Box, horizontal: bool) -> float:
    worst = 0.0
    for i, x, _ in placed:
        g = pg.glyphs[i]
        if horizontal:
            worst = max(worst, x + g.font_box[2] - g.font_box[0] - (rect[2] - EDGE))
            continue
        px, py = g.origin[0] + (x - u[i]) * d[0], g.origin[1] + (x - u[i]) * d[1]
        outside = max(px - (rect[2] - EDGE), rect[0] + EDGE - px, py - (rect[3] - EDGE), rect[1] + EDGE - py)
        worst = max(worst, outside / max(abs(d[0]), abs(d[1]), 1e-6))
    return worst


def _rotated_bar(origin: tuple[float, float], d: tuple[float, float], t0: float, t1: float,
                 size: float) -> tuple[tuple[tuple[float, float], ...], Box]:
    """A bar along a rotated line (its four corners) and the largest centred axis-aligned
    box inside it (what the verification renders and checks)."""
    c, s = d
    nx, ny = s, -c  # towards the top of the glyphs
    corners = []  # in pymupdf.Quad's order: upper left, upper right, lower left, lower right
    for t, h in ((t0, BAR_ASCENT), (t1, BAR_ASCENT), (t0, -BAR_DESCENT), (t1, -BAR_DESCENT)):
        corners.append((origin[0] + t * c + h * size * nx, origin[1] + t * s + h * size * ny))
    cx = sum(p[0] for p in corners) / 4
    cy = sum(p[1] for p in corners) / 4
    length, height = abs(t1 - t0), (BAR_ASCENT + BAR_DESCENT) * size
    if abs(c) > 0.999 or abs(s) > 0.999:
        xs, ys = [p[0] for p in corners], [p[1] for p in corners]
        return tuple(corners), (min(xs), min(ys), max(xs), max(ys))
    r = min(length, height) / (2 * (abs(c) + abs(s))) * 0.95
    return tuple(corners), (cx - r, cy - r, cx + r, cy + r)
