"""Rendering one page of an original as a grayscale bitmap for OCR.

Runs inside a sandbox worker. A PDF page is drawn by MuPDF with its /Rotate
set to 0, so pixel (x, y) maps to PDF points of the *unrotated* page by a plain
scale; an image frame is decoded by Pillow with the same guards as at import.
The bitmap is bounded in pixels whatever the page claims to measure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pymupdf
from PIL import Image

from evidence_desk.core.errors import RefusedFileError
from evidence_desk.core.filetypes import is_image
from evidence_desk.core.pdf import images

OCR_DPI = 300
MAX_SIDE_PX = 10_000
MAX_PIXELS = 60_000_000  # 8.5 × 11 in at 300 dpi is 8.4 MP; this bounds absurd page sizes

_open: dict[str, Any] = {}


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


def _pdf(path: str) -> pymupdf.Document:
    doc = _open.get(path)
    if doc is None:
        for old in _open.values():
            old.close()
        _open.clear()
        try:
            doc = pymupdf.open(path, filetype="pdf")
        except Exception as exc:
            raise RefusedFileError(f"not a readable PDF ({exc})"[:300], "malformed") from exc
        _open[path] = doc
    return doc


def render_page(path: str, media_type: str, index: int, dpi: float = OCR_DPI) -> PageBitmap:
    """Page `index` (0-based) as an 8-bit grayscale image near `dpi`, bounded in pixels."""
    if is_image(media_type):
        return _render_image(path, media_type, index, dpi)
    page = _pdf(path)[index]
    if page.rotation:
        page.set_rotation(0)  # in memory only: we want the unrotated page's pixels
    rect = page.rect
    zoom = _zoom_for(rect.width, rect.height, dpi)
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
    img = Image.frombytes("L", (pix.width, pix.height), pix.samples)
    return PageBitmap(img, float(rect.width), float(rect.height), zoom * 72.0)


def _render_image(path: str, media_type: str, index: int, dpi: float) -> PageBitmap:
    src = images.open_image(path, media_type)
    try:
        frame = images.load_frame(src, index)
        width_pt, height_pt = images.page_size_points(frame)
        img = frame.convert("L")
    finally:
        src.close()
    native_dpi = img.width * 72.0 / width_pt
    # Tesseract reads best near 300 dpi: scale small scans up (at most 2×) and huge ones down.
    scale = min(2.0, max(dpi / native_dpi, 0.25)) if native_dpi < dpi * 0.75 or native_dpi > dpi * 2 else 1.0
    w, h = round(img.width * scale), round(img.height * scale)
    if max(w, h) > MAX_SIDE_PX or w * h > MAX_PIXELS:
        shrink = min(MAX_SIDE_PX / max(w, h), (MAX_PIXELS / (w * h)) ** 0.5)
        w, h, scale = round(w * shrink), round(h * shrink), scale * shrink
    if (w, h) != img.size:
        img = img.resize((max(1, w), max(1, h)), Image.Resampling.LANCZOS if scale > 1 else Image.Resampling.BOX)
    return PageBitmap(img, width_pt, height_pt, native_dpi * scale)
