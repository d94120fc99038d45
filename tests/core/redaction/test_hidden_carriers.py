"""Further places a redacted word hides (issue 10, "look for further leak classes"):
a copy placed off the page, a soft mask shaped like the word, an inline image of it.
Random secrets, a control beside each; recovery with every extractor, qpdf streams
and the images peeled out of the file."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pikepdf
import pymupdf
from PIL import Image, ImageDraw, ImageFont

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.pdf.redact_plan import PagePlan, VerifyRequest
from evidence_desk.core.pdf.redact_verify import verify_export
from evidence_desk.core.redaction.export import export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit
from tests.core.pdfs import FONT_FILE
from tests.core.redaction.attacker import fold, leaks, random_secret, texts
from tests.core.redaction.conftest import import_one


def _approve(case: Case, doc: int, rect: Rect) -> None:
    case.apply(redact_rects_edit(case, doc, 1, [rect], "source", status="approved"))


def _off_page_pdf(path: Path, secret: str, *, visible: bool = True) -> tuple[Path, Rect]:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="dv", fontfile=str(FONT_FILE))  # glyph ids (Identity-H), not letters
    page.insert_text((72, 100), f"Left {secret if visible else ''} right", fontsize=11, fontname="dv")
    page.insert_text((-400, 300), secret, fontsize=11, fontname="dv")  # left of the page
    page.insert_text((72, 1200), secret, fontsize=11, fontname="dv")  # below it
    page.insert_text((72, 300), "KEEPOFFPAGECONTROL stays", fontsize=11, fontname="dv")
    doc.save(path)
    with pymupdf.open(path) as check:
        hits = check[0].search_for(secret)
    return path, Rect(*hits[0]) if hits else Rect(90, 90, 200, 104)


def test_copies_placed_off_the_page_are_removed_with_a_rectangle_over_the_visible_one(
        case: Case, tmp_path: Path) -> None:
    secret = random_secret(random.Random(), 10)
    path, box = _off_page_pdf(tmp_path / "off.pdf", secret)
    assert fold(secret) in fold(texts(path)["pypdf"])  # the copies are there to find
    doc = import_one(case, path)
    _approve(case, doc, Rect(box.x0 - 1, box.y0, box.x1 + 1, box.y1))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    assert leaks(out, tmp_path, secret) == []
    for tool, text in texts(out).items():
        if tool != "pymupdf-raw":
            assert "keepoffpagecontrolstays" in fold(text) and "left" in fold(text), tool


def test_the_verification_reads_text_placed_off_the_page(tmp_path: Path) -> None:
    """Check (1) on a doctored export that kept the off-page copies: PyMuPDF's default
    text extraction clips them away, pypdf and pdfminer read them."""
    secret = random_secret(random.Random(), 10)
    original, box = _off_page_pdf(tmp_path / "original.pdf", secret)
    doctored, _ = _off_page_pdf(tmp_path / "doctored.pdf", secret, visible=False)
    checked = verify_export(VerifyRequest(output=str(doctored), source=str(original), media_type="application/pdf",
                                          pages=[PagePlan(1, boxes=[box.as_tuple()], texts=[None])],
                                          hide_widths=True))
    assert any("can still be extracted" in p for p in checked.problems), checked.problems


def _masked_image_pdf(path: Path, secret: str) -> tuple[Path, Rect]:
    """A blue image whose soft mask (its alpha) spells a control and the secret."""
    font = ImageFont.truetype(str(FONT_FILE), 28)
    mask = Image.new("L", (400, 40), 255)
    draw = ImageDraw.Draw(mask)
    draw.text((10, 5), "KEEPMASK", fill=0, font=font)
    draw.text((200, 5), secret, fill=0, font=font)
    picture = Image.new("RGB", (400, 40), (30, 60, 200))
    picture.putalpha(mask)
    buf = io.BytesIO()
    picture.save(buf, "PNG")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(pymupdf.Rect(72, 100, 472, 140), stream=buf.getvalue())
    page.insert_text((72, 200), "KEEPMASKCONTROL", fontsize=11)
    doc.save(path)
    return path, Rect(270, 100, 472, 140)


def test_a_soft_mask_shaped_like_the_secret_is_blanked_under_the_box(case: Case, tmp_path: Path) -> None:
    secret = random_secret(random.Random(), 8, "QXZJVWKM")
    path, box = _masked_image_pdf(tmp_path / "mask.pdf", secret)
    doc = import_one(case, path)
    _approve(case, doc, box)
    out = tmp_path / "out.pdf"
    assert export_pdf(case, doc, out).verification.ok
    with pymupdf.open(out) as pdf:  # peel every image (the mask included) out of the file
        peeled = [pymupdf.Pixmap(pdf, x) for x in range(1, pdf.xref_length())
                  if pdf.xref_get_key(x, "Subtype")[1] == "/Image"]
        assert peeled
        for pix in peeled:
            under = {bytes(pix.samples[(y * pix.width + x) * pix.n:(y * pix.width + x + 1) * pix.n])
                     for y in range(pix.height) for x in range(205, pix.width)}
            assert len(under) == 1, "the mask (or image) still has a shape under the box"
            left = {pix.samples[(y * pix.width + x) * pix.n] for y in range(pix.height) for x in range(0, 190)}
            assert len(left) > 1 or pix.n == 3, "the control's part of the mask was blanked too"
        assert "KEEPMASKCONTROL" in pdf[0].get_text()


def test_an_inline_image_of_the_secret_is_blanked_under_the_box(case: Case, tmp_path: Path) -> None:
    secret = random_secret(random.Random(), 8, "QXZJVWKM")
    img = Image.new("L", (400, 20), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_FILE), 14)
    draw.text((2, 2), "KEEPINL", fill=0, font=font)
    draw.text((200, 2), secret, fill=0, font=font)
    pdf = pikepdf.new()
    helv = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    content = (b"BT /F1 11 Tf 72 600 Td (KEEPINLINECONTROL) Tj ET\nq 400 0 0 20 72 700 cm "
               b"BI /W 400 /H 20 /CS /G /BPC 8 /F /AHx ID " + img.tobytes().hex().encode() + b"> EI Q\n")
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842], Contents=pdf.make_stream(content),
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helv)))))
    path = tmp_path / "inline.pdf"
    pdf.save(path)
    doc = import_one(case, path)
    _approve(case, doc, Rect(270, 122, 472, 142))
    out = tmp_path / "out.pdf"
    assert export_pdf(case, doc, out).verification.ok
    with pikepdf.open(out) as exported:
        pictures = [ops[0].as_pil_image() for ops, op in pikepdf.parse_content_stream(exported.pages[0])
                    if str(op) == "INLINE IMAGE"]
        pictures += [pikepdf.PdfImage(x).as_pil_image() for x in exported.objects
                     if isinstance(x, pikepdf.Stream) and x.get("/Subtype") == "/Image"]
    assert pictures
    for picture in pictures:
        grey = picture.convert("L")
        under = {grey.getpixel((x, y)) for x in range(205, grey.width) for y in range(grey.height)}
        assert len(under) == 1, "the inline image keeps a shape under the box"
    assert "KEEPINLINECONTROL" in texts(out)["pymupdf"]


def test_pages_sharing_one_content_stream_are_redacted_apart_and_the_copy_stops_the_export(
        case: Case, tmp_path: Path) -> None:
    """A duplicated page (one content stream, two pages): redacting page 1 must neither
    take page 2's text with it unseen nor leave page 2's copy unreported."""
    import pytest

    from evidence_desk.core.redaction.export import ExportVerificationError

    secret = random_secret(random.Random(), 10)
    pdf = pikepdf.new()
    helv = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    content = pdf.make_stream(b"BT /F1 11 Tf 72 700 Td (Header " + secret.encode() + b" end) Tj ET")
    resources = pdf.make_indirect(pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helv)))
    for _ in range(2):
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                                                         Resources=resources, Contents=content)))
    path = tmp_path / "dup.pdf"
    pdf.save(path)
    with pymupdf.open(path) as check:
        box = Rect(*check[0].search_for(secret)[0])
    doc = import_one(case, path)
    _approve(case, doc, box)
    out = tmp_path / "out.pdf"
    with pytest.raises(ExportVerificationError, match=r"page 2"):
        export_pdf(case, doc, out)
    assert not out.exists()
    case.apply(redact_rects_edit(case, doc, 2, [box], "source", status="approved"))
    assert export_pdf(case, doc, out).verification.ok
    assert leaks(out, tmp_path, secret) == []
    with pymupdf.open(out) as exported:
        assert [p.get_text().split() for p in exported] == [["Header", "end"]] * 2
