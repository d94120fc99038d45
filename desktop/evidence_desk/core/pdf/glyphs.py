"""Every glyph a page shows, and which of them a redaction box removes.

A glyph is removed when its *ink* box (the outline's extent, `TEXT_ACCURATE_BBOXES`)
overlaps a box — not its font box (ascent to descent), which on tightly set
lines reaches into the neighbouring lines and made "Harbuz" take "e offer i"
and "For all" from the line above with it. A box made from a text match is
first narrowed to the glyphs that spell the match, then to their ink, so it
cannot reach a neighbouring line either. Export (`redact_text`), the preview
(`covered`) and the verification (`verify_content`) all decide with
`removed_glyphs`, so what the preview shows is what export removes and what
the verification expects."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import pymupdf

Box = tuple[float, float, float, float]
INK_FLAGS = pymupdf.TEXT_ACCURATE_BBOXES | pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
MIN_OVERLAP = 0.05  # points: a glyph whose ink only touches a box edge stays
COVER_SHARE = 0.3  # a glyph goes when a box covers its ink's centre or this share of its ink
INK_PAD = 0.5  # points around the ink of a matched word


@dataclass(slots=True)
class Glyph:
    index: int
    char: str
    origin: tuple[float, float]
    font_box: Box  # from the font's size (texttrace)
    ink: Box  # the outline's extent; empty for spaces
    span: int  # index into PageGlyphs.spans
    line: int = -1  # index into PageGlyphs.lines

    @property
    def is_space(self) -> bool:
        return not self.char.strip()


@dataclass(slots=True)
class Span:
    font: str
    size: float
    color: tuple[float, ...]
    opacity: float
    render_mode: int  # 0 fill, 1 stroke, 3 invisible, ≥ 4 also a clip
    horizontal: bool
    seqno: int
    space: float = 0.0  # the font's space width at this size
    direction: tuple[float, float] = (1.0, 0.0)  # the writing direction (page coordinates)


@dataclass
class PageGlyphs:
    glyphs: list[Glyph] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    lines: list[list[int]] = field(default_factory=list)  # glyph indexes left to right
    bounds: list[tuple[float, float]] = field(default_factory=list)  # per line: top and bottom of its boxes

    def near(self, box: Box) -> list[int]:
        """Glyphs of the lines whose boxes reach the box's height (the only candidates)."""
        return [i for n, (top, bottom) in enumerate(self.bounds) if top <= box[3] and bottom >= box[1]
                for i in self.lines[n]]

    def line_text(self, line: int, keep: set[int] | None = None) -> str:
        return "".join(self.glyphs[i].char for i in self.lines[line] if keep is None or i in keep)


def _key(origin: Sequence[float], char: str) -> tuple[int, int, str]:
    return round(origin[0] * 10), round(origin[1] * 10), char


def _ink_boxes(page: pymupdf.Page) -> dict[tuple[int, int, str], Box]:
    ink: dict[tuple[int, int, str], Box] = {}
    raw = page.get_text("rawdict", flags=INK_FLAGS)
    for block in raw.get("blocks", ()):
        for line in block.get("lines", ()):
            for span in line.get("spans", ()):
                for ch in span.get("chars", ()):
                    ink[_key(ch["origin"], ch["c"])] = tuple(ch["bbox"])  # type: ignore[assignment]
    return ink


def page_glyphs(page: pymupdf.Page, ink_boxes: bool = True) -> PageGlyphs:
    """Every glyph of the page (visible, white, invisible, clipped) with its ink box,
    grouped into lines by baseline. Without `ink_boxes` a glyph's ink is its font box
    (enough to read a page's lines back; a third less work)."""
    out = PageGlyphs()
    ink = _ink_boxes(page) if ink_boxes else {}
    for trace in page.get_texttrace():
        direction = trace.get("dir", (1.0, 0.0))
        span = Span(font=str(trace.get("font", "")), size=float(trace.get("size", 0) or 0),
                    color=tuple(trace.get("color") or (0.0,)), opacity=float(trace.get("opacity", 1) or 0),
                    render_mode=int(trace.get("type", 0) or 0),
                    horizontal=abs(direction[0] - 1) < 1e-3 and abs(direction[1]) < 1e-3
                    and trace.get("wmode", 0) == 0,
                    seqno=int(trace.get("seqno", 0) or 0),
                    space=float(trace.get("spacewidth", 0) or 0),
                    direction=(float(direction[0]), float(direction[1])))
        out.spans.append(span)
        span_index = len(out.spans) - 1
        glyphs = out.glyphs
        for ucs, _gid, origin, bbox in trace.get("chars", ()):
            char = chr(ucs) if 0 <= ucs < 0x110000 else "\ufffd"
            box = tuple(bbox)
            # not in the structured text (e.g. off the page), or not asked for: the font box
            found = ink.get((round(origin[0] * 10), round(origin[1] * 10), char), box) if ink else box
            glyphs.append(Glyph(len(glyphs), char, tuple(origin), box, found, span_index))  # type: ignore[arg-type]
    _group_lines(out)
    return out


