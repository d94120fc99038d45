"""Rendering one page of an original as a grayscale bitmap for OCR.

Runs inside a sandbox worker. A PDF page is drawn by MuPDF with its /Rotate
set to 0, so pixel (x, y) maps to PDF points of the *unrotated* page by a plain
scale; an image frame is decoded by Pillow with the same guards as at import.
The bitmap is bounded in pixels whatever the page claims to measure."""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf
from PIL import Image

from evidence_desk.core.filetypes import is_image
from evidence_desk.core.pdf import images, pixel_limits
from evidence_desk.core.pdf.extract import open_pdf
from evidence_desk.core.pdf.source import Source

OCR_DPI = 300
MAX_SIDE_PX = pixel_limits.OCR_SIDE
MAX_PIXELS = pixel_limits.OCR
MIN_NATIVE_DPI, MAX_NATIVE_DPI = 150.0, 600.0


@dataclass
class PageBitmap:
    image: Image.Image  # mode "L"
    width_pt: float
    height_pt: float
    dpi: float

    def px_to_pt(self, x: float, y: float) -> tuple[float, float]:
        return (x * self.width_pt / self.image.width, y * self.height_pt / self.image.height)


def _zoom_for(width_pt: float, height_pt: float, dpi: float) -> float:
    zoom = dpi / 72.0
    w, h = width_pt * zoom, height_pt * zoom
    if max(w, h) > MAX_SIDE_PX:
        zoom *= MAX_SIDE_PX / max(w, h)
    if w * h * (zoom * 72.0 / dpi) ** 2 > MAX_PIXELS:
        zoom = (MAX_PIXELS / (width_pt * height_pt)) ** 0.5
    return max(zoom, 0.05)


def render_page(path: Source, media_type: str, index: int, dpi: float = OCR_DPI) -> PageBitmap:
    """Page `index` (0-based) as an 8-bit grayscale image near `dpi`, bounded in pixels."""
    if is_image(media_type):
        return _render_image(path, media_type, index, dpi)
    page = open_pdf(path)[index]
    if page.rotation:
        page.set_rotation(0)  # in memory only: we want the unrotated page's pixels
    rect = page.rect
    zoom = _zoom_for(rect.width, rect.height, _scan_dpi(page, rect) or dpi)
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    return PageBitmap(img, float(rect.width), float(rect.height), zoom * 72.0)


def _target_dpi(native: float, wanted: float) -> float:
    """Keep a scan at its own resolution when Tesseract reads it well (150–600 dpi): upsampling
    a 200 dpi scan to 300 adds pixels, not information, and makes OCR ~1.5–2× slower."""
    if native < MIN_NATIVE_DPI:
        return min(wanted, native * 2)
    if native > MAX_NATIVE_DPI:
        return wanted
    return native


def _scan_dpi(page: pymupdf.Page, rect: pymupdf.Rect) -> float | None:
    """For a page that is one big picture (a scan), the DPI to render it at; None otherwise."""
    try:
        infos = page.get_image_info()
    except Exception:
        return None
    page_area = max(1.0, rect.width * rect.height)
    best = None
    for info in infos:
        x0, y0, x1, y1 = info.get("bbox", (0, 0, 0, 0))
        w_pt, h_pt = abs(x1 - x0), abs(y1 - y0)
        if w_pt * h_pt < 0.5 * page_area or not info.get("width"):
            continue
        # The picture may be placed turned: take the larger of its two pixel densities.
        native = max(info["width"], info["height"]) * 72.0 / max(w_pt, h_pt, 1.0)
        best = max(best or 0.0, native)
    return None if best is None else _target_dpi(best, OCR_DPI)


def _render_image(path: Source, media_type: str, index: int, dpi: float) -> PageBitmap:
    src = images.open_image(path, media_type)
    try:
        frame = images.load_frame(src, index)
        width_pt, height_pt = images.page_size_points(frame)
        img = frame.convert("L")
    finally:
        src.close()
    native_dpi = img.width * 72.0 / width_pt
    scale = _target_dpi(native_dpi, dpi) / native_dpi
    w, h = round(img.width * scale), round(img.height * scale)
    if max(w, h) > MAX_SIDE_PX or w * h > MAX_PIXELS:
        shrink = min(MAX_SIDE_PX / max(w, h), (MAX_PIXELS / (w * h)) ** 0.5)
        w, h, scale = round(w * shrink), round(h * shrink), scale * shrink
    if (w, h) != img.size:
        img = img.resize((max(1, w), max(1, h)), Image.Resampling.LANCZOS if scale > 1 else Image.Resampling.BOX)
    return PageBitmap(img, width_pt, height_pt, native_dpi * scale)
