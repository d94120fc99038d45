"""Writing a line's kept glyphs again, at new places, in the page's own font where it
can draw them (used by `redact_text` for rebuilt and shifted lines)."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pymupdf

from evidence_desk.core.pdf.glyphs import PageGlyphs

BLACK = (0.0, 0.0, 0.0)
WORD_GAP_EM = 0.12  # a gap wider than this between glyphs is a space
WORD_FIT = 0.3  # points: a word whose advances the writing font reproduces this well is written whole
_NAME = re.compile(r"^[A-Z]{6}\+")


def _norm_font(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", _NAME.sub("", name).lower())


class Fonts:
    """The page's own embedded font for a span when it can draw the characters;
    otherwise Helvetica (not embedded) or MuPDF's built-in Noto for other scripts.
    Never a Type1 program: MuPDF would embed it again whole, and its subsetter does
    not cut Type1 fonts (every letter's outline would be in the file)."""

    def __init__(self, page: pymupdf.Page) -> None:
        self.page = page
        self._embedded: dict[str, pymupdf.Font | None] = {}
        self._fallback: dict[str, pymupdf.Font] = {}
        self.advances: dict[tuple[int, str], float] = {}  # (font id, character) → advance at size 1
        self._infos = [(x, ext, base) for x, ext, _t, base, *_ in page.get_fonts(full=True)]

    def _own(self, name: str) -> pymupdf.Font | None:
        key = _norm_font(name)
        if key in self._embedded:
            return self._embedded[key]
        found = None
        for xref, ext, base in self._infos:
            other = _norm_font(base)
            if ext in ("ttf", "otf", "cff") and other and (other.startswith(key) or key.startswith(other)):
                try:
                    buffer = self.page.parent.extract_font(xref)[3]
                    found = pymupdf.Font(fontbuffer=buffer) if buffer else None
                except Exception:
                    found = None
                if found is not None:
                    break
        self._embedded[key] = found
        return found

    def font_for(self, name: str, chars: str) -> pymupdf.Font:
        own = self._own(name)
        needed = [ord(c) for c in chars if c.strip()]
        if own is not None and all(own.has_glyph(c) for c in needed):
            return own
        for key, make in (("helv", lambda: pymupdf.Font("helv")), ("noto", lambda: pymupdf.Font(language="ru")),
                          ("cjk", lambda: pymupdf.Font("cjk"))):
            font = self._fallback.get(key) or make()
            self._fallback[key] = font
            if all(font.has_glyph(c) for c in needed):
                return font
        return self._fallback["cjk"]


def _words(pg: PageGlyphs, members: list[tuple[int, float]]) -> list[list[tuple[int, float]]]:
    """Glyphs (index, x) split where the next one does not start at the previous one's end."""
    words: list[list[tuple[int, float]]] = []
    for index, x in members:
        g = pg.glyphs[index]
        if words:
            last_index, last_x = words[-1][-1]
            last = pg.glyphs[last_index]
            advance = last.font_box[2] - last.font_box[0]
            if abs(x - (last_x + advance)) <= 0.02 * max(pg.spans[g.span].size, 1.0):
                words[-1].append((index, x))
                continue
        words.append([(index, x)])
    return words


def _length(fonts: Fonts, font: pymupdf.Font, text: str, size: float) -> float:
    """`font.text_length`, from advances read once per character (it encodes every
    character again on every call, a third of a rebuilt page's time). The cache lives
    with `fonts`, which holds every font it names, so an id is never reused in it."""
    total = 0.0
    key = id(font)
    cache = fonts.advances
    for ch in text:
        advance = cache.get((key, ch))
        if advance is None:
            advance = cache[(key, ch)] = font.text_length(ch, fontsize=1.0)
        total += advance
    return total * size


def write(page: pymupdf.Page, pg: PageGlyphs, placed: Sequence[tuple[int, float, int]], fonts: Fonts,
           exact: bool = False) -> None:
    """Write glyphs (index, new origin x, segment) in their span's font, size, colour and
    mode. Each segment of a line (the text between two bars) is its own text object, so
    no displacement spanning a bar is written (and extractors keep lines apart). A word
    is written whole when the writing font's advances reproduce it, and words the
    font's own space separates as one piece; otherwise, or `exact`, glyph by glyph."""
    groups: dict[tuple[object, ...], list[tuple[int, float]]] = {}
    first_span: dict[tuple[object, ...], int] = {}
    for index, x, segment in placed:
        g = pg.glyphs[index]
        if not g.is_space:
            span = pg.spans[g.span]
            key = (g.line, span.font, span.size, span.color, span.opacity, span.render_mode & 3, segment)
            groups.setdefault(key, []).append((index, x))
            first_span.setdefault(key, g.span)
    for key, members in groups.items():
        span = pg.spans[first_span[key]]
        chars = "".join(pg.glyphs[i].char for i, _ in members)
        font = fonts.font_for(span.font, chars)
        writer = pymupdf.TextWriter(page.rect)
        words = [[m] for m in members] if exact else _words(pg, members)
        space = _length(fonts, font, " ", span.size)
        # Pieces to append: (x, baseline, text, end). Words that the writing font's own
        # space separates go into one piece (a line is a few appends, not one a word).
        pieces: list[list[object]] = []
        for k, run in enumerate(words):
            text = "".join(pg.glyphs[i].char for i, _ in run)
            last = pg.glyphs[run[-1][0]]
            end = run[-1][1] + last.font_box[2] - last.font_box[0]
            y = last.origin[1]
            if len(run) > 1 and abs(_length(fonts, font, text, span.size) - (end - run[0][1])) > WORD_FIT:
                # the font's advances differ: glyph by glyph
                pieces += [[x, pg.glyphs[i].origin[1], pg.glyphs[i].char, None] for i, x in run]
            elif (not exact and pieces and pieces[-1][3] is not None and pieces[-1][1] == y
                  and abs(run[0][1] - pieces[-1][3] - space) <= WORD_FIT  # type: ignore[operator]
                  and abs(pieces[-1][0] + _length(fonts, font, f"{pieces[-1][2]} ", span.size)  # type: ignore[operator]
                          - run[0][1]) <= WORD_FIT):  # the whole piece still lands where it must
                pieces[-1][2] = f"{pieces[-1][2]} {text}"
                pieces[-1][3] = end
            else:
                pieces.append([run[0][1], y, text, end])
            following = words[k + 1][0][1] if k + 1 < len(words) else None
            if (not exact and following is not None and following - end > WORD_GAP_EM * max(span.size, 1.0)
                    and abs(following - end - space) > WORD_FIT):
                # a real space between words (extractors need it, whatever the gap)
                pieces.append([end, y, " ", None])
        for x, y, text, _end in pieces:
            writer.append((x, y), text, font=font, fontsize=span.size)  # type: ignore[arg-type]
        colour = span.color if len(span.color) in (1, 3, 4) else BLACK
        writer.write_text(page, color=colour, opacity=span.opacity if span.opacity < 1 else -1,
                          render_mode=span.render_mode & 3)


def write_turned(page: pymupdf.Page, pg: PageGlyphs, indexes: Sequence[int], fonts: Fonts,
                 origins: dict[int, tuple[float, float]] | None = None) -> None:
    """Rotated glyphs written one by one, turned about their origin (their own, or a
    new one from `origins`)."""
    for i in indexes:
        g = pg.glyphs[i]
        span = pg.spans[g.span]
        origin = (origins or {}).get(i, g.origin)
        writer = pymupdf.TextWriter(page.rect)
        writer.append(origin, g.char, font=fonts.font_for(span.font, g.char), fontsize=span.size)
        c, s = span.direction
        colour = span.color if len(span.color) in (1, 3, 4) else BLACK
        writer.write_text(page, color=colour, opacity=span.opacity if span.opacity < 1 else -1,
                          render_mode=span.render_mode & 3,
                          morph=(pymupdf.Point(origin), pymupdf.Matrix(c, -s, s, c, 0, 0)))
