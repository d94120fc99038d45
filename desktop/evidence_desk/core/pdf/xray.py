"""Finding failed redactions in a PDF: boxes drawn over text that can still be extracted.

The idea is Free Law Project's x-ray, reimplemented on vector analysis instead of
its pixmap test (which breaks on PyMuPDF 1.28: a clipped pixmap gains a white edge
column). A character is hidden when an opaque box covers it and either the box
is painted after it (higher `seqno`) or the box has the character's own colour
(black text on a black box). Boxes are:

- filled rectangular vector paths that are dark (x-ray's black boxes), including
  hatched ones, which x-ray misses;
- unapplied Redact annotations, opaque Square annotations (a whiteout drawn as
  a comment) and dark Highlight annotations — annotations paint over all content.

What is under a box must *mean* something (x-ray's definition): not whitespace,
not one character repeated (XXXX, ____), not a placeholder word ("REDACTED"),
and, over a whole document, not only dates.

Runs inside a sandbox worker (called from page extraction and from `verify`)."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

import pymupdf

from evidence_desk.core.pdf.source import Source, open_pdf

MIN_BOX_SIDE = 3.0  # thinner fills are rules and underlines, not boxes
DARK = 0.25  # every channel at most this: a "black" box
SAME_COLOUR = 0.12  # text this close to the box colour is invisible on it
MIN_OPACITY = 0.95
MAX_FINDINGS_PER_PAGE = 50
_OK_WORDS = re.compile(
    r"redacted +and +publicly +filed|name +redacted|confidential|privileged?|redacted|redact|"
    r"withheld|removed|blacked +out|\(b\)\s*\(\d\)(\([a-z]\))?",
    re.IGNORECASE,
)
_DATE = re.compile(r"[0-3]?\d[/\-.][0-3]?\d[/\-.]\d{2,4}")


@dataclass(frozen=True)
class Finding:
    page: int  # 1-based
    rect: tuple[float, float, float, float]
    kind: str  # dark_box | redact_annotation | cover_annotation | dark_highlight | burned_box
    text: str

    def message(self) -> str:
        what = {
            "dark_box": "a black box",
            "redact_annotation": "a redaction mark that was never applied",
            "cover_annotation": "an opaque box drawn as a comment",
            "dark_highlight": "a dark highlight",
            "burned_box": "a box burned into the scan, with its OCR text kept,",
        }[self.kind]
        shown = self.text if len(self.text) <= 40 else self.text[:39] + "…"
        where = " ".join(f"{v:.0f}" for v in self.rect)
        return (f"page {self.page}: failed redaction — {what} at {where} covers text that can still "
                f"be extracted (\"{shown}\"); this text is in the case and in any copy of the file; "
                "redact that region to remove it")


@dataclass
class _Box:
    rect: pymupdf.Rect
    seqno: int  # paint order; annotations paint after all content
    colour: tuple[float, ...] | None
    kind: str


def meaningful(text: str) -> bool:
    """x-ray's test: text under a box counts only if it carries information."""
    compact = "".join(text.split())
    alnum = re.sub(r"[\W_]", "", compact)
    if len(alnum) <= 1:
        return False
    if len(set(alnum.lower())) == 1:
        return False  # XXXXXX, 000000
    rest = _OK_WORDS.sub("", " ".join(text.split()))
    return len(re.sub(r"[\W_]", "", rest)) > 1


def looks_like_date(text: str) -> bool:
    return not _DATE.sub("", "".join(text.split())).strip(",;.")


def _is_dark(colour: tuple[float, ...] | None) -> bool:
    return bool(colour) and max(colour) <= DARK  # type: ignore[arg-type]


def _rgb(colour: Any) -> tuple[float, ...] | None:
    if not colour:
        return None
    c = tuple(float(v) for v in colour)
    if len(c) == 1:
        return (c[0],) * 3
    if len(c) == 4:  # CMYK → RGB, approximately
        k = c[3]
        return tuple((1 - min(1.0, v + k)) for v in c[:3])
    return c[:3]


def _vector_boxes(page: pymupdf.Page) -> list[_Box]:
    boxes = []
    for path in page.get_drawings():
        fill = _rgb(path.get("fill"))
        if fill is None or (path.get("fill_opacity") or 1.0) < MIN_OPACITY or not _is_dark(fill):
            continue
        items = path.get("items") or []
        rects: list[pymupdf.Rect] = []
        if items and all(it[0] in ("re", "qu") for it in items):
            rects = [pymupdf.Rect(it[1]) if it[0] == "re" else pymupdf.Quad(it[1]).rect for it in items]
        elif items and all(it[0] == "l" for it in items) and len(items) <= 5:
            rects = [pymupdf.Rect(path["rect"])]  # a closed quadrilateral drawn with lines
        if len(rects) > 1:
            # A rectangle inside another of the same path is a hole (a frame, drawn as one
            # fill with even-odd or opposite winding): neither is an opaque box.
            nested = {i for i, a in enumerate(rects) for j, b in enumerate(rects)
                      if i != j and (a.contains(b) or b.contains(a))}
            rects = [r for i, r in enumerate(rects) if i not in nested]
        for r in rects:
            if r.width >= MIN_BOX_SIDE and r.height >= MIN_BOX_SIDE:
                boxes.append(_Box(r, int(path.get("seqno", 0)), fill, "dark_box"))
    return boxes


