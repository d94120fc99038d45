"""Make a clean rendered page look like it went through a scanner or a fax.

Deterministic: every random choice comes from a `random.Random` seeded by the
caller, and Pillow's encoders are deterministic for identical pixels. The
degradation is mild on purpose (a readable office scan at 200–300 dpi) so that
Tesseract can still read it: slight skew, slight blur, grain, a few specks,
grey ink on off-white paper, JPEG artefacts."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from evidence_desk.core.pdf.specimen import Raster

PAPER = (246, 241, 227)
INK = (34, 32, 40)
GRAIN = 22  # peak-to-peak noise, in grey levels


@dataclass(frozen=True)
class ScanStyle:
    skew_degrees: float  # positive turns the page anticlockwise
    seed: int
    fax: bool = False  # bilevel, as a fax machine or a cheap multi-page scanner delivers


def degrade(raster: Raster, style: ScanStyle) -> Image.Image:
    """Greyscale scan ("L") of a clean raster; bilevel ("1") when `style.fax`."""
    rng = random.Random(style.seed)
    size = (raster.width, raster.height)
    img = Image.frombytes("L", size, raster.samples)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    # Ink never prints pure black and paper is never pure white.
    img = img.point(lambda v: 30 + v * (236 - 30) // 255)
    img = img.rotate(style.skew_degrees, resample=Image.Resampling.BICUBIC, expand=False,
                     fillcolor=236)
    grain = Image.frombytes("L", size, rng.randbytes(size[0] * size[1]))
    grain = grain.point(lambda v: v * GRAIN // 255)
    img = ImageChops.add(img, grain, scale=1.0, offset=-GRAIN // 2)
    _specks(img, rng)
    _edge_shadow(img, rng)
    if style.fax:
        return img.point(lambda v: 255 if v > 150 else 0).convert("1", dither=Image.Dither.NONE)
    return img


def _specks(img: Image.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(img)
    w, h = img.size
    for _ in range(70):
        x, y = rng.randrange(w), rng.randrange(h)
        r = rng.choice((1, 1, 1, 2, 2, 3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randrange(40, 140))


def _edge_shadow(img: Image.Image, rng: random.Random) -> None:
    """The grey band a scanner lid leaves along one edge."""
    h = img.size[1]
    width = rng.randrange(6, 18)
    band = Image.linear_gradient("L").rotate(90, expand=True).resize((width, h))
    band = band.point(lambda v: 110 + v * 126 // 255)
    img.paste(ImageChops.darker(img.crop((0, 0, width, h)), band), (0, 0))


def on_paper(img: Image.Image) -> Image.Image:
    """Grey scan as an RGB photo of off-white paper."""
    return ImageOps.colorize(img, black=INK, white=PAPER)


def encode(img: Image.Image, fmt: str, dpi: int, *, quality: int = 72) -> bytes:
    buf = io.BytesIO()
    if fmt == "jpeg":
        img.save(buf, "JPEG", quality=quality, dpi=(dpi, dpi))
    elif fmt == "png":
        # A scanner's "text" mode: 16 grey levels keep the file small and quick to write.
        img.point(lambda v: v // 16 * 16 + 8).save(buf, "PNG", dpi=(dpi, dpi), compress_level=3)
    else:
        raise ValueError(f"unknown image format {fmt}")
    return buf.getvalue()


def encode_tiff(pages: list[Image.Image], dpi: int) -> bytes:
    """A multi-page TIFF; bilevel pages use CCITT Group 4 like a fax archive."""
    first, rest = pages[0], pages[1:]
    compression = "group4" if first.mode == "1" else "tiff_lzw"
    buf = io.BytesIO()
    first.save(buf, "TIFF", save_all=True, append_images=rest, compression=compression,
               dpi=(dpi, dpi))
    return buf.getvalue()
