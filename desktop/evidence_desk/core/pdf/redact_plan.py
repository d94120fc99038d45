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
    # Words that stay: used to rebuild a text layer on pages rebuilt from pixels
    # (scans, flatten mode). Rows of geometry.Word.to_row().
    keep_words: list[list[Any]] = field(default_factory=list)
    scanned: bool = False  # the case knows this page is a scan (OCR text or none)


@dataclass
class ExportPlan:
    source: str
    media_type: str
    output: str
    pages: list[PagePlan]
    flatten: bool = False
    label: bool = False
    tracking_dots: bool = False
    dpi: int = 200  # flatten mode and scans whose resolution is unknown
    max_dpi: int = 300
    jpeg_quality: int = 80


@dataclass
class ExportOutcome:
    pages: int
    rebuilt_pages: list[int]  # pages rebuilt from burned pixels (scans, flatten)
    vector_pages: list[int]  # born-digital pages redacted in place
    bytes: int


@dataclass
class VerifyOutcome:
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)