def _annotation_boxes(page: pymupdf.Page) -> list[_Box]:
    boxes = []
    after_everything = 1 << 30
    for annot in page.annots() or []:
        kind = annot.type[0]
        colours = annot.colors or {}
        opacity = annot.opacity if annot.opacity is not None and annot.opacity >= 0 else 1.0
        if kind == pymupdf.PDF_ANNOT_REDACT:
            boxes.append(_Box(annot.rect, after_everything, None, "redact_annotation"))
        elif kind in (pymupdf.PDF_ANNOT_SQUARE, pymupdf.PDF_ANNOT_POLYGON) and colours.get("fill") \
                and opacity >= MIN_OPACITY:
            boxes.append(_Box(annot.rect, after_everything, _rgb(colours["fill"]), "cover_annotation"))
        elif kind == pymupdf.PDF_ANNOT_HIGHLIGHT and _is_dark(_rgb(colours.get("stroke"))) \
                and opacity >= MIN_OPACITY:
            for quad in _quads(annot):
                boxes.append(_Box(quad.rect, after_everything, None, "dark_highlight"))
    return boxes


def _quads(annot: pymupdf.Annot) -> list[pymupdf.Quad]:
    vertices = annot.vertices or []
    quads = [pymupdf.Quad(vertices[i:i + 4]) for i in range(0, len(vertices) - 3, 4)]
    return quads or [annot.rect.quad]


