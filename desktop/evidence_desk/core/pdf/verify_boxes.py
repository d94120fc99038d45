"""What lies under each redaction bar of an export (runs in a sandbox worker): no
extractable character, every rendered pixel the fill colour, and on pages rebuilt
from pixels, a dark page image."""

from __future__ import annotations

from collections.abc import Sequence

import pymupdf

from evidence_desk.core.pdf.glyphs import PageGlyphs
from evidence_desk.core.pdf.redact_plan import Box

RENDER_ZOOM = 2.0
IMAGE_DARK_MAX = 96  # burned pixels after JPEG: dark, whatever the ringing
IMAGE_MARGIN_PX = 3


def chars_in_boxes(page: pymupdf.Page, boxes: Sequence[Box], allowed: set[str]) -> dict[int, str]:
    """Extractable characters whose centre lies inside a box (shrunk by a point), per box."""
    inner = [(b[0] + 1.0, b[1] + 1.0, b[2] - 1.0, b[3] - 1.0) for b in boxes]
    found: dict[int, list[str]] = {}
    for span in page.get_texttrace():
        chars = span.get("chars", ())
        if "".join(chr(c[0]) for c in chars).strip() in allowed:
            continue  # a box's own label
        for ch in chars:
            if not chr(ch[0]).strip():
                continue
            x0, y0, x1, y1 = ch[3]
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            for i, rect in enumerate(inner):
                if rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]:
                    found.setdefault(i, []).append(chr(ch[0]))
                    break
    return {i: "".join(chars) for i, chars in found.items()}


def glyphs_in_boxes(pg: PageGlyphs, boxes: Sequence[Box], allowed: set[str]) -> dict[int, str]:
    """As `chars_in_boxes`, from a page's glyphs read already."""
    inner = [(b[0] + 1.0, b[1] + 1.0, b[2] - 1.0, b[3] - 1.0) for b in boxes]
    label_spans = {n for n, text in _span_texts(pg).items() if text.strip() in allowed}
    found: dict[int, list[str]] = {}
    for g in pg.glyphs:
        if g.is_space or g.span in label_spans:
            continue
        x0, y0, x1, y1 = g.font_box
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        for i, rect in enumerate(inner):
            if rect[0] <= cx <= rect[2] and rect[1] <= cy <= rect[3]:
                found.setdefault(i, []).append(g.char)
                break
    return {i: "".join(chars) for i, chars in found.items()}


def _span_texts(pg: PageGlyphs) -> dict[int, str]:
    texts: dict[int, list[str]] = {}
    for g in pg.glyphs:
        texts.setdefault(g.span, []).append(g.char)
    return {n: "".join(chars) for n, chars in texts.items()}


def pixels_solid(page: pymupdf.Page, boxes: Sequence[Box], labelled: bool) -> list[int]:
    """Indexes of boxes whose rendered pixels are not all the fill colour (black).
    With labels, a box may also hold grey pixels (white text anti-aliased on black).
    Each box is rendered on its own (a clip), so big pages with few boxes stay cheap."""
    matrix = pymupdf.Matrix(RENDER_ZOOM, RENDER_ZOOM)
    bad = []
    for i, box in enumerate(boxes):
        area = pymupdf.Rect(box) * page.rotation_matrix  # get_pixmap clips in rotated space
        if area.is_empty:
            continue
        pix = page.get_pixmap(matrix=matrix, clip=area, colorspace=pymupdf.csRGB, alpha=False, annots=True)
        n, stride = pix.n, pix.stride
        samples = pix.samples_mv
        for y in range(2, pix.height - 2):
            row = samples[y * stride + 2 * n:y * stride + (pix.width - 2) * n].tobytes()
            if labelled:
                if any(row[k] != row[k + 1] or row[k] != row[k + 2] for k in range(0, len(row), n)):
                    bad.append(i)
                    break
            elif row.strip(b"\x00"):
                bad.append(i)
                break
    return bad


def images_burned(doc: pymupdf.Document, page: pymupdf.Page, boxes: Sequence[Box]) -> list[int]:
    """On a page rebuilt from pixels: indexes of boxes under which the image is not dark."""
    bad: set[int] = set()
    for info in page.get_image_info(xrefs=True):
        bbox = pymupdf.Rect(info["bbox"])
        if not info.get("xref") or bbox.is_empty:
            continue
        pix = pymupdf.Pixmap(doc, info["xref"])
        if pix.n - pix.alpha != 1 or pix.alpha:
            pix = pymupdf.Pixmap(pymupdf.csGRAY, pix)
        sx, sy = pix.width / bbox.width, pix.height / bbox.height
        for i, box in enumerate(boxes):
            r = pymupdf.Rect(box) & bbox
            if r.is_empty:
                continue
            x0 = int((r.x0 - bbox.x0) * sx) + IMAGE_MARGIN_PX
            x1 = int((r.x1 - bbox.x0) * sx) - IMAGE_MARGIN_PX
            y0 = int((r.y0 - bbox.y0) * sy) + IMAGE_MARGIN_PX
            y1 = int((r.y1 - bbox.y0) * sy) - IMAGE_MARGIN_PX
            for y in range(max(0, y0), min(pix.height, y1)):
                row = pix.samples_mv[y * pix.stride + max(0, x0):y * pix.stride + min(pix.width, x1)]
                if row and max(row.tobytes()) > IMAGE_DARK_MAX:
                    bad.add(i)
                    break
    return sorted(bad)
