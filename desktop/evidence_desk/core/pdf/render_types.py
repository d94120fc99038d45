"""What a render worker sends back, importable without PyMuPDF.

The GUI process unpickles these; keeping them apart from `render.py` means the
GUI never has to import PyMuPDF just to receive pixels."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PIXELS = 40_000_000  # one render: 120 MB of RGB at most
MAX_SIDE = 20_000  # pixels on either side (QImage and MuPDF both cope)


@dataclass(frozen=True)
class RenderedPage:
    """Raw RGB888 pixels, rows top to bottom, `stride` bytes per row (= width * 3).

    `samples` is bytes, or empty when `shared` (the pixels went into shared memory);
    the parent may swap in a memoryview of that memory after validating the sizes."""

    width: int
    height: int
    stride: int
    samples: bytes
    scale: float  # the scale actually used (it may have been clamped)
    rotate: int  # the clockwise rotation applied to the unrotated page
    shared: bool = False  # True: the pixels are in the caller's shared-memory segment, not here
