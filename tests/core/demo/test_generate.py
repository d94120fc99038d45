"""The generated files: born-digital PDFs with an exact text layer, scans that
look scanned, SPECIMEN on every page, the same bytes on every run."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from evidence_desk.core.demo import markup
from evidence_desk.core.demo.generate import SpecimenFile, born_digital_pdf, specimen_bytes
from evidence_desk.core.filetypes import sniff_file
from evidence_desk.core.pdf.extract import extract_pages, probe
from evidence_desk.core.pdf.specimen import HEADER, rasterise


def _by_delivery(files: list[SpecimenFile], *deliveries: str) -> list[SpecimenFile]:
    return [f for f in files if f.template.delivery in deliveries]


def _pages(f: SpecimenFile) -> list[Image.Image]:
    img = Image.open(f.path)
    frames = []
    for index in range(getattr(img, "n_frames", 1)):
        img.seek(index)
        frames.append(img.convert("L"))
    return frames


def test_every_template_becomes_a_file_of_its_media_type(specimen_files):
    assert len(specimen_files) >= 14
    for f in specimen_files:
        assert sniff_file(f.path) == f.template.media_type, f.path.name
        assert f.path.stat().st_size < 2_500_000, f"{f.path.name} is too large for a demo file"


def test_born_digital_text_layer_equals_the_template_text(specimen_files):
    """What the importer extracts is exactly the template: Cyrillic, umlauts, ß, №."""
    born = _by_delivery(specimen_files, "pdf")
    assert {f.template.language for f in born} == {"ru", "en", "de"}
    for f in born:
        pages = extract_pages(str(f.path), "application/pdf", 0, len(f.template.pages))
        assert len(pages) == len(f.template.pages)
        for index, page in enumerate(pages):
            assert not page.needs_ocr
            lines = page.text.splitlines()
            assert HEADER in lines and f"SPECIMEN - page {index + 1} of {len(pages)}" in lines
            body = "\n".join(line for line in lines if "SPECIMEN" not in line)
            assert markup.normalize(body) == markup.normalize(f.template.page_text(index)), \
                f"{f.path.name} page {index + 1}"


def test_born_digital_pdfs_carry_plausible_metadata(specimen_files):
    contract = next(f for f in specimen_files if f.template.id == "D04")
    meta = probe(str(contract.path), "application/pdf", 100).metadata
    assert meta["title"] == "Contract No. OTE-2021/QL-014"
    assert meta["creationDate"].startswith("D:20210618")


def test_scans_have_no_text_layer_and_a_scanner_resolution(specimen_files):
    scans = _by_delivery(specimen_files, "scan-pdf", "jpeg", "png", "tiff")
    assert len(scans) >= 5
    for f in _by_delivery(scans, "scan-pdf"):
        pages = extract_pages(str(f.path), "application/pdf", 0, len(f.template.pages))
        assert all(p.needs_ocr and not p.text.strip() and p.has_images for p in pages), f.path.name
    for f in _by_delivery(scans, "jpeg", "png", "tiff"):
        with Image.open(f.path) as img:
            dpi = img.info["dpi"]
            assert 200 <= round(float(dpi[0])) <= 300, f.path.name
            assert getattr(img, "n_frames", 1) == len(f.template.pages)


def test_the_tiff_is_a_multi_page_bilevel_fax(specimen_files):
    (tiff,) = _by_delivery(specimen_files, "tiff")
    with Image.open(tiff.path) as img:
        assert img.n_frames >= 2
        assert img.mode == "1"
        assert img.info["compression"] == "group4"


def test_photographed_scans_are_on_off_white_paper_with_grain(specimen_files):
    for f in _by_delivery(specimen_files, "jpeg", "png"):
        page = Image.open(f.path)
        w, h = page.size
        margin = page.crop((int(w * 0.02) + 20, int(h * 0.3), int(w * 0.06), int(h * 0.7)))
        grey = ImageStat.Stat(margin.convert("L"))
        assert 200 < grey.mean[0] < 250, f"{f.path.name}: paper is not off-white"
        assert grey.stddev[0] > 2.0, f"{f.path.name}: no grain"
        if f.template.delivery == "jpeg":
            r, _, b = ImageStat.Stat(margin.convert("RGB")).mean
            assert r > b + 5, f"{f.path.name}: paper is not warm-tinted"


def _ink(img: Image.Image) -> Image.Image:
    return img.point(lambda v: 255 if v < 140 else 0)


def _difference(a: Image.Image, b: Image.Image) -> float:
    """Share of pixels where one image has ink and the other has not."""
    return ImageStat.Stat(ImageChops.difference(_ink(a), _ink(b))).mean[0] / 255


def test_scans_are_skewed_by_their_templates_angle(specimen_files):
    """Measured, not assumed: the scan matches the clean page turned by the template's
    angle better than the clean page itself, and the angle is a slight one."""
    for f in _by_delivery(specimen_files, "jpeg", "png", "tiff", "scan-pdf"):
        spec = f.template.scan
        assert spec is not None and 0.5 <= abs(spec.skew) <= 2.0
        if f.template.delivery == "scan-pdf":
            continue  # the image inside the PDF is checked through its JPEG twins
        clean_raster = rasterise(born_digital_pdf(f.template), spec.dpi)[0]
        clean = Image.frombytes("L", (clean_raster.width, clean_raster.height), clean_raster.samples)
        scan = _pages(f)[0]
        turned = clean.rotate(spec.skew, resample=Image.Resampling.BICUBIC, fillcolor=255)
        assert _difference(scan, turned) < _difference(scan, clean) * 0.5, f.path.name


@pytest.mark.needs_tesseract("eng")
def test_every_scanned_page_shows_the_specimen_header(specimen_files):
    """The SPECIMEN header is in the pixels of every scanned page (read by Tesseract)."""
    for f in _by_delivery(specimen_files, "jpeg", "png", "tiff"):
        for number, page in enumerate(_pages(f), start=1):
            strip = page.crop((0, 0, page.width, int(page.height * 0.07)))
            buf = io.BytesIO()
            strip.save(buf, "PNG")
            text = subprocess.run(["tesseract", "-", "-", "-l", "eng", "--psm", "6"], input=buf.getvalue(),
                                  capture_output=True, check=True, timeout=60).stdout.decode()
            assert "SPECIMEN" in text, f"{f.path.name} page {number}: {text!r}"


def test_generation_is_deterministic(specimen_files):
    for f in specimen_files:
        if f.template.id in ("D02", "D07"):  # one born-digital PDF, one TIFF scan
            assert specimen_bytes(f.template) == Path(f.path).read_bytes(), f.path.name
