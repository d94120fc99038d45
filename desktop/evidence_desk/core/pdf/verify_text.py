"""Two checks of an export against its original, on the text (runs in a sandbox worker).

Nothing lost: every glyph the boxes do not remove (decided by ink, `glyphs`) is
still on its line, in order — and, on a line width hiding did not rebuild, at
its place (within half a point). Over-redaction fails the export.

Nothing left: what each box removed (read off the original, not taken from the
export step's word for it) and the case's redacted strings are looked for in the
export's extracted text, folded (case, compatibility forms, look-alike letters
from other scripts), whatever their length: short ones as whole words."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pymupdf

from evidence_desk.core.pdf.glyphs import (
    Box,
    PageGlyphs,
    is_visible,
    narrow_box,
    page_glyphs,
    removed_glyphs,
    removed_pieces,
    removed_texts,
)

PLACE_TOLERANCE = 0.5  # points
SHORT = 4  # folded secrets shorter than this are matched as whole words only
# Letters of other scripts that look like Latin ones (after case folding): a name
# written with them is the same name to a reader.
CONFUSABLES = str.maketrans({
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "і": "i", "ї": "i", "ј": "j", "к": "k",
    "м": "m", "н": "h", "о": "o", "п": "n", "р": "p", "с": "c", "т": "t", "у": "y", "х": "x",
    "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ь": "b", "һ": "h", "ӏ": "l",
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ı": "i", "ɑ": "a", "ɡ": "g", "ℓ": "l",
})


def skeleton(text: str) -> str:
    """Case-folded, NFKC, accents and soft hyphens dropped, look-alikes mapped to Latin,
    whitespace collapsed: two strings a reader takes for the same have one skeleton."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    text = re.sub(r"-\s*\n\s*", "", text)
    return " ".join(text.translate(CONFUSABLES).split())


def secret_pattern(secret: str) -> re.Pattern[str] | None:
    """A pattern finding `secret`'s skeleton in a skeleton (any whitespace between its
    words); a short one only as a whole word."""
    folded = skeleton(secret)
    if not folded.strip():
        return None
    body = r"\s*".join(re.escape(part) for part in folded.split(" "))
    if len(folded.replace(" ", "")) < SHORT:
        body = rf"(?<![^\W_]){body}(?![^\W_])"
    return re.compile(body)


@dataclass
class Expected:
    """One page of the original as the export must show it."""

    removed: list[str]  # per box
    pieces: list[str]  # every run of removed text (per span and line)
    kept: list[tuple[float | None, float, list[tuple[str, float]]]]  # (baseline or None if rotated, size, [(char, x)])
    changed_lines: set[int]  # indexes into kept of lines that lost a glyph
    visible: str  # the kept text a reader sees (not invisible, white or transparent)


def expected_page(page: pymupdf.Page, boxes: Sequence[Box], texts: Sequence[str | None]) -> Expected:
    pg = page_glyphs(page)
    narrowed = [narrow_box(pg, box, texts[i] if i < len(texts) else None) for i, box in enumerate(boxes)]
    removed = removed_glyphs(pg, narrowed, texts)
    kept = []
    changed = set()
    visible = []
    for members in pg.lines:
        if not members:
            continue
        visible.append("".join(pg.glyphs[i].char for i in members
                               if i not in removed and is_visible(pg.spans[pg.glyphs[i].span])))
        chars = [(pg.glyphs[i].char, pg.glyphs[i].origin[0]) for i in members
                 if i not in removed and not pg.glyphs[i].is_space]
        first = pg.glyphs[members[0]]
        if any(i in removed for i in members):
            changed.add(len(kept))
        horizontal = pg.spans[first.span].horizontal
        kept.append((first.origin[1] if horizontal else None, pg.spans[first.span].size, chars))
    pieces = [p for b in range(len(boxes)) for p in removed_pieces(pg, removed, b)]
    pieces += replaced_words(page, pg, narrowed)
    return Expected(removed_texts(pg, removed, len(boxes)), pieces, kept, changed,
                    "\n".join(visible))


def replaced_words(page: pymupdf.Page, pg: PageGlyphs, boxes: Sequence[Box]) -> list[str]:
    """Words the extractor reads under a box that the glyphs there do not spell: an
    /ActualText replacement (a three-letter name over other glyphs) is removed text too."""
    if not boxes:
        return []
    out = []
    for w in page.get_text("words"):
        cx, cy = (w[0] + w[2]) / 2, (w[1] + w[3]) / 2
        if not any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
            continue
        region = (w[0] - 0.5, w[1] - 0.5, w[2] + 0.5, w[3] + 0.5)
        glyph_text = "".join(pg.glyphs[i].char for i in pg.near(region)
                             if region[0] <= (pg.glyphs[i].font_box[0] + pg.glyphs[i].font_box[2]) / 2 <= region[2])
        folded = skeleton(w[4]).replace(" ", "")
        if folded and folded not in skeleton(glyph_text).replace(" ", ""):
            out.append(w[4])
    return out


