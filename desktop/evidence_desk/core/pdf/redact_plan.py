"""What a sanitised export must do, as plain picklable data.

The case (`core/redaction/export.py`) builds a plan from the database; a sandbox
worker (`redact_apply.export_document`) carries it out on the original file and
another (`redact_verify.verify_export`) checks the result. Nothing here imports
PyMuPDF, so the plan can be built anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Box = tuple[float, float, float, float]  # PDF points of the unrotated page, top-left origin


@dataclass
class PagePlan:
    number: int  # 1-based
    boxes: list[Box] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # reason code per box ("" for none)
    # The text a box was made for (a text or entity match), None for a drawn region:
    # a match's box is narrowed to the ink of the glyphs that spell it.
    texts: list[str | None] = field(default_factory=list)
    # Words that stay: used to rebuild a text layer on pages rebuilt from pixels
    # (scans, flatten mode). Rows of geometry.Word.to_row().
    keep_words: list[list[Any]] = field(default_factory=list)
    scanned: bool = False  # the case knows this page is a scan (OCR text or none)
    removed_words: list[list[Any]] = field(default_factory=list)  # words the boxes take (rows)
    ocr_languages: str = "eng"  # to read a scan again before it is burned


@dataclass
class ExportPlan:
    source: str  # the original's path; "" when `source_data` carries it (an encrypted case)
    media_type: str
    output: str
    pages: list[PagePlan]
    flatten: bool = False
    label: bool = False
    tracking_dots: bool = False
    hide_widths: bool = True  # rebuild changed lines so no position measures what was removed
    dpi: int = 200  # flatten mode and scans whose resolution is unknown
    max_dpi: int = 300
    jpeg_quality: int = 80
    source_data: bytes | None = None  # the decrypted original (an encrypted case has no plaintext path)

    @property
    def original(self) -> str | bytes:
        return self.source_data if self.source_data is not None else self.source


@dataclass
class ExportOutcome:
    pages: int
    rebuilt_pages: list[int]  # pages rebuilt from burned pixels (scans, flatten)
    vector_pages: list[int]  # born-digital pages redacted in place
    bytes: int
    removed: dict[int, list[str]] = field(default_factory=dict)  # page → text each box removed
    bars: dict[int, list[Box]] = field(default_factory=dict)  # page → black bars drawn
    rebuilt_lines: int = 0  # lines laid out again (width hiding)
    restored_glyphs: int = 0  # glyphs MuPDF took from outside every box, written back
    hidden_widths: list[tuple[float, float]] = field(default_factory=list)  # (removed, bar) in pt
    warnings: list[str] = field(default_factory=list)


@dataclass
class VerifyOutcome:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)


@dataclass
class VerifyRequest:
    """What the verification of one export needs: the file, the original it was made
    from, and the case's boxes and strings (never the export step's own account of
    what it removed, only where it drew its bars)."""

    output: str
    source: str
    media_type: str
    pages: list[PagePlan]
    secrets: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)  # texts the case keeps on purpose
    labels: list[str] = field(default_factory=list)
    rebuilt_pages: list[int] = field(default_factory=list)
    bars: dict[int, list[Box]] = field(default_factory=dict)  # page → bars as drawn
    hide_widths: bool = True
    source_data: bytes | None = None  # as in ExportPlan

    @property
    def original(self) -> str | bytes:
        return self.source_data if self.source_data is not None else self.source


# -- what a box covers (`covered.covered`) ---------------------------------------------------

@dataclass
class BoxCover:
    text: str  # what the box removes, line by line
    pieces: list[str] = field(default_factory=list)  # each run separately (a hidden copy apart)
    glyphs: int = 0
    hidden_glyphs: int = 0  # invisible, white or transparent glyphs among them
    replaced: list[str] = field(default_factory=list)  # words read there that the glyphs do not spell
    images: int = 0
    paths: int = 0
    clip_paths: int = 0


@dataclass
class Occurrence:
    page: int
    rect: Box
    text: str
    how: str  # "visible", "hidden" (white, invisible, transparent) or "replacement text"


@dataclass
class Coverage:
    boxes: list[BoxCover] = field(default_factory=list)
    elsewhere: list[Occurrence] = field(default_factory=list)
