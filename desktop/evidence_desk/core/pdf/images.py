"""Images as one- or many-page documents (multi-page TIFF).

Pillow opens them with an explicit list of formats and with decompression-bomb
warnings turned into errors. A page's size in PDF points comes from the image's
resolution, so regions mean the same on a scan as on a PDF."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING

from evidence_desk.core.errors import RefusedFileError
from evidence_desk.core.filetypes import IMAGE_TYPES
from evidence_desk.core.pdf.extract_types import DocumentProbe, ExtractedPage
from evidence_desk.core.pdf.source import Source, image_input, path_of

if TYPE_CHECKING:
    from PIL import Image


@cache
def pillow() -> ModuleType:
    """Pillow's `Image`, imported on first use: the render workers' fork server loads PyMuPDF
    only, so the first page of a PDF is drawn without waiting for Pillow (~25 ms)."""
    from PIL import Image, ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = False  # a truncated image is refused, not padded
    return Image


A4_LONG_SIDE_IN = 11.69
MULTIPAGE = {"TIFF"}


@contextlib.contextmanager
def _reader_warnings(img: Image.Image | None = None) -> Iterator[list[warnings.WarningMessage]]:
    """Pillow's complaints about a damaged file (a corrupt EXIF block can raise hundreds)
    are collected, not printed; `reader_warning` makes one line of them for the document.
    Decompression-bomb warnings stay errors."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", pillow().DecompressionBombWarning)
        yield caught
    if img is not None:
        img.info.setdefault(_WARNINGS_KEY, []).extend(str(w.message) for w in caught)


_WARNINGS_KEY = "evidence_desk_reader_warnings"


def reader_warning(img: Image.Image) -> list[str]:
    """At most one line summing up what the image reader warned about."""
    seen = img.info.get(_WARNINGS_KEY) or []
    if not seen:
        return []
    first = _short(ValueError(seen[0]))[:120]
    more = f" and {len(seen) - 1} more" if len(seen) > 1 else ""
    return [f"the image's metadata is damaged; the reader warned: {first}{more}"]


def open_image(path: Source, media_type: str) -> Image.Image:
    fmt = IMAGE_TYPES.get(media_type)
    if fmt is None:
        raise RefusedFileError(f"unsupported image type {media_type}", "unsupported")
    Image = pillow()
    with _reader_warnings() as caught:
        try:
            img = Image.open(image_input(path), formats=[fmt])
            img.info[_WARNINGS_KEY] = [str(w.message) for w in caught]
            return img
        except Image.DecompressionBombError as exc:
            raise RefusedFileError(f"image too large to open safely ({exc})", "huge") from exc
        except Image.DecompressionBombWarning as exc:
            raise RefusedFileError(f"image too large to open safely ({exc})", "huge") from exc
        except Exception as exc:
            raise _refusal(exc, f"not a readable {fmt} image", path_of(path)) from exc


def _short(exc: BaseException, path: str | None = None) -> str:
    """One line of Pillow's error, without the staging path (meaningless to the user)."""
    s = str(exc).strip()
    s = s.splitlines()[0] if s else type(exc).__name__
    if path:
        s = s.replace(f" '{path}'", "").replace(path, "the file")
    return s[:200]


# Pillow's guards against text-chunk and frame-size bombs raise plain errors, not
# DecompressionBombError; they are still "too large", not "broken".
_SIZE_LIMIT_HINTS = ("too large", "exceeds limit", "decompression bomb")


def _refusal(exc: BaseException, what: str, path: str | None = None) -> RefusedFileError:
    detail = _short(exc, path)
    if any(hint in detail.lower() for hint in _SIZE_LIMIT_HINTS):
        return RefusedFileError(f"image too large to open safely ({detail})", "huge")
    return RefusedFileError(f"{what} ({detail})", "malformed")


def frame_count(img: Image.Image) -> int:
    if img.format in MULTIPAGE:
        return max(1, int(getattr(img, "n_frames", 1)))
    return 1  # an animated GIF or WebP is one picture: its first frame is the page


def load_frame(img: Image.Image, index: int) -> Image.Image:
    Image = pillow()
    with _reader_warnings(img):
        try:
            img.seek(index)
            img.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise RefusedFileError(f"image too large to open safely ({exc})", "huge") from exc
        except Exception as exc:
            raise _refusal(exc, f"page {index + 1} of the image cannot be decoded") from exc
    return img


def page_size_points(img: Image.Image) -> tuple[float, float]:
    w_px, h_px = img.size
    dpi = img.info.get("dpi")
    try:
        dx, dy = (float(dpi[0]), float(dpi[1])) if dpi else (0.0, 0.0)
    except (TypeError, ValueError, IndexError):
        dx = dy = 0.0
    if not (50 <= dx <= 4800 and 50 <= dy <= 4800):
        # No usable resolution: assume the picture is an A4 page (or 72 dpi for
        # small pictures), which is what a scan without metadata usually is.
        dx = dy = max(72.0, max(w_px, h_px) / A4_LONG_SIDE_IN)
    return w_px * 72.0 / dx, h_px * 72.0 / dy


def probe(path: Source, media_type: str, max_pages: int) -> DocumentProbe:
    img = open_image(path, media_type)
    try:
        if img.size[0] <= 0 or img.size[1] <= 0:
            raise RefusedFileError("image has no pixels", "malformed")
        count = frame_count(img)
        if count > max_pages:
            raise RefusedFileError(f"the image has {count:,} pages, over the limit of {max_pages:,}", "huge")
        load_frame(img, 0)
        with _reader_warnings(img):  # reading the resolution parses the EXIF block
            page_size_points(img)
        meta = {"format": str(img.format), "size_px": f"{img.size[0]}x{img.size[1]}", "mode": img.mode}
        return DocumentProbe(page_count=count, metadata=meta, warnings=reader_warning(img))
    except RefusedFileError:
        raise
    except Exception as exc:  # a decoder's own error (TypeError, struct.error, …) outside load()
        raise _refusal(exc, "not a readable image", path_of(path)) from exc
    finally:
        img.close()


def extract_pages(path: Source, media_type: str, start: int, stop: int) -> list[ExtractedPage]:
    img = open_image(path, media_type)
    pages = []
    try:
        for index in range(start, stop):
            frame = load_frame(img, index)
            with _reader_warnings():
                w, h = page_size_points(frame)
            pages.append(ExtractedPage(index + 1, w, h, 0, "", [], True, True))
    except RefusedFileError:
        raise
    except Exception as exc:
        raise _refusal(exc, "not a readable image", path_of(path)) from exc
    finally:
        img.close()
    return pages
