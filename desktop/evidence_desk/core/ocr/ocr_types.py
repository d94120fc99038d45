"""What OCR of one page replies (core/ocr/page_ocr.py runs it in a sandbox worker).

Apart from the worker's module so that the parent's list of worker entry points
(core/entry_points.py), which every render service imports at start-up, needs
neither Pillow nor Tesseract's wrapper."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageOcr:
    number: int
    text: str
    words: list[list[Any]]
    confidence: float | None
    skew: float = 0.0
    orientation: int = 0  # degrees the page content was turned clockwise to read it
    cpu_seconds: float = 0.0  # rendering, deskew and Tesseract together (for reports and benchmarks)
    notes: list[str] = field(default_factory=list)