def _core(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The middle of a glyph's box: font boxes overhang into neighbouring lines."""
    x0, y0, x1, y1 = bbox
    dx, dy = (x1 - x0) * 0.25, (y1 - y0) * 0.3
    return (x0 + dx, y0 + dy, x1 - dx, y1 - dy)


def _inside(inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    # plain floats: pymupdf.Rect.contains is pure Python and dominates on text-heavy pages
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def _hides(box: _Box, span_seqno: int, span_colour: tuple[float, ...] | None) -> bool:
    if box.seqno > span_seqno:
        return True
    if box.colour is None or span_colour is None:
        return False
    return max(abs(a - b) for a, b in zip(box.colour, span_colour, strict=False)) <= SAME_COLOUR


def page_findings(page: pymupdf.Page, number: int) -> list[Finding]:
    """Failed redactions on one page (before the document-wide date rule)."""
    boxes = _vector_boxes(page) + _annotation_boxes(page)
    if not boxes:
        return []
    under: dict[int, list[tuple[int, float, str]]] = {}
    areas = [tuple(b.rect) for b in boxes]
    for span in page.get_texttrace():
        if span.get("opacity", 1.0) == 0:
            continue
        colour = _rgb(span.get("color"))
        seqno = int(span.get("seqno", 0))
        for ch in span.get("chars", ()):
            bbox = ch[3]
            if bbox[2] <= bbox[0] or bbox[3] <= bbox[1]:
                continue
            core = _core(bbox)
            for i, box in enumerate(boxes):
                if _inside(core, areas[i]) and _hides(box, seqno, colour):  # type: ignore[arg-type]
                    under.setdefault(i, []).append((seqno, bbox[0], chr(ch[0])))
                    break
    findings = []
    for i, chars in sorted(under.items()):
        text = "".join(c for _, _, c in chars).strip()
        if meaningful(text):
            box = boxes[i]
            findings.append(Finding(number, tuple(round(v, 1) for v in box.rect), box.kind, text))  # type: ignore[arg-type]
        if len(findings) >= MAX_FINDINGS_PER_PAGE:
            break
    return findings


BURN_ZOOM = 1.5
BURN_DARK = 48  # grey level at or below which a pixel is "blacked out"


def _invisible_spans(page: pymupdf.Page) -> list[dict[str, Any]]:
    return [s for s in page.get_texttrace() if s.get("type") == 3 and s.get("chars")]


def burned_findings(page: pymupdf.Page, number: int) -> list[Finding]:
    """An OCR text layer kept over a box burned into the scan: the page shows black,
    the invisible text under it still reads out. A glyph is under a burned box when
    the middle of its box renders solid dark (real ink never fills its whole box)."""
    if not page.get_images():  # cheap, and no scan means nothing burned into one
        return []
    spans = _invisible_spans(page)
    if not spans:
        return []
    pix = page.get_pixmap(matrix=pymupdf.Matrix(BURN_ZOOM, BURN_ZOOM), colorspace=pymupdf.csGRAY,
                          alpha=False, annots=False)
    transform = page.rotation_matrix * pymupdf.Matrix(BURN_ZOOM, BURN_ZOOM)
    samples, stride = pix.samples, pix.stride
    runs: list[tuple[pymupdf.Rect, list[str]]] = []
    for span in spans:
        current: tuple[pymupdf.Rect, list[str]] | None = None
        for ch in span["chars"]:
            r = pymupdf.Rect(_core(ch[3])) * transform
            x0, y0 = max(0, int(r.x0)), max(0, int(r.y0))
            x1, y1 = min(pix.width, int(r.x1) + 1), min(pix.height, int(r.y1) + 1)
            dark = x1 > x0 and y1 > y0 and all(
                max(samples[y * stride + x0:y * stride + x1]) <= BURN_DARK for y in range(y0, y1))
            if dark:
                if current is None:
                    current = (pymupdf.Rect(ch[3]), [])
                    runs.append(current)
                current[0].include_rect(pymupdf.Rect(ch[3]))
                current[1].append(chr(ch[0]))
            else:
                current = None
    return [Finding(number, tuple(round(v, 1) for v in rect), "burned_box", "".join(text).strip())  # type: ignore[arg-type]
            for rect, text in runs if meaningful("".join(text))][:MAX_FINDINGS_PER_PAGE]


def document_findings(doc: pymupdf.Document, pages: range | None = None) -> list[Finding]:
    """Every failed redaction in a document, with x-ray's rule that a document whose
    covered text is all dates has none (date stamps under boxes are not secrets)."""
    found: list[Finding] = []
    for index in pages if pages is not None else range(doc.page_count):
        try:
            found.extend(page_findings(doc[index], index + 1))
            found.extend(burned_findings(doc[index], index + 1))
        except Exception:  # a page MuPDF cannot analyse is not a finding
            continue
    if found and all(looks_like_date(f.text) for f in found):
        return []
    return found


def scan_file(path: Source) -> list[Finding]:
    """Sandbox entry point: failed redactions in a PDF file."""
    with open_pdf(path) as doc:
        return document_findings(doc)


# A content-stream operator that fills an area: f F f* B B* b b* (paths) or sh (shading),
# after a delimiter or at the start of the stream. The delimiter is matched, not looked
# behind for: a class first lets the regex engine skip most bytes (4× faster on text pages,
# where this check runs for every page of every import).
_FILL_OPERATOR = re.compile(rb"[\s\])>}](?:f\*?|F|B\*?|b\*?|sh)(?=[\s\[(<{/%]|\Z)")
_FILL_AT_START = re.compile(rb"(?:f\*?|F|B\*?|b\*?|sh)(?=[\s\[(<{/%]|\Z)")


def may_hold_boxes(page: pymupdf.Page) -> bool:
    """False only when the page provably paints no filled area and has no annotations:
    no box can then cover its text, and the costly analysis (a second full run of the
    page) is skipped. Text that merely contains "f" or "B" makes this True, which
    is safe: it only means the full analysis runs. Form XObjects are not read here;
    their presence makes this True."""
    if page.first_annot is not None:
        return True
    if page.get_xobjects():
        return True
    content = _content_bytes(page)
    return content is None or bool(_FILL_AT_START.match(content) or _FILL_OPERATOR.search(content))


CONTENT_SCAN_LIMIT = 8 * 1024 * 1024


def _content_bytes(page: pymupdf.Page) -> bytes | None:
    """The page's content streams, decoded by us with a size cap (None: not plainly
    readable — an unusual filter, predictors, a broken stream, or more than the cap).
    MuPDF's own `read_contents` spends tens of seconds inflating a compression bomb
    before refusing it; a capped zlib stream stops at the cap."""
    doc = page.parent
    out = bytearray()
    try:
        for xref in page.get_contents():
            if doc.xref_get_key(xref, "DecodeParms")[0] != "null":
                return None
            kind, value = doc.xref_get_key(xref, "Filter")
            raw = doc.xref_stream_raw(xref)
            if kind == "null":
                data = raw
            elif kind == "name" and value == "/FlateDecode":
                inflater = zlib.decompressobj()
                data = inflater.decompress(raw, CONTENT_SCAN_LIMIT)
                if inflater.unconsumed_tail:
                    return None
            else:
                return None
            out += data + b"\n"
            if len(out) > CONTENT_SCAN_LIMIT:
                return None
    except Exception:  # MuPDF's errors and zlib's alike: let the full analysis decide
        return None
    return bytes(out)


def page_warnings(page: pymupdf.Page, number: int) -> list[str]:
    """Import warnings for one page (the date rule applied per page)."""
    found = (page_findings(page, number) if may_hold_boxes(page) else []) + burned_findings(page, number)
    if found and all(looks_like_date(f.text) for f in found):
        return []
    return [f.message() for f in found]


def failed_boxes(path: Source) -> list[tuple[int, tuple[float, float, float, float], str]]:
    """Sandbox entry point: (page, box, covered text) of every failed redaction, as plain
    tuples so the caller never has to import this module (and PyMuPDF) to read them."""
    return [(f.page, f.rect, f.text) for f in scan_file(path)]
