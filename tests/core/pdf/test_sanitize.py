"""Sanitising a PDF: everything that is not visible page content goes."""

from __future__ import annotations

import io
from pathlib import Path

import pymupdf
from PIL import Image

from evidence_desk.core.pdf import sanitize
from evidence_desk.core.pdf.redact_apply import is_scanned_page
from evidence_desk.core.pdf.redact_raster import burn, encode, suppress_tracking_dots


def _jpeg_with_exif(secret: str) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = secret  # ImageDescription
    exif[0x013B] = secret  # Artist
    out = io.BytesIO()
    Image.new("RGB", (64, 64), (120, 30, 30)).save(out, "JPEG", exif=exif.tobytes(), comment=secret.encode())
    return out.getvalue()


def test_exif_and_comment_segments_are_stripped_from_jpeg_and_the_image_still_decodes() -> None:
    data = _jpeg_with_exif("ZQEXIFSECRET")
    clean = sanitize.strip_jpeg_segments(data)
    assert b"ZQEXIFSECRET" in data and b"ZQEXIFSECRET" not in clean
    assert Image.open(io.BytesIO(clean)).size == (64, 64)
    assert sanitize.strip_jpeg_segments(b"not a jpeg") == b"not a jpeg"


def test_scrub_removes_scripts_attachments_outlines_metadata_and_image_exif(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Visible text stays", fontsize=11)
    page.insert_image(pymupdf.Rect(72, 100, 136, 164), stream=_jpeg_with_exif("ZQEXIFSECRET"))
    doc.set_toc([[1, "ZQTOCSECRET", 1]])
    doc.set_metadata({"author": "ZQAUTHORSECRET"})
    doc.set_xml_metadata("<x:xmpmeta xmlns:x='adobe:ns:meta/'>ZQXMPSECRET</x:xmpmeta>")
    doc.embfile_add("a.txt", b"ZQFILESECRET")
    js = doc.get_new_xref()
    doc.update_object(js, "<</S/JavaScript/JS(app.alert\\('ZQJSSECRET'\\))>>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    sanitize.scrub_document(doc)
    out = tmp_path / "clean.pdf"
    sanitize.save_clean(doc, str(out))
    data = out.read_bytes()
    with pymupdf.open(out) as clean:
        streams = b"".join(clean.xref_stream(x) or b"" for x in range(1, clean.xref_length())
                           if clean.xref_is_stream(x))
        assert clean.get_toc() == [] and clean.embfile_count() == 0
        assert not any(v for k, v in clean.metadata.items() if k not in ("format", "encryption"))
        assert "Visible text stays" in clean[0].get_text()
    for secret in (b"ZQEXIFSECRET", b"ZQTOCSECRET", b"ZQAUTHORSECRET", b"ZQXMPSECRET", b"ZQFILESECRET",
                   b"ZQJSSECRET"):
        assert secret not in data and secret not in streams
    assert data.count(b"%%EOF") == 1


def test_a_page_that_is_one_image_with_invisible_text_is_a_scan() -> None:
    doc = pymupdf.open()
    scan = doc.new_page()
    png = io.BytesIO()
    Image.new("L", (200, 280), 255).save(png, "PNG")
    scan.insert_image(scan.rect, stream=png.getvalue())
    scan.insert_text((72, 72), "ocr words", fontsize=11, render_mode=3)
    born = doc.new_page()
    born.insert_image(born.rect, stream=png.getvalue())
    born.insert_text((72, 72), "visible words", fontsize=11)
    assert is_scanned_page(doc[0])
    assert not is_scanned_page(doc[1])


def test_burning_blackens_the_box_pixels_rounded_outwards() -> None:
    img = Image.new("RGB", (100, 100), (255, 255, 255))
    burn(img, [(10.2, 10.2, 20.7, 20.7)], 1.0, 1.0)
    assert img.getpixel((10, 10)) == (0, 0, 0) and img.getpixel((20, 20)) == (0, 0, 0)
    assert img.getpixel((21, 21)) == (255, 255, 255)


def test_encoding_is_chosen_per_page() -> None:
    bilevel = Image.new("L", (400, 400), 255)
    burn(bilevel, [(50, 50, 200, 80)], 1, 1)
    assert encode(bilevel).kind == "png1"
    grey = Image.linear_gradient("L").resize((400, 400))
    assert encode(grey).kind == "jpeg-grey"
    colour = Image.merge("RGB", (grey, grey.rotate(90), grey.rotate(180)))
    assert encode(colour).kind == "jpeg-colour"


def test_yellow_tracking_dots_are_whitened_and_other_colours_kept() -> None:
    img = Image.new("RGB", (10, 10), (250, 250, 250))
    img.putpixel((2, 2), (255, 255, 170))  # a tracking dot
    img.putpixel((5, 5), (200, 30, 30))  # a red stamp
    suppress_tracking_dots(img)
    assert img.getpixel((2, 2)) == (255, 255, 255)
    assert img.getpixel((5, 5)) == (200, 30, 30)
