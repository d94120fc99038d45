"""Sanitised export against raw PyMuPDF doing the redaction alone (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_export_bench.py -s

For text pages and for scanned pages (greyscale JPEG scans in a PDF):
- pages per second of the sanitised export step (`redact_apply.export_document`:
  strip, redact, rebuild scans, scrub, one-revision save) vs raw PyMuPDF
  `apply_redactions` (+ JPEG re-encode of the page image for scans) and a plain
  save of the same pages (target ≥ 0.75× raw);
- the same for the whole `export_pdf` (sandbox worker, verification, atomic write),
  printed for information: verification re-opens, renders and searches everything;
- exported file size against the original (target ≤ 1.2×).
Figures are printed, never asserted against a clock."""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.importing import import_paths
from evidence_desk.core.pdf.redact_apply import export_document
from evidence_desk.core.redaction.export import ExportOptions, build_plan, export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit

pytestmark = pytest.mark.benchmark
TEXT_PAGES = 60
SCAN_PAGES = 16
BOXES = [(72.0, 90.0, 260.0, 104.0), (100.0, 300.0, 400.0, 330.0), (300.0, 600.0, 520.0, 640.0)]
LOREM = ("Delivery of fire-control upgrade kits under contract EX-2021/0457 to the Ministry of Defence, "
         "invoice 2021-0457, EUR 1,250,000, shipped via Brest customs post")


def _text_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    for n in range(TEXT_PAGES):
        page = doc.new_page(width=595, height=842)
        for line in range(48):
            page.insert_text((56, 70 + line * 15), f"{n}.{line} {LOREM}"[:95], fontsize=9)
    doc.save(path, garbage=4, deflate=True, clean=True)  # a compact original: a fair size baseline
    return path


def _scan_pdf(path: Path) -> Path:
    """Greyscale 200 dpi scans of typed pages, with paper noise, as JPEG (what scanners write)."""
    rng = random.Random(7)
    font = ImageFont.load_default(size=26)
    doc = pymupdf.open()
    for n in range(SCAN_PAGES):
        img = Image.new("L", (1654, 2339), 236)
        draw = ImageDraw.Draw(img)
        for line in range(60):
            draw.text((150, 150 + line * 34), f"{n}.{line} {LOREM}"[:90], fill=30, font=font)
        noise = Image.effect_noise((1654, 2339), 12).filter(ImageFilter.GaussianBlur(0.6))
        img = Image.blend(img, noise.point(lambda v: 200 + v // 5), 0.15)
        img = img.rotate(rng.uniform(-0.6, 0.6), fillcolor=236)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=75)
        page = doc.new_page(width=595.3, height=841.9)
        page.insert_image(page.rect, stream=buf.getvalue())
    doc.save(path)
    return path


def _raw(src: Path, out: Path, scans: bool) -> float:
    start = time.perf_counter()
    doc = pymupdf.open(src)
    for page in doc:
        for box in BOXES:
            page.add_redact_annot(pymupdf.Rect(box), fill=(0, 0, 0))
        page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_PIXELS)
        if scans:
            for info in page.get_images(full=True):
                pix = pymupdf.Pixmap(doc, info[0])
                img = Image.frombytes("L" if pix.n == 1 else "RGB", (pix.width, pix.height), pix.samples)
                buf = io.BytesIO()
                img.save(buf, "JPEG", quality=80)
                page.replace_image(info[0], stream=buf.getvalue())
    doc.save(out, garbage=4, deflate=True)
    doc.close()
    return time.perf_counter() - start


def _case_with(tmp_path: Path, src: Path, pages: int) -> tuple[Case, int]:
    case = Case.open(tmp_path / f"case-{src.stem}", create=True, author="bench")
    [outcome] = import_paths(case, [src]).outcomes
    assert outcome.document_id is not None, outcome
    for number in range(1, pages + 1):
        case.apply(redact_rects_edit(case, outcome.document_id, number, [Rect(*b) for b in BOXES], "personal",
                                     status="approved"))
    return case, outcome.document_id


def _compare(tmp_path: Path, kind: str, src: Path, pages: int) -> None:
    raw_seconds = min(_raw(src, tmp_path / f"raw-{kind}-{i}.pdf", kind == "scan") for i in range(2))
    case, doc = _case_with(tmp_path, src, pages)
    try:
        step = []
        for i in range(2):
            _, planned = build_plan(case, doc, tmp_path / f"step-{kind}-{i}.pdf", ExportOptions())
            start = time.perf_counter()
            export_document(planned.plan)
            step.append(time.perf_counter() - start)
        out = tmp_path / f"full-{kind}.pdf"
        start = time.perf_counter()
        result = export_pdf(case, doc, out)
        full = time.perf_counter() - start
    finally:
        case.close()
    assert result.verification.ok
    size_ratio = out.stat().st_size / src.stat().st_size
    raw_pps, step_pps, full_pps = pages / raw_seconds, pages / min(step), pages / full
    print(f"\n[{kind}] {pages} pages, original {src.stat().st_size / 1e6:.2f} MB, "
          f"export {out.stat().st_size / 1e6:.2f} MB (size ratio {size_ratio:.2f}×, target ≤ 1.2×)")
    print(f"[{kind}] raw PyMuPDF apply_redactions{' + JPEG re-encode' if kind == 'scan' else ''}: "
          f"{raw_pps:.1f} pages/s")
    print(f"[{kind}] sanitised export step: {step_pps:.1f} pages/s = {step_pps / raw_pps:.2f}× raw "
          f"(target ≥ 0.75×)")
    print(f"[{kind}] full export_pdf (sandbox + verification + atomic write): {full_pps:.1f} pages/s = "
          f"{full_pps / raw_pps:.2f}× raw")


def test_text_page_export_against_raw_pymupdf(tmp_path: Path) -> None:
    _compare(tmp_path, "text", _text_pdf(tmp_path / "text.pdf"), TEXT_PAGES)


def test_scanned_page_export_against_raw_pymupdf(tmp_path: Path) -> None:
    _compare(tmp_path, "scan", _scan_pdf(tmp_path / "scan.pdf"), SCAN_PAGES)
