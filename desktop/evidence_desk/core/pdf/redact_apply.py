"""Carrying out an export plan: a sanitised, redacted PDF (runs in a sandbox worker).

Born-digital pages are redacted in place with PyMuPDF redaction annotations —
text removed, image pixels blanked, line art touching a box removed — after
their form fields, annotations and links are deleted, and with every optional-
content layer switched on so hidden text is redacted too. Scanned pages (image
documents, image-only PDF pages, pages whose text came from OCR) and every page
in flatten mode are rebuilt: rendered, boxes burned into the pixels, re-encoded,
and given an invisible text layer holding only the words outside the boxes.
The output is a new document carrying pages only (no catalog entries of the
original), scrubbed (`sanitize.scrub_document`) and written in one revision.

`apply_redactions` can hang on some files (PyMuPDF #1287): the caller runs this
in a `SandboxWorker` with a wall-clock timeout, which is the watchdog."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import pymupdf
from PIL import Image

from evidence_desk.core.filetypes import is_image
from evidence_desk.core.pdf import (
    font_scrub,
    images,
    pixel_limits,
    redact_raster,
    redact_scan,
    redact_text,
    sanitize,
    scan_widths,
)
from evidence_desk.core.pdf.glyph_writer import Fonts
from evidence_desk.core.pdf.redact_plan import ExportOutcome, ExportPlan, PagePlan
from evidence_desk.core.pdf.source import open_pdf

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

MAX_PIXELS = pixel_limits.REBUILD
SCAN_COVERAGE = 0.85  # an image over this share of the page, and no visible text: a scan


def export_document(plan: ExportPlan) -> ExportOutcome:
    out = pymupdf.open()
    outcome = ExportOutcome(pages=0, rebuilt_pages=[], vector_pages=[], bytes=0)
    if is_image(plan.media_type):
        _export_image_document(plan, out, outcome)
        outcome.rebuilt_pages = [p.number for p in plan.pages]
    else:
        src = open_pdf(plan.original)
        try:
            _export_pdf(plan, src, out, outcome)
        finally:
            src.close()
    if any(p.boxes for p in plan.pages if p.number in set(outcome.vector_pages)):
        font_scrub.subset_fonts(out)
    sanitize.scrub_document(out)
    sanitize.save_clean(out, plan.output)
    outcome.pages = out.page_count
    out.close()
    vector = set(outcome.vector_pages)
    font_scrub.prune_file(plan.output, {p.number: [*p.boxes, *outcome.bars.get(p.number, [])]
                                        for p in plan.pages if p.boxes and p.number in vector})
    outcome.bytes = sanitize.fsync_file(plan.output)
    return outcome


# -- image documents -------------------------------------------------------------------------

def _export_image_document(plan: ExportPlan, out: pymupdf.Document, outcome: ExportOutcome) -> None:
    img = images.open_image(plan.original, plan.media_type)
    try:
        for page_plan in plan.pages:
            frame = images.load_frame(img, page_plan.number - 1)
            w_pt, h_pt = images.page_size_points(frame)
            picture = frame.convert("RGB") if frame.mode not in ("L", "RGB") else frame.copy()
            _add_rebuilt_page(out, plan, page_plan, picture, w_pt, h_pt, 0, outcome)
    finally:
        img.close()


# -- PDF documents ---------------------------------------------------------------------------

def _export_pdf(plan: ExportPlan, src: pymupdf.Document, out: pymupdf.Document, outcome: ExportOutcome) -> None:
    sanitize.reveal_optional_content(src)
    by_number = {p.number: p for p in plan.pages}
    rebuilt = outcome.rebuilt_pages
    vector = outcome.vector_pages
    rng = random.SystemRandom()  # bar widths nobody can reproduce
    kinds: list[bool] = []  # True: rebuild from pixels
    for index in range(src.page_count):
        page_plan = by_number.get(index + 1) or PagePlan(index + 1)
        page = src[index]
        scan = page_plan.scanned or is_scanned_page(page)
        if scan and not page_plan.scanned:  # a scan with a text layer: read its pixels again too
            page_plan = by_number[index + 1] = PagePlan(**{**page_plan.__dict__, "scanned": True})
        rebuild = plan.flatten or scan
        kinds.append(rebuild)
        if not rebuild:
            sanitize.strip_interactive(page)
            log = page.get_bboxlog()  # one pass for both: text off the page, graphics under boxes
            sanitize.remove_off_page_text(page, log)
            _redact_vector_page(page, page_plan, plan, rng, outcome, log)
    # Copy runs of born-digital pages in one call (shared fonts and images are copied
    # once); rebuilt pages are drawn fresh.
    index = 0
    while index < src.page_count:
        if kinds[index]:
            page_plan = by_number.get(index + 1) or PagePlan(index + 1)
            _rebuild_pdf_page(plan, src[index], page_plan, out, outcome)
            rebuilt.append(index + 1)
            index += 1
            continue
        end = index
        while end + 1 < src.page_count and not kinds[end + 1]:
            end += 1
        out.insert_pdf(src, from_page=index, to_page=end, links=False, annots=False, widgets=False,
                       final=False)
        vector.extend(range(index + 1, end + 2))
        index = end + 1


def is_scanned_page(page: pymupdf.Page) -> bool:
    """One image covering most of the page and no visible text: a scan (its text, if
    any, is an invisible OCR layer that would survive a vector redaction untouched)."""
    area = abs(page.rect) or 1.0
    try:
        if not page.get_images(full=False):
            return False  # cheap: no image resource, no scan (get_image_info parses the page)
        infos = page.get_image_info()
    except Exception:
        return False
    if not any(abs(pymupdf.Rect(i["bbox"]) & page.rect) >= SCAN_COVERAGE * area for i in infos):
        return False
    for span in page.get_texttrace():
        if span.get("type") != 3 and span.get("opacity", 1) > 0 and span.get("chars"):
            return False
    return True


def _redact_vector_page(page: pymupdf.Page, page_plan: PagePlan, plan: ExportPlan, rng: random.Random,
                        outcome: ExportOutcome, bboxlog: list[Any] | None = None) -> None:
    if not page_plan.boxes:
        return
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)  # boxes, glyphs and bars all in unrotated coordinates
        bboxlog = None  # read in rotated coordinates
    done = redact_text.redact_page(page, page_plan.boxes, page_plan.texts, hide_widths=plan.hide_widths, rng=rng,
                                   bboxlog=bboxlog)
    outcome.removed[page_plan.number] = done.removed
    outcome.bars[page_plan.number] = done.bars
    outcome.rebuilt_lines += done.rebuilt_lines
    outcome.restored_glyphs += done.restored
    outcome.hidden_widths += done.hidden
    outcome.warnings += [f"page {page_plan.number}: {w}" for w in sorted(set(done.warnings))]
    if plan.label:
        for i in range(len(page_plan.boxes)):
            text = page_plan.labels[i] if i < len(page_plan.labels) else ""
            bar = done.bar_of_box.get(i)
            if text and bar is not None:
                _label(page, bar, text)
    if rotation:
        page.set_rotation(rotation)


def _label(page: pymupdf.Page, bar: Sequence[float], text: str) -> None:
    """The reason code in white, as large as fits the bar (nothing if it cannot fit)."""
    rect = pymupdf.Rect(bar)
    size = min(_label_size(bar), (rect.width - 2) / max(pymupdf.get_text_length(text, "helv", 1), 1e-6))
    if size < 3:
        return
    base = rect.y0 + (rect.height + size * 0.7) / 2
    page.insert_text((rect.x0 + (rect.width - pymupdf.get_text_length(text, "helv", size)) / 2, base), text,
                     fontsize=size, fontname="helv", color=(1, 1, 1))


def _label_size(box: Sequence[float]) -> float:
    return max(4.0, min(11.0, (box[3] - box[1]) * 0.6))


def _page_dpi(page: pymupdf.Page, plan: ExportPlan) -> int:
    """The resolution of the page's largest image, so a rebuilt scan keeps its detail
    without inflating; flatten mode and vector pages use the plan's dpi."""
    best = 0.0
    try:
        for info in page.get_image_info():
            bbox = pymupdf.Rect(info["bbox"])
            if bbox.width > 0:
                best = max(best, info["width"] * 72.0 / bbox.width, info["height"] * 72.0 / max(bbox.height, 1))
    except Exception:
        best = 0.0
    dpi = best if best >= 72 else plan.dpi
    dpi = min(max(dpi, 72.0), float(plan.max_dpi))
    # Poster-size pages: cap the picture's pixels (MuPDF refuses overly large images).
    area_in = max(page.rect.width * page.rect.height, 1.0) / (72.0 * 72.0)
    dpi = min(dpi, (MAX_PIXELS / area_in) ** 0.5)
    return max(1, round(dpi))