def _inside(ink: Box, bars: Sequence[Box]) -> bool:
    """A glyph drawn in a bar (a label): the centre of its box is inside."""
    x, y = (ink[0] + ink[2]) / 2, (ink[1] + ink[3]) / 2
    return any(b[0] < x < b[2] and b[1] < y < b[3] for b in bars)


def _output_lines(pg: PageGlyphs, bars: Sequence[Box]) -> list[tuple[float | None, list[tuple[str, float]]]]:
    out = []
    for n, members in enumerate(pg.lines):
        top, bottom = pg.bounds[n]
        near = [b for b in bars if b[1] < bottom and b[3] > top]  # only bars on this line's height
        chars = [(pg.glyphs[i].char, pg.glyphs[i].origin[0]) for i in members
                 if not pg.glyphs[i].is_space and not (near and _inside(pg.glyphs[i].ink, near))]
        if members:
            first = pg.glyphs[members[0]]
            out.append((first.origin[1] if pg.spans[first.span].horizontal else None, chars))
    return out


def _missing(expected: str, found: str) -> str:
    lost = []
    for op, a0, a1, _b0, _b1 in difflib.SequenceMatcher(None, expected, found, autojunk=False).get_opcodes():
        if op in ("delete", "replace"):
            lost.append(expected[a0:a1])
    return " … ".join(lost)[:80]


def check_kept(number: int, output: pymupdf.Page, expected: Expected, bars: Sequence[Box],
               moved_ok: bool, glyphs: PageGlyphs | None = None) -> list[str]:
    """Problems: glyphs outside every box that are missing, out of order or moved
    (`glyphs`: the output page's, if read already)."""
    problems = []
    lines = _output_lines(glyphs or page_glyphs(output, ink_boxes=False), bars)
    page_right = output.rect.x1 - 1.0
    rotated_want = "".join(c for y, _, cs in expected.kept if y is None for c, _ in cs)
    rotated_have = "".join(c for y, cs in lines if y is None for c, _ in cs)
    short = Counter(rotated_want) - Counter(rotated_have)  # written back glyphs come last: count them
    if short:
        problems.append(f"page {number}: rotated text outside every redaction box was lost: "
                        f"{''.join(sorted(short.elements()))[:40]!r}")
    for index, (baseline, size, chars) in enumerate(expected.kept):
        if not chars or baseline is None:
            continue
        tolerance = max(size, 1.0) / 3
        found = sorted((c for y, cs in lines if y is not None and abs(y - baseline) <= tolerance for c in cs),
                       key=lambda c: c[1])
        want = "".join(c for c, _ in chars)
        have = "".join(c for c, _ in found)
        if want not in have:
            problems.append(f"page {number}: text outside every redaction box was lost from the line at "
                            f"y={baseline:.0f}: {_missing(want, have)!r}")
            continue
        start = have.find(want)
        outside = [k for k, (_, x) in enumerate(chars) if x <= page_right < found[start + k][1]]
        if outside:
            problems.append(f"page {number}: text outside every redaction box was pushed off the page on the "
                            f"line at y={baseline:.0f}")
        beside_bar = any(b[1] <= baseline - 0.3 * size <= b[3] and b[0] <= chars[-1][1] for b in bars)
        if moved_ok and (index in expected.changed_lines or beside_bar):
            continue  # width hiding moved this line's text after a bar
        moved = max(abs(x - found[start + k][1]) for k, (_, x) in enumerate(chars))
        if moved > PLACE_TOLERANCE:
            problems.append(f"page {number}: text outside every redaction box moved by {moved:.1f} pt on the "
                            f"line at y={baseline:.0f}")
    return problems


def check_kept_words(number: int, output: pymupdf.Page, keep_words: Sequence[Sequence[object]]) -> list[str]:
    """A page rebuilt from pixels: its text layer holds every kept word, in order."""
    want = [skeleton(str(row[4])) for row in keep_words if str(row[4]).strip()]
    have = [skeleton(w[4]) for w in output.get_text("words")]
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    lost = [w for op, a0, a1, _, _ in matcher.get_opcodes() if op in ("delete", "replace") for w in want[a0:a1]]
    if lost:
        return [f"page {number}: {len(lost)} word(s) outside every box are missing from the text layer "
                f"(first: {lost[0][:40]!r})"]
    return []


def secrets_in_text(text: str, secrets: Iterable[str]) -> list[str]:
    """The secrets whose skeleton occurs in `text`'s skeleton."""
    hay = skeleton(text)
    found = []
    for secret in secrets:
        pattern = secret_pattern(secret)
        if pattern is not None and pattern.search(hay):
            found.append(secret)
    return found
