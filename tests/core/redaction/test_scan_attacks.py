"""Scans whose OCR layer does not sit on the ink (issue 10): a rectangle over the ink
must take the layer's word too, wherever the layer put it; a pattern redaction of
the layer's word must burn the ink too, wherever it is. Recovery: the text layer
through every extractor, and real Tesseract on the exported page's pixels."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.export import export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from tests.core.redaction.attacker import fold, random_secret, texts, tool
from tests.core.redaction.conftest import import_one

DPI = 150
SCALE = 72 / DPI
SHIFT_PT = 90.0  # the OCR layer sits this far below the ink it describes


def misaligned_scan(path: Path, secret: str, control: str) -> Rect:
    """A scanned page of typed text whose invisible text layer is shifted down by
    SHIFT_PT; returns where the secret's ink is (points)."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=40)
    lines = [(200, f"Letter about {secret} today"), (300, f"signed {control} office")]
    for y, line in lines:
        draw.text((150, y), line, fill=0, font=font)
    left = 150 + draw.textlength("Letter about ", font=font)
    ink = Rect((left - 4) * SCALE, 196 * SCALE, (left + draw.textlength(secret, font=font) + 4) * SCALE,
               250 * SCALE)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    doc = pymupdf.open()
    page = doc.new_page(width=1240 * SCALE, height=1754 * SCALE)
    page.insert_image(page.rect, stream=buf.getvalue())
    for y, line in lines:
        page.insert_text((150 * SCALE, (y + 36) * SCALE + SHIFT_PT), line, fontsize=40 * SCALE, render_mode=3)
    doc.save(path)
    return ink


def ocr_of_pixels(path: Path) -> str:
    tesseract = tool("tesseract", "tesseract-ocr")
    import subprocess

    with pymupdf.open(path) as doc:
        png = doc[0].get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    run = subprocess.run([tesseract, "stdin", "stdout", "-l", "eng"], input=png, capture_output=True, check=True)
    return run.stdout.decode("utf-8", "replace")


@pytest.fixture
def secret_and_control() -> tuple[str, str]:
    rng = random.Random()
    # Both from letters OCR does not confuse (I/V/Y, O/Q/G…, and M/N/W, whose strokes run
    # together: "NMMH" was read as "NUMH"): the control word must be read back from the pixels
    # exactly, as the secret must not be.
    letters = "ABCDEFHKLPRSTXZ"
    return random_secret(rng, 8, letters), "KEEP" + random_secret(rng, 4, letters)


def test_a_rectangle_over_the_ink_also_takes_the_misplaced_layer_word(
        case: Case, tmp_path: Path, secret_and_control: tuple[str, str]) -> None:
    secret, control = secret_and_control
    ink = misaligned_scan(tmp_path / "scan.pdf", secret, control)
    doc = import_one(case, tmp_path / "scan.pdf")
    case.apply(redact_rects_edit(case, doc, 1, [ink], "source", status="approved"))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    for name, text in texts(out).items():
        assert fold(secret) not in fold(text), name
        assert fold(control) in fold(text) or name == "pymupdf-raw", name
    assert fold(secret) not in fold(ocr_of_pixels(out))


def test_a_pattern_redaction_of_the_layer_word_also_burns_its_ink(
        case: Case, tmp_path: Path, secret_and_control: tuple[str, str]) -> None:
    secret, control = secret_and_control
    misaligned_scan(tmp_path / "scan.pdf", secret, control)
    doc = import_one(case, tmp_path / "scan.pdf")
    hits = find_hits(case, secret, doc)
    assert hits and hits[0].rects[0].y0 > 150  # the hit is where the layer says, off the ink
    assert fold(secret) in fold(ocr_of_pixels(tmp_path / "scan.pdf"))  # and the ink is readable
    case.apply(redact_hits_edit(case, hits, "source", status="approved"))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    pixels = fold(ocr_of_pixels(out))
    assert fold(secret) not in pixels
    assert fold(control) in pixels
    for name, text in texts(out).items():
        assert fold(secret) not in fold(text), name