def _group_lines(pg: PageGlyphs) -> None:
    """Glyphs on one baseline (within a third of their size) form a line; rotated text
    keeps one line per span. Sorted by baseline, so grouping is one pass."""
    flat = [span.horizontal for span in pg.spans]
    tolerances = [max(span.size, 1.0) / 3 for span in pg.spans]
    glyphs = pg.glyphs
    horizontal = sorted((g for g in glyphs if flat[g.span]), key=lambda g: g.origin[1])
    groups: list[list[int]] = []
    anchor = float("-inf")
    for g in horizontal:
        if groups and g.origin[1] - anchor <= tolerances[g.span]:
            groups[-1].append(g.index)
        else:
            groups.append([g.index])
            anchor = g.origin[1]
    by_span: dict[int, list[int]] = {}
    for g in glyphs:
        if not flat[g.span]:
            by_span.setdefault(g.span, []).append(g.index)
    groups = [sorted(m, key=lambda i: glyphs[i].origin[0]) for m in groups] + list(by_span.values())
    pg.bounds = []
    for number, members in enumerate(groups):
        top, bottom = float("inf"), float("-inf")
        for i in members:
            g = glyphs[i]
            g.line = number
            top = min(top, g.font_box[1], g.ink[1])
            bottom = max(bottom, g.font_box[3], g.ink[3])
        pg.bounds.append((top, bottom))
    pg.lines = groups


def _covers(ink: Box, box: Box) -> bool:
    """A box removes a glyph when it covers the centre of its ink or a good share of it;
    the tail of a "g" from the line above reaching into the box does not count."""
    w = min(ink[2], box[2]) - max(ink[0], box[0])
    h = min(ink[3], box[3]) - max(ink[1], box[1])
    if w <= MIN_OVERLAP or h <= MIN_OVERLAP:
        return False
    if _centre_in(ink, box):
        return True
    return w * h >= COVER_SHARE * max((ink[2] - ink[0]) * (ink[3] - ink[1]), 1e-6)


def _centre_in(box: Box, rect: Box) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]


def fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", ch).casefold() for ch in text if ch.strip())


def _spelled(pg: PageGlyphs, members: list[int], wanted: str) -> list[int]:
    """The glyphs among `members` (one line, in order) that spell `wanted`, ignoring
    spaces and case; all of them if the text is not found (OCR words, odd encodings)."""
    chars = [(i, fold(pg.glyphs[i].char)) for i in members]
    flat = "".join(c for _, c in chars)
    owner = [i for i, c in chars for _ in c]
    target = fold(wanted)
    at = flat.find(target) if target else -1
    if at < 0:
        return members
    chosen = set(owner[at:at + len(target)])
    return [i for i in members if i in chosen]


def narrow_box(pg: PageGlyphs, box: Box, text: str | None) -> Box:
    """A text match's box → the ink of the glyphs that spell the match (padded), so a
    box built from word boxes (font height) no longer reaches the lines above and below.
    A region (no text), or a match whose glyphs are not found, keeps its box."""
    if not text:
        return box
    inside = [i for i in pg.near(box) if not pg.glyphs[i].is_space and _centre_in(pg.glyphs[i].font_box, box)]
    if not inside:
        return box
    spelled: list[int] = []
    for line in sorted({pg.glyphs[i].line for i in inside}):
        members = [i for i in pg.lines[line] if i in set(inside)]
        spelled += _spelled(pg, members, text) if len(members) > len(fold(text)) else members
    inks = [pg.glyphs[i].ink for i in spelled if pg.glyphs[i].ink[2] > pg.glyphs[i].ink[0]]
    if not inks:
        return box
    x0 = min(b[0] for b in inks) - INK_PAD
    y0 = min(b[1] for b in inks) - INK_PAD
    x1 = max(b[2] for b in inks) + INK_PAD
    y1 = max(b[3] for b in inks) + INK_PAD
    return (x0, y0, x1, y1)


