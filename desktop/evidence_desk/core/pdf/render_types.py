"""What a render worker sends back, importable without PyMuPDF.

The GUI process decodes these; keeping them apart from `render.py` means the
GUI never has to import PyMuPDF just to receive pixels."""

from __future__ import annotations

from dataclasses import dataclass

from evidence_desk.core.pdf import pixel_limits

MAX_PIXELS = pixel_limits.RENDER
MAX_SIDE = pixel_limits.RENDER_SIDE


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


# A render worker keeps the last few files it was sent as bytes (an encrypted case's
# decrypted originals; core/pdf/source.py), keyed by SHA-256, so the next page of one
# names it by that key instead of sending it again. Only in the worker's memory.
HELD_SOURCES = 3
HELD_MAX_BYTES = 256 * 1024 * 1024  # a larger file is sent with each page, never held
HELD_PREFIX = "held:sha256:"


def held_reference(sha256: str) -> str:
    """What stands for bytes the worker holds (never a path: the paths sent are absolute)."""
    return HELD_PREFIX + sha256
