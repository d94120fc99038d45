"""The project's own geometry types.

Every coordinate is in PDF points (1/72 inch) on the *unrotated* page, origin at
the top-left of the page's crop box, y growing downwards (the convention PyMuPDF
uses for text extraction). Images are pages too: their size in points comes from
their resolution, so a region means the same thing on a scan and on a PDF."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rect:
    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def normalized(cls, x0: float, y0: float, x1: float, y1: float) -> Rect:
        return cls(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

    @classmethod
    def from_region(cls, x0: float | None, y0: float | None, x1: float | None,
                    y1: float | None) -> Rect | None:
        """A stored region (four nullable columns) as a rectangle; None when it has none."""
        if x0 is None or y0 is None or x1 is None or y1 is None:
            return None
        return cls.normalized(float(x0), float(y0), float(x1), float(y1))

    def region_values(self) -> dict[str, float]:
        """The columns a record's region is stored in (the inverse of `from_region`)."""
        return {"x0": self.x0, "y0": self.y0, "x1": self.x1, "y1": self.y1}

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def is_empty(self) -> bool:
        return self.width <= 0 or self.height <= 0

    def intersects(self, other: Rect) -> bool:
        return not (
            other.x1 <= self.x0 or other.x0 >= self.x1 or other.y1 <= self.y0 or other.y0 >= self.y1
        )

    def intersection_area(self, other: Rect) -> float:
        w = min(self.x1, other.x1) - max(self.x0, other.x0)
        h = min(self.y1, other.y1) - max(self.y0, other.y0)
        return max(0.0, w) * max(0.0, h)

    def union(self, other: Rect) -> Rect:
        return Rect(
            min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1)
        )

    def scaled(self, sx: float, sy: float | None = None) -> Rect:
        """The region in another unit: pixels of a picture drawn at `sx` (× `sy`) per point."""
        sy = sx if sy is None else sy
        return Rect(self.x0 * sx, self.y0 * sy, self.x1 * sx, self.y1 * sy)

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


@dataclass(frozen=True, slots=True)
class Word:
    """One word with its box, as extracted from embedded text or from OCR."""

    rect: Rect
    text: str
    block: int = 0
    line: int = 0
    index: int = 0
    confidence: float | None = None  # 0..100 for OCR words, None for embedded text
    # Drawn very light (pale grey, white, or mostly transparent: core.pdf.extract's
    # FAINT_LIGHTNESS), as watermarks are. Rows stored before this was read lack it.
    faint: bool = False

    def to_row(self) -> list[object]:
        """[x0, y0, x1, y1, text, block, line, index], then the confidence (OCR words), then
        1 for a faint word (after a null confidence for embedded text)."""
        r = self.rect
        row: list[object] = [
            round(r.x0, 2), round(r.y0, 2), round(r.x1, 2), round(r.y1, 2),
            self.text, self.block, self.line, self.index,
        ]
        if self.confidence is not None or self.faint:
            row.append(None if self.confidence is None else round(self.confidence, 1))
        if self.faint:
            row.append(1)
        return row

    @classmethod
    def from_row(cls, row: list) -> Word:  # type: ignore[type-arg]
        conf = float(row[8]) if len(row) > 8 and row[8] is not None else None
        faint = len(row) > 9 and bool(row[9])
        return cls(Rect(*map(float, row[:4])), str(row[4]), int(row[5]), int(row[6]), int(row[7]), conf, faint)


@dataclass(frozen=True, slots=True)
class PageGeometry:
    """One page's place in the coordinate system: its 1-based number, its unrotated size
    in points, and the rotation (0, 90, 180 or 270) a viewer applies for display."""

    number: int
    width: float
    height: float
    rotation: int = 0

    @property
    def bounds(self) -> Rect:
        return Rect(0.0, 0.0, self.width, self.height)

    def contains(self, rect: Rect) -> bool:
        """A region belongs on the page when it has an area and overlaps it."""
        return not rect.is_empty and rect.intersects(self.bounds)