def removed_glyphs(pg: PageGlyphs, boxes: Sequence[Box], texts: Sequence[str | None] = ()) -> dict[int, int]:
    """glyph index → index of the (first) box whose area its ink overlaps. A narrowed
    match box is tested without its padding, so the ink of a neighbour that comes
    within half a point ("k." before "harbuz") stays. Spaces have no ink; a space
    between two removed glyphs of one line goes with them."""
    out: dict[int, int] = {}
    tests = [(b[0] + INK_PAD + 0.2, b[1], b[2] - INK_PAD - 0.2, b[3]) if i < len(texts) and texts[i]
             and b[2] - b[0] > 2 * INK_PAD + 0.6 else b for i, b in enumerate(boxes)]
    for b, box in enumerate(tests):
        for i in pg.near(box):
            g = pg.glyphs[i]
            if i not in out and not g.is_space and _covers(g.ink, box):
                out[i] = b
    # A box removes one run per line: what lies between two glyphs it removes goes too.
    for members in pg.lines:
        where: dict[int, list[int]] = {}
        for pos, i in enumerate(members):
            if i in out:
                where.setdefault(out[i], []).append(pos)
        for b, positions in where.items():
            for pos in range(min(positions), max(positions) + 1):
                out.setdefault(members[pos], b)
    return out


def removed_text(pg: PageGlyphs, removed: dict[int, int], box_index: int) -> str:
    """What one box removes, line by line in reading order, lines joined by a space."""
    parts = []
    for members in sorted(pg.lines, key=lambda m: (pg.glyphs[m[0]].origin[1], pg.glyphs[m[0]].origin[0])
                          if m else (0.0, 0.0)):
        text = "".join(pg.glyphs[i].char for i in members if removed.get(i) == box_index)
        if text.strip():
            parts.append(" ".join(text.split()))
    return " ".join(parts)


def removed_texts(pg: PageGlyphs, removed: dict[int, int], count: int) -> list[str]:
    """`removed_text` for every box at once (one pass over the page's lines)."""
    parts: list[list[str]] = [[] for _ in range(count)]
    for members in sorted(pg.lines, key=lambda m: (pg.glyphs[m[0]].origin[1], pg.glyphs[m[0]].origin[0])
                          if m else (0.0, 0.0)):
        chars: dict[int, list[str]] = {}
        for i in members:
            b = removed.get(i)
            if b is not None and b < count:
                chars.setdefault(b, []).append(pg.glyphs[i].char)
        for b, found in chars.items():
            text = "".join(found)
            if text.strip():
                parts[b].append(" ".join(text.split()))
    return [" ".join(p) for p in parts]


def removed_pieces(pg: PageGlyphs, removed: dict[int, int], box_index: int) -> list[str]:
    """What one box removes as separate runs: each span's removed glyphs on each line
    (a hidden copy under a visible word is its own run, not interleaved with it)."""
    pieces = []
    for members in pg.lines:
        by_span: dict[tuple[object, ...], list[str]] = {}
        for i in members:
            if removed.get(i) == box_index:
                span = pg.spans[pg.glyphs[i].span]  # by style: Type3 text comes a glyph a span
                style = (span.font, round(span.size, 1), span.render_mode, span.color, span.opacity)
                by_span.setdefault(style, []).append(pg.glyphs[i].char)
        pieces += [" ".join("".join(chars).split()) for chars in by_span.values() if "".join(chars).strip()]
    return pieces


def is_visible(span: Span) -> bool:
    """Text a reader sees: painted, not transparent, not white."""
    white = len(span.color) in (1, 3) and min(span.color) >= 0.95
    return span.render_mode % 4 != 3 and span.opacity > 0.05 and not white and span.render_mode < 4