def _all_grey(page: pymupdf.Page) -> bool:
    """A scan whose images are all one-channel: render it grey (a third of the work)."""
    try:
        infos = page.get_image_info()
    except Exception:
        return False
    return bool(infos) and all(i.get("colorspace") == 1 for i in infos)


def _rebuild_pdf_page(plan: ExportPlan, page: pymupdf.Page, page_plan: PagePlan,
                      out: pymupdf.Document, outcome: ExportOutcome) -> None:
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)  # render the unrotated page: boxes are in its coordinates
    sanitize.strip_interactive(page)  # annotations are not part of the rebuilt picture
    dpi = _page_dpi(page, plan)
    grey = not plan.flatten and _all_grey(page)
    space = pymupdf.csGRAY if grey else pymupdf.csRGB
    pix = page.get_pixmap(dpi=dpi, colorspace=space, alpha=False, annots=False)
    picture = Image.frombytes("L" if grey else "RGB", (pix.width, pix.height), pix.samples)
    del pix
    w_pt, h_pt = page.rect.width, page.rect.height
    _add_rebuilt_page(out, plan, page_plan, picture, w_pt, h_pt, rotation, outcome)


def _add_rebuilt_page(out: pymupdf.Document, plan: ExportPlan, page_plan: PagePlan,
                      picture: Image.Image, w_pt: float, h_pt: float, rotation: int,
                      outcome: ExportOutcome) -> None:
    sx, sy = picture.size[0] / w_pt, picture.size[1] / h_pt
    labels = page_plan.labels if plan.label else []
    if plan.tracking_dots:
        picture = redact_raster.suppress_tracking_dots(picture)
    boxes = list(page_plan.boxes)
    keep = page_plan.keep_words
    seen: list[tuple[float, float, float, float]] = []
    if boxes and page_plan.scanned:  # the text layer may sit beside the ink: read the pixels again
        decision = redact_scan.decide(picture, (sx, sy), boxes, keep, page_plan.removed_words,
                                      page_plan.ocr_languages)
        boxes += decision.burn
        keep = decision.keep_words
        seen = decision.seen
        outcome.removed[page_plan.number] = decision.removed
        if decision.warning:
            outcome.warnings.append(f"page {page_plan.number}: {decision.warning}")
    if boxes and plan.hide_widths:  # the burned box and the line after it say nothing of its width
        words = seen or [row[:4] for row in [*keep, *page_plan.removed_words]]
        hidden = scan_widths.hide(picture, (sx, sy), boxes, words, keep)
        picture, boxes, keep = hidden.picture, hidden.bars, hidden.keep_words
        outcome.hidden_widths += hidden.hidden
        outcome.warnings += [f"page {page_plan.number}: {w}" for w in sorted(set(hidden.warnings))]
    if boxes:
        outcome.bars[page_plan.number] = boxes
    picture = redact_raster.burn(picture, boxes, sx, sy, labels)
    encoded = redact_raster.encode(picture, plan.jpeg_quality, dpi=72.0 * sx)
    new = out.new_page(width=w_pt, height=h_pt)
    new.insert_image(new.rect, stream=encoded.data)
    # The same boxes as vectors on top: the rendered page is exactly the fill colour
    # inside every box, whatever the image codec did at the box edges.
    for box in boxes:
        new.draw_rect(pymupdf.Rect(box), color=None, fill=(0, 0, 0), width=0, overlay=True)
    _text_layer(new, keep)
    if rotation:
        new.set_rotation(rotation)


