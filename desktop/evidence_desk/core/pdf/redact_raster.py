"""Burning redactions into page pixels and re-encoding them compactly (Pillow only).

A scanned page is rebuilt from its burned image: the original pixels under a
box are overwritten before encoding, so no copy of them reaches the output.
The encoding is chosen per page: 1-bit PNG (Flate) for bilevel scans (text on
white), JPEG for greyscale and colour — never raw pixels."""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFont

from evidence_desk.core.pdf.redact_plan import Box

FILL = (0, 0, 0)
LABEL_COLOUR = (255, 255, 255)
GREY_TOLERANCE = 10  # channel spread below which a colour scan is treated as grey
BILEVEL_MIDTONES = 0.03  # at most this share of mid-grey pixels: a bilevel page


@dataclass(frozen=True)
class Encoded:
    data: bytes
    kind: str  # "png1" | "jpeg-grey" | "jpeg-colour"


def to_pixels(box: Box, scale_x: float, scale_y: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """A box in points → the pixel rectangle that covers it entirely (rounded outwards)."""
    w, h = size
    x0 = max(0, math.floor(box[0] * scale_x))
    y0 = max(0, math.floor(box[1] * scale_y))
    x1 = min(w, math.ceil(box[2] * scale_x))
    y1 = min(h, math.ceil(box[3] * scale_y))
    return x0, y0, x1, y1


def burn(img: Image.Image, boxes: Sequence[Box], scale_x: float, scale_y: float,
         labels: Sequence[str] = ()) -> Image.Image:
    """Paint every box solid black (in place) and optionally write its label in it."""
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    draw = ImageDraw.Draw(img)
    fill = 0 if img.mode == "L" else FILL
    for i, box in enumerate(boxes):
        x0, y0, x1, y1 = to_pixels(box, scale_x, scale_y, img.size)
        if x1 <= x0 or y1 <= y0:
            continue
        draw.rectangle((x0, y0, x1 - 1, y1 - 1), fill=fill)
        label = labels[i] if i < len(labels) else ""
        if label:
            _label(draw, label, (x0, y0, x1, y1), img.mode)
    return img


def _label(draw: ImageDraw.ImageDraw, text: str, rect: tuple[int, int, int, int], mode: str) -> None:
    x0, y0, x1, y1 = rect
    size = max(6, min(int((y1 - y0) * 0.6), 48))
    font = ImageFont.load_default(size=size)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    if right - left > x1 - x0 - 2 or bottom - top > y1 - y0 - 2:
        return  # no room: a cut-off label helps nobody
    colour = 255 if mode == "L" else LABEL_COLOUR
    draw.text((x0 + 1 - left, y0 + (y1 - y0 - (bottom - top)) // 2 - top), text, fill=colour, font=font)


def suppress_tracking_dots(img: Image.Image) -> Image.Image:
    """Whiten faint yellow dots (printer tracking codes) in light areas of a colour scan:
    red and green high, blue clearly lower."""
    if img.mode != "RGB":
        return img
    r, g, b = img.split()
    high_r = r.point(lambda v: 255 if v >= 200 else 0)
    high_g = g.point(lambda v: 255 if v >= 200 else 0)
    # yellowness = min(r, g) - b; dots are > 25 levels yellower than white paper
    yellow = ImageChops.subtract(ImageChops.darker(r, g), b).point(lambda v: 255 if v > 25 else 0)
    mask = ImageChops.multiply(ImageChops.multiply(high_r, high_g), yellow)
    img.paste((255, 255, 255), mask=mask)
    return img


def _is_grey(img: Image.Image) -> bool:
    r, g, b = img.split()
    spread = ImageChops.lighter(ImageChops.difference(r, g), ImageChops.difference(g, b))
    hist = spread.histogram()
    over = sum(hist[GREY_TOLERANCE + 1:])
    return over <= img.size[0] * img.size[1] * 0.001


def _is_bilevel(grey: Image.Image) -> bool:
    hist = grey.histogram()
    mid = sum(hist[48:208])
    return mid <= grey.size[0] * grey.size[1] * BILEVEL_MIDTONES


def encode(img: Image.Image, jpeg_quality: int = 80, dpi: float = 200) -> Encoded:
    """Choose PNG 1-bit, grey JPEG or colour JPEG for this page and encode it."""
    if img.mode == "1":
        img = img.convert("L")
    if img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    if img.mode == "RGB" and _is_grey(img):
        img = img.convert("L")
    out = io.BytesIO()
    if img.mode == "L" and _is_bilevel(img):
        img.point(lambda v: 255 if v >= 128 else 0).convert("1").save(out, "PNG", optimize=False)
        return Encoded(out.getvalue(), "png1")
    img.save(out, "JPEG", quality=jpeg_quality, dpi=(dpi, dpi))
    return Encoded(out.getvalue(), "jpeg-grey" if img.mode == "L" else "jpeg-colour")
