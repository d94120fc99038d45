"""Cheap image corrections before OCR, and the maps that take boxes back.

Deskew uses a projection profile: on a small binarised copy, the rotation that
makes text rows line up gives the sharpest row histogram (largest variance of
row sums). Row sums come from Pillow's box resize to one column, so no numpy is
needed. Orientation turns are exact 90° transposes."""

from __future__ import annotations

import math
from collections.abc import Callable

from PIL import Image

MAX_SKEW_DEG = 8.0
PROFILE_WIDTH = 700

Point = tuple[float, float]
PointMap = Callable[[float, float], Point]


def _ink(image: Image.Image) -> Image.Image:
    scale = PROFILE_WIDTH / max(1, image.width)
    small = image if scale >= 1 else image.resize(
        (PROFILE_WIDTH, max(1, round(image.height * scale))), Image.Resampling.BOX)
    return small.point(lambda v: 255 if v < 140 else 0)  # ink white on black, so rotation fills 0


def _sharpness(ink: Image.Image, angle: float) -> float:
    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, fillcolor=0) if angle else ink
    rows = list(turned.resize((1, turned.height), Image.Resampling.BOX).getdata())
    mean = sum(rows) / len(rows)
    return sum((r - mean) ** 2 for r in rows) / len(rows)


def estimate_skew(image: Image.Image) -> float:
    """The angle (degrees, counter-clockwise) that straightens the text, within ±MAX_SKEW_DEG."""
    ink = _ink(image)
    if ink.getbbox() is None:
        return 0.0
    best, best_score = 0.0, _sharpness(ink, 0.0)
    for angle in [a * 1.0 for a in range(-int(MAX_SKEW_DEG), int(MAX_SKEW_DEG) + 1) if a]:
        score = _sharpness(ink, angle)
        if score > best_score:
            best, best_score = angle, score
    centre = best
    for step in (-0.75, -0.5, -0.25, 0.25, 0.5, 0.75):
        score = _sharpness(ink, centre + step)
        if score > best_score:
            best, best_score = centre + step, score
    return best


def rotate_small_angle(image: Image.Image, angle: float) -> tuple[Image.Image, PointMap]:
    """Rotate counter-clockwise by `angle` about the centre (same size, white fill); return the
    image and the map from its pixel coordinates back to the original's."""
    turned = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    cx, cy = image.width / 2.0, image.height / 2.0
    t = math.radians(angle)
    cos, sin = math.cos(t), math.sin(t)

    def back(x: float, y: float) -> Point:
        # A visually counter-clockwise turn in y-down pixels; undo it by turning clockwise.
        dx, dy = x - cx, y - cy
        return (cx + dx * cos - dy * sin, cy + dx * sin + dy * cos)

    return turned, back


def turn_clockwise(image: Image.Image, degrees: int) -> tuple[Image.Image, PointMap]:
    """Turn by a multiple of 90° clockwise; return the image and the map back to the original."""
    degrees %= 360
    w, h = image.width, image.height
    if degrees == 0:
        return image, lambda x, y: (x, y)
    if degrees == 90:
        return image.transpose(Image.Transpose.ROTATE_270), lambda x, y: (y, h - x)
    if degrees == 180:
        return image.transpose(Image.Transpose.ROTATE_180), lambda x, y: (w - x, h - y)
    if degrees == 270:
        return image.transpose(Image.Transpose.ROTATE_90), lambda x, y: (w - y, x)
    raise ValueError(degrees)


def map_box(box: tuple[float, float, float, float], back: PointMap) -> tuple[float, float, float, float]:
    """The axis-aligned box around a box's four corners mapped back."""
    x0, y0, x1, y1 = box
    pts = [back(x0, y0), back(x1, y0), back(x0, y1), back(x1, y1)]
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))
