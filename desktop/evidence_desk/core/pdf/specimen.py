"""PyMuPDF side of the demo corpus: lay out specimen pages, rasterise them, and
wrap scanned images in an image-only PDF.

Only trusted input reaches this module (our own templates), so it runs in the
calling process. Text is set with MuPDF's HTML layout and its built-in fonts
(Charis SIL, Nimbus Sans), which cover Latin with umlauts and Cyrillic and are
embedded as Unicode (Identity-H + ToUnicode), so the text layer extracts
exactly: no font package is needed. Every page carries a SPECIMEN header,
footer and a diagonal watermark. Output is byte-for-byte deterministic: fixed
metadata dates and no random file id."""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

A4 = (595.0, 842.0)
MARGIN_X = 62.0
TOP = 64.0
BOTTOM = 70.0
HEADER = "SPECIMEN · fictitious document generated for the Evidence Desk demo · not a real record"
WATERMARK = "SPECIMEN"


class LayoutError(ValueError):
    """A template page does not fit on its page (a template bug, not a user error)."""


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str
    date: str  # ISO date, used for the PDF's creation/modification dates
    creator: str = "Evidence Desk demo corpus"


def _pdf_date(iso: str) -> str:
    return "D:" + iso.replace("-", "") + "090000Z"


def _mark(page: pymupdf.Page, number: int, count: int) -> None:
    w, h = page.rect.width, page.rect.height
    grey = (0.35, 0.35, 0.35)
    page.insert_text((MARGIN_X, 34), HEADER, fontsize=7.5, fontname="helv", color=grey)
    footer = f"SPECIMEN - page {number} of {count}"
    width = pymupdf.get_text_length(footer, fontname="helv", fontsize=7.5)
    page.insert_text(((w - width) / 2, h - 30), footer, fontsize=7.5, fontname="helv", color=grey)
    size = 96.0
    tw = pymupdf.get_text_length(WATERMARK, fontname="helv", fontsize=size)
    centre = pymupdf.Point(w / 2, h / 2)
    # Pale and behind the text, so that it is plainly visible yet a scan's
    # binarisation (and Tesseract) drops it.
    page.insert_text(
        (centre.x - tw / 2, centre.y + size * 0.35), WATERMARK, fontsize=size, fontname="helv",
        color=(0.86, 0.55, 0.55), fill_opacity=0.3, morph=(centre, pymupdf.Matrix(-40)),
        overlay=False,
    )


def render_pages(pages_html: list[str], css: str, info: PdfInfo) -> bytes:
    """One A4 page per HTML fragment; raise LayoutError if a fragment overflows."""
    doc = pymupdf.open()
    try:
        box = pymupdf.Rect(MARGIN_X, TOP, A4[0] - MARGIN_X, A4[1] - BOTTOM)
        for index, fragment in enumerate(pages_html):
            page = doc.new_page(width=A4[0], height=A4[1])
            spare, scale = page.insert_htmlbox(box, fragment, css=css, scale_low=1)
            if spare < 0 or scale < 1:
                raise LayoutError(f"{info.title}: page {index + 1} does not fit on A4")
            _mark(page, index + 1, len(pages_html))
        when = _pdf_date(info.date)
        doc.set_metadata({"title": info.title, "author": info.author, "creator": info.creator,
                          "producer": info.creator, "creationDate": when, "modDate": when})
        doc.subset_fonts()
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    finally:
        doc.close()


@dataclass(frozen=True)
class Raster:
    width: int
    height: int
    samples: bytes  # 8-bit greyscale, row-major


def rasterise(pdf: bytes, dpi: int) -> list[Raster]:
    """Every page as a greyscale raster at `dpi`."""
    doc = pymupdf.open(stream=pdf, filetype="pdf")
    try:
        out = []
        for page in doc:
            pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
            out.append(Raster(pix.width, pix.height, bytes(pix.samples)))
        return out
    finally:
        doc.close()


def image_pdf(images: list[tuple[bytes, int, int]], dpi: int, info: PdfInfo) -> bytes:
    """A PDF with one full-page image per page and no text layer (a scanner's output).
    `images` holds (encoded image, width px, height px)."""
    doc = pymupdf.open()
    try:
        for data, w_px, h_px in images:
            page = doc.new_page(width=w_px * 72.0 / dpi, height=h_px * 72.0 / dpi)
            page.insert_image(page.rect, stream=data)
        when = _pdf_date(info.date)
        # A scanner writes its own name, not the letter's author.
        doc.set_metadata({"title": "", "author": "", "creator": "ScanStation 3000 (specimen)",
                          "producer": "ScanStation 3000 (specimen)", "creationDate": when,
                          "modDate": when})
        return doc.tobytes(garbage=3, deflate=True, no_new_id=True)
    finally:
        doc.close()
