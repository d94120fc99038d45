"""What a redaction box covers, in every layer, and where else its text is (runs in a
sandbox worker on the original file).

Before a box is trusted it is looked under: the glyphs it removes (decided as the
export decides, `glyphs.removed_glyphs`, so the preview is what export does),
words an extractor reads there that the glyphs do not spell (`/ActualText`), the
images and the line art (clip paths included) under it. Then the removed text is
looked for on every page — visible, white, invisible, transparent or as
`/ActualText` — so that a copy elsewhere can be redacted before export, which
would otherwise refuse the file."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from evidence_desk.core.pdf import sanitize
from evidence_desk.core.pdf.glyphs import (
    Box,
    Span,
    is_visible,
    narrow_box,
    page_glyphs,
    removed_glyphs,
    removed_pieces,
    removed_text,
)
from evidence_desk.core.pdf.redact_plan import BoxCover, Coverage, Occurrence
from evidence_desk.core.pdf.source import Source, open_pdf
from evidence_desk.core.pdf.verify_text import replaced_words, secret_pattern, skeleton

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)
MAX_OCCURRENCES = 500


def _kinds(page: pymupdf.Page, box: Box) -> tuple[int, int, int]:
    rect = pymupdf.Rect(box)
    images = paths = clips = 0
    for kind, bbox in page.get_bboxlog():
        if (pymupdf.Rect(bbox) & rect).is_empty:
            continue
        if "image" in kind:
            images += 1
        elif "clip" in kind and "text" not in kind:
            clips += 1
        elif "path" in kind:
            paths += 1
    return images, paths, clips


def _how(span: Span) -> str:
    return "visible" if is_visible(span) else "hidden"


def _find(doc: pymupdf.Document, wanted: Sequence[str], skip: dict[int, list[Box]]) -> list[Occurrence]:
    """Every place a page shows (or hides) one of `wanted`, outside the boxes in `skip`."""
    patterns = [(w, secret_pattern(w)) for w in wanted]
    found: list[Occurrence] = []
    for index in range(doc.page_count):
        page = doc[index]
        number = index + 1
        pg = page_glyphs(page)
        for members in pg.lines:
            line = [pg.glyphs[i] for i in members]
            folded, owners = [], []
            for k, g in enumerate(line):
                for ch in skeleton(g.char) or (" " if g.is_space else ""):
                    folded.append(ch)
                    owners.append(k)
            hay = "".join(folded)
            for _text, pattern in patterns:
                if pattern is None:
                    continue
                for match in pattern.finditer(hay):
                    hit = [line[owners[k]] for k in range(match.start(), match.end())]
                    rect = (min(g.font_box[0] for g in hit), min(g.font_box[1] for g in hit),
                            max(g.font_box[2] for g in hit), max(g.font_box[3] for g in hit))
                    centre = ((rect[0] + rect[2]) / 2, (rect[1] + rect[3]) / 2)
                    if any(b[0] <= centre[0] <= b[2] and b[1] <= centre[1] <= b[3] for b in skip.get(number, [])):
                        continue
                    found.append(Occurrence(number, rect, "".join(g.char for g in hit),
                                            _how(pg.spans[hit[0].span])))
        for w in page.get_text("words"):  # what an extractor reads: /ActualText included
            centre = ((w[0] + w[2]) / 2, (w[1] + w[3]) / 2)
            if any(b[0] <= centre[0] <= b[2] and b[1] <= centre[1] <= b[3] for b in skip.get(number, [])):
                continue
            for _text, pattern in patterns:
                if pattern is not None and pattern.search(skeleton(w[4])) and not any(
                        o.page == number and abs(o.rect[0] - w[0]) < 2 and abs(o.rect[1] - w[1]) < 4 for o in found):
                    found.append(Occurrence(number, tuple(w[:4]), w[4], "replacement text"))
        if len(found) > MAX_OCCURRENCES:
            break
    return found[:MAX_OCCURRENCES]


def covered(path: Source, page_number: int, boxes: Sequence[Box], texts: Sequence[str | None] = (),
            all_boxes: dict[int, list[Box]] | None = None) -> Coverage:
    """Sandbox entry point: what `boxes` on one page cover, and where else their text is
    (outside `all_boxes`, the document's other redactions)."""
    out = Coverage()
    with open_pdf(path) as doc:
        sanitize.reveal_optional_content(doc)
        page = doc[page_number - 1]
        if page.rotation:
            page.set_rotation(0)
        sanitize.strip_interactive(page)
        pg = page_glyphs(page)
        narrowed = [narrow_box(pg, b, texts[i] if i < len(texts) else None) for i, b in enumerate(boxes)]
        removed = removed_glyphs(pg, narrowed, texts)
        for b, box in enumerate(narrowed):
            mine = [i for i, owner in removed.items() if owner == b and not pg.glyphs[i].is_space]
            pieces = removed_pieces(pg, removed, b)
            replaced = replaced_words(page, pg, [box])
            images, paths, clips = _kinds(page, boxes[b])
            out.boxes.append(BoxCover(removed_text(pg, removed, b), pieces, len(mine),
                                      sum(not is_visible(pg.spans[pg.glyphs[i].span]) for i in mine),
                                      replaced, images, paths, clips))
        wanted = sorted({p for c in out.boxes for p in [*c.pieces, *c.replaced] if skeleton(p)}, key=len, reverse=True)
        skip = {k: list(v) for k, v in (all_boxes or {}).items()}
        skip.setdefault(page_number, []).extend(narrowed)
        if wanted:
            out.elsewhere = _find(doc, wanted, skip)
    return out