def _text_layer(page: pymupdf.Page, words: list[list[Any]]) -> None:
    """Invisible text (render mode 3) for the words that stay, so the page stays searchable.
    Written by a text writer in a font that has every character of the word (Helvetica,
    else MuPDF's Noto or its CJK fallback: `glyph_writer.Fonts`), subset on save like every
    font of the export. `insert_text` with Helvetica and a Cyrillic encoding came back from
    the PDF as "ЇЇЇЇ" (PyMuPDF 1.28), and "‘" too: a scan in Russian lost its whole text
    layer, and the export's own check refused it."""
    fonts = Fonts(page)
    writer = pymupdf.TextWriter(page.rect)
    for row in words:
        x0, y0, x1, y1, text = float(row[0]), float(row[1]), float(row[2]), float(row[3]), str(row[4])
        if not text.strip() or x1 <= x0 or y1 <= y0:
            continue
        font = fonts.font_for("", text)
        height = y1 - y0
        unit = font.text_length(text, fontsize=1) or 1.0
        size = max(1.0, min(height * 0.85, (x1 - x0) / unit))
        # The space after it keeps the word apart for extractors: OCR's boxes may touch or
        # overlap ("ЗИП" and "(запасные"), and the two were read back as one word.
        writer.append((x0, y1 - height * 0.2), text + " ", font=font, fontsize=size)
    if writer.text_rect.is_valid and not writer.text_rect.is_empty:
        writer.write_text(page, render_mode=3)
