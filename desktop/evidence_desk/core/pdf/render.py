"""Rendering one page of an original file into raw RGB pixels.

These functions run inside sandbox workers (`core.sandbox.SandboxWorker.call(
"evidence_desk.core.pdf.render.render_page", ...)`): untrusted files are never
parsed in the GUI process. Only a `RenderedPage` (bounded numbers and bytes)
comes back, and the parent checks it again (`core.rendering.validate`).

Rotation, defined once for every caller:
- `rotate=0` (the default) draws the page *unrotated*: pixel (x, y) shows PDF point
  (x / scale, y / scale) of the unrotated page, the coordinate system of word boxes
  and of every region stored in the case (`core.geometry`). The page's own
  /Rotate is ignored; the viewer turns the picture itself, so overlays stay in
  unrotated points and rotating the view never re-renders.
- `rotate=90|180|270` turns that unrotated picture clockwise by that much.
- `rotate=None` honours the page's /Rotate (what a PDF reader shows), for
  thumbnails and exports; add a view rotation by passing `(page_rotation + view) % 360`.

A worker keeps a few documents open (a small LRU), so scrolling through a file
does not reopen it for every page."""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import replace
from multiprocessing import shared_memory
from typing import TYPE_CHECKING, Any

import pymupdf

from evidence_desk.core.errors import InvalidInputError, RefusedFileError
from evidence_desk.core.filetypes import PDF, is_image
from evidence_desk.core.geometry import Rect
from evidence_desk.core.pdf import images
from evidence_desk.core.pdf.render_types import MAX_PIXELS, MAX_SIDE, RenderedPage
from evidence_desk.core.pdf.source import Source, drop_held, open_pdf, resolve

if TYPE_CHECKING:
    from PIL import Image

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

MIN_SCALE = 0.01
MAX_SCALE = 32.0
OPEN_DOCUMENTS = 4  # per worker; each open PDF costs a few MB of MuPDF state


class _OpenFiles:
    """A small LRU of open documents (PyMuPDF documents or Pillow images)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[tuple[str, str], Any] = OrderedDict()

    def get(self, path: Source, media_type: str) -> Any:
        name, readable = resolve(path)
        key = (name, media_type)
        item = self._items.get(key)
        if item is not None:
            self._items.move_to_end(key)
            return item
        item = _open(readable, media_type)
        self._items[key] = item
        while len(self._items) > self.size:
            _, old = self._items.popitem(last=False)
            old.close()
        return item

    def clear(self) -> None:
        for item in self._items.values():
            item.close()
        self._items.clear()


_files = _OpenFiles(OPEN_DOCUMENTS)


def _open(path: Source, media_type: str) -> Any:
    if is_image(media_type):
        return images.open_image(path, media_type)
    if media_type != PDF:
        raise RefusedFileError(f"unsupported file type {media_type}", "unsupported")
    try:
        doc = open_pdf(path)
    except Exception as exc:
        raise RefusedFileError(f"not a readable PDF ({_short(exc)})", "malformed") from exc
    if doc.needs_pass:
        doc.close()
        raise RefusedFileError("password-protected PDF", "encrypted")
    return doc


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def warm_up() -> bool:
    """Called once when a render worker starts, so the first page pays no import cost."""
    return True


def clamp_scale(width_pt: float, height_pt: float, scale: float,
                max_pixels: int = MAX_PIXELS, max_side: int = MAX_SIDE) -> float:
    """The largest scale ≤ `scale` whose render stays within the pixel bounds."""
    if not (math.isfinite(scale) and scale > 0):
        raise InvalidInputError(f"render scale must be a positive number, not {scale!r}")
    if width_pt <= 0 or height_pt <= 0:
        raise RefusedFileError(f"the page has an impossible size ({width_pt:.0f} × {height_pt:.0f} pt)")
    scale = min(max(scale, MIN_SCALE), MAX_SCALE)
    scale = min(scale, max_side / width_pt, max_side / height_pt)
    scale = min(scale, math.sqrt(max_pixels / (width_pt * height_pt)))
    # Rounding a side up can add a row or column: keep a hair of margin.
    return scale * 0.999 if (width_pt * scale + 1) * (height_pt * scale + 1) > max_pixels else scale


def render_page(path: Source, media_type: str, page_number: int, scale: float,
                rotate: int | None = 0, clip: tuple[float, float, float, float] | None = None,
                max_pixels: int = MAX_PIXELS) -> RenderedPage:
    """Page `page_number` (1-based) at `scale` device pixels per PDF point.

    `clip` (x0, y0, x1, y1) in unrotated PDF points renders only that part of the
    page (a tile); its pixels are bounded like a whole page's."""
    page, _keep = _draw(path, media_type, page_number, scale, rotate, clip, max_pixels)
    return replace(page, samples=bytes(page.samples))


def render_thumbnail(path: Source, media_type: str, page_number: int, max_side: int = 256) -> RenderedPage:
    """The page as a reader shows it (its /Rotate honoured), fitting `max_side` pixels."""
    scale = _thumbnail_scale(path, media_type, page_number, max_side)
    return render_page(path, media_type, page_number, scale, rotate=None)


def render_into(segment: str, capacity: int, path: Source, media_type: str, page_number: int,
                scale: float, rotate: int | None = 0,
                clip: tuple[float, float, float, float] | None = None,
                max_pixels: int = MAX_PIXELS, thumbnail_side: int | None = None) -> RenderedPage:
    """Like `render_page` (or `render_thumbnail` when `thumbnail_side` is set), but the
    pixels are written into the caller's shared-memory `segment` of `capacity` bytes
    instead of being pickled through the pipe: for a 4 MB page that halves the latency."""
    if thumbnail_side:
        scale, rotate = _thumbnail_scale(path, media_type, page_number, thumbnail_side), None
    page, _keep = _draw(path, media_type, page_number, scale, rotate, clip,
                        min(max_pixels, capacity // 3))
    size = page.height * page.stride
    if size > capacity:  # cannot happen with the pixel bound above; never write past the end
        raise InvalidInputError("the rendered page does not fit the shared buffer")
    _segment(segment).buf[:size] = page.samples
    return replace(page, samples=b"", shared=True)


_segments: dict[str, shared_memory.SharedMemory] = {}


def _segment(name: str) -> shared_memory.SharedMemory:
    shm = _segments.get(name)
    if shm is None:
        # Attaching registers the name with the resource tracker this worker shares with
        # its parent (spawn passes it on); the parent unlinks it, and that unregisters it.
        shm = shared_memory.SharedMemory(name=name)
        _segments[name] = shm
    return shm


def _thumbnail_scale(path: Source, media_type: str, page_number: int, max_side: int) -> float:
    handle = _files.get(path, media_type)
    if is_image(media_type):
        w, h = images.page_size_points(images.load_frame(handle, page_number - 1))
    else:
        page = _pdf_page(handle, page_number)
        w, h = float(page.rect.width), float(page.rect.height)
    return max_side / max(w, h, 1.0)


def _draw(path: Source, media_type: str, page_number: int, scale: float, rotate: int | None,
          clip: tuple[float, float, float, float] | None, max_pixels: int) -> tuple[RenderedPage, Any]:
    """The page, and the object owning its pixel memory (keep it alive while reading them)."""
    if rotate is not None and rotate % 90:
        raise InvalidInputError(f"rotation must be a multiple of 90 degrees, not {rotate}")
    if page_number < 1:
        raise InvalidInputError(f"page numbers start at 1, not {page_number}")
    handle = _files.get(path, media_type)
    if is_image(media_type):
        return _render_image(handle, page_number, scale, rotate, clip, max_pixels), None
    return _render_pdf(handle, page_number, scale, rotate, clip, max_pixels)


def _pdf_page(doc: pymupdf.Document, page_number: int) -> Any:
    if page_number > doc.page_count:
        raise InvalidInputError(f"the document has {doc.page_count} pages, not {page_number}")
    try:
        return doc[page_number - 1]
    except Exception as exc:
        raise RefusedFileError(f"page {page_number} cannot be read ({_short(exc)})") from exc


def _render_pdf(doc: pymupdf.Document, page_number: int, scale: float, rotate: int | None,
                clip: tuple[float, float, float, float] | None, max_pixels: int) -> tuple[RenderedPage, Any]:
    page = _pdf_page(doc, page_number)
    box = page.cropbox
    region = Rect(*clip) if clip else Rect(0.0, 0.0, float(box.width), float(box.height))
    scale = clamp_scale(region.width, region.height, scale, max_pixels)
    own = int(page.rotation) % 360
    turn = own if rotate is None else rotate % 360
    # The page transform includes /Rotate: undo it, scale, then turn as asked.
    matrix = page.derotation_matrix * pymupdf.Matrix(scale, scale) * pymupdf.Matrix(turn)
    area = None
    if clip:
        area = pymupdf.Rect(*clip) * page.rotation_matrix  # get_pixmap clips in rotated space
    try:
        pix = page.get_pixmap(matrix=matrix, clip=area, alpha=False, colorspace=pymupdf.csRGB,
                              annots=True)
    except Exception as exc:
        raise RefusedFileError(f"page {page_number} cannot be drawn ({_short(exc)})") from exc
    if pix.n != 3 or pix.alpha:
        pix = pymupdf.Pixmap(pymupdf.csRGB, pix, 0)
    # A view of MuPDF's own buffer: no copy until it lands where it is going.
    return RenderedPage(pix.width, pix.height, pix.stride, pix.samples_mv, scale, turn), pix


def _render_image(img: Image.Image, page_number: int, scale: float, rotate: int | None,
                  clip: tuple[float, float, float, float] | None, max_pixels: int) -> RenderedPage:
    Image = images.pillow()
    count = images.frame_count(img)
    if page_number > count:
        raise InvalidInputError(f"the image has {count} pages, not {page_number}")
    frame = images.load_frame(img, page_number - 1)
    w_pt, h_pt = images.page_size_points(frame)
    px_per_pt_x, px_per_pt_y = frame.size[0] / w_pt, frame.size[1] / h_pt
    region = Rect(*clip) if clip else Rect(0.0, 0.0, w_pt, h_pt)
    scale = clamp_scale(region.width, region.height, scale, max_pixels)
    out_w = max(1, round(region.width * scale))
    out_h = max(1, round(region.height * scale))
    box = (
        max(0.0, region.x0 * px_per_pt_x), max(0.0, region.y0 * px_per_pt_y),
        min(float(frame.size[0]), region.x1 * px_per_pt_x), min(float(frame.size[1]), region.y1 * px_per_pt_y),
    )
    if box[2] <= box[0] or box[3] <= box[1]:
        raise InvalidInputError("the clip rectangle lies outside the page")
    try:
        # reducing_gap lets Pillow shrink big scans cheaply (by whole factors) before
        # the exact bilinear resize.
        picture = _flatten(frame).resize((out_w, out_h), Image.Resampling.BILINEAR, box=box,
                                         reducing_gap=2.0)
        if picture.mode != "RGB":
            picture = picture.convert("RGB")
    except RefusedFileError:
        raise
    except Exception as exc:
        raise RefusedFileError(f"page {page_number} of the image cannot be drawn ({_short(exc)})") from exc
    turn = 0 if rotate is None else rotate % 360  # images have no /Rotate of their own
    if turn:
        picture = picture.transpose({90: Image.Transpose.ROTATE_270, 180: Image.Transpose.ROTATE_180,
                                     270: Image.Transpose.ROTATE_90}[turn])
    return RenderedPage(picture.width, picture.height, picture.width * 3, picture.tobytes(), scale, turn)


def _flatten(frame: Image.Image) -> Image.Image:
    """RGB or greyscale pixels, transparent areas on white paper."""
    if frame.mode in ("RGB", "L"):
        return frame
    if frame.mode == "1":
        return frame.convert("L")  # bilevel scans: greyscale resizes smoothly
    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        paper = images.pillow().new("RGB", rgba.size, (255, 255, 255))
        paper.paste(rgba, mask=rgba.getchannel("A"))
        return paper
    return frame.convert("RGB")


def close_all() -> bool:
    """Close every open document and drop the files held as bytes (tests; a worker about to
    be reused for other files; the window locked)."""
    _files.clear()
    drop_held()
    return True
