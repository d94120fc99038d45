"""Sanitised export of scans, image documents and born-digital pages: what is rebuilt,
how it is encoded, what text layer stays, and that failures write nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest
from PIL import Image, ImageDraw, ImageFont

from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.export import ExportError, ExportOptions, export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit, set_status_edit
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from tests.core.redaction.conftest import import_one


def _letter_image(path: Path, colour: bool = False, dots: bool = False) -> Path:
    """A 150 dpi scan of a short typed letter (grey or colour paper)."""
    paper = (246, 240, 226) if colour else (255, 255, 255)
    img = Image.new("RGB", (1240, 1754), paper)
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=36)
    ink = (20, 20, 60) if colour else (0, 0, 0)
    draw.text((150, 200), "Payment to ZQSCANSECRET account", fill=ink, font=font)
    draw.text((150, 300), "Approved KEEPSCANCONTROL today", fill=ink, font=font)
    if colour:
        draw.ellipse((900, 1400, 1100, 1600), fill=(200, 30, 30))  # a red stamp
        for y in range(0, 1754, 9):  # a little sensor noise makes it photographic
            draw.line((0, y, 1240, y), fill=(240, 236, 220))
    if dots:
        for x in range(100, 1200, 40):
            for y in range(100, 1700, 40):
                img.putpixel((x, y), (255, 255, 170))
    img.save(path, dpi=(150, 150))
    return path


def _set_ocr_words(case: Case, doc: int, words: list[list[object]]) -> None:
    """What the OCR step stores: the page's words and text, marked as OCR."""
    from sqlalchemy import select

    from evidence_desk.core.db.models import Page

    with case.read() as s:
        page_id = s.execute(select(Page.id).where(Page.document_id == doc, Page.number == 1)).scalar_one()
    text = " ".join(str(w[4]) for w in words)
    with case.write() as s:  # as the OCR job does: page text is no user edit
        page = s.get(Page, page_id)
        page.words, page.text, page.text_source, page.needs_ocr = words, text, "ocr", False


SCAN_WORDS = [  # 150 dpi pixels → points (× 72/150)
    [72.0, 96.0, 130.0, 114.0, "Payment", 0, 0, 0], [134.0, 96.0, 150.0, 114.0, "to", 0, 0, 1],
    [154.0, 96.0, 290.0, 114.0, "ZQSCANSECRET", 0, 0, 2], [294.0, 96.0, 360.0, 114.0, "account", 0, 0, 3],
    [72.0, 144.0, 140.0, 162.0, "Approved", 0, 1, 0], [144.0, 144.0, 300.0, 162.0, "KEEPSCANCONTROL", 0, 1, 1],
]


def _export_image_doc(case: Case, tmp_path: Path, **opts: bool) -> tuple[Path, pymupdf.Document]:
    doc = import_one(case, _letter_image(tmp_path / "scan.png", colour=bool(opts.pop("colour", False)),
                                         dots=bool(opts.get("tracking_dots"))))
    _set_ocr_words(case, doc, SCAN_WORDS)
    hits = find_hits(case, "zqscansecret", doc)
    case.apply(redact_hits_edit(case, hits, "source", status="approved"))
    out = tmp_path / "scan-redacted.pdf"
    result = export_pdf(case, doc, out, ExportOptions(**opts))
    assert result.verification.ok and result.rebuilt_pages == [1]
    return out, pymupdf.open(out)


def test_an_image_document_is_rebuilt_from_burned_pixels_with_an_ocr_layer_of_kept_words(
        case: Case, tmp_path: Path) -> None:
    out, doc = _export_image_doc(case, tmp_path)
    with doc:
        text = doc[0].get_text()
        assert "KEEPSCANCONTROL" in text and "Payment" in text and "ZQSCANSECRET" not in text
        [info] = doc[0].get_image_info(xrefs=True)
        pix = pymupdf.Pixmap(doc, info["xref"])
        scale = pix.width / doc[0].rect.width
        # just inside the start of the secret's box: the bar begins there (its width is
        # random with width hiding, and what followed the secret moved after it)
        cx, cy = int(162 * scale), int(105 * scale)
        assert max(pix.pixel(cx, cy)) < 40
        assert doc.xref_get_key(info["xref"], "Filter")[1] in ("/FlateDecode", "/DCTDecode")
    assert out.stat().st_size < 200_000  # encoded, not raw pixels (1240×1754×3 = 6.5 MB)


def test_a_bilevel_scan_is_stored_as_one_bit_and_a_colour_scan_as_jpeg(case: Case, tmp_path: Path) -> None:
    _, doc = _export_image_doc(case, tmp_path)
    with doc:
        xref = doc[0].get_images()[0][0]
        assert doc.xref_get_key(xref, "BitsPerComponent")[1] == "1"
    colour_dir = tmp_path / "colour"
    colour_dir.mkdir()
    _, doc = _export_image_doc(case, colour_dir, colour=True)
    with doc:
        xref = doc[0].get_images()[0][0]
        assert doc.xref_get_key(xref, "Filter")[1] == "/DCTDecode"


def test_tracking_dots_are_whitened_on_request(case: Case, tmp_path: Path) -> None:
    _, doc = _export_image_doc(case, tmp_path, colour=True, tracking_dots=True)
    with doc:
        pix = pymupdf.Pixmap(doc, doc[0].get_images()[0][0])
        scale = pix.width / 1240
        r, g, b = pix.pixel(int(140 * scale), int(140 * scale))[:3]
        assert b > 200 and min(r, g) - b < 25  # the yellow dot is gone


def test_the_reason_code_label_is_printed_in_each_box(case: Case, import_lines: Callable[..., int],
                                                      tmp_path: Path) -> None:
    doc = import_lines([[(72, 100, "Pay ZQLABELSECRET a lot of money today")]])
    case.apply(redact_hits_edit(case, find_hits(case, "ZQLABELSECRET"), "commercial", status="approved"))
    out = tmp_path / "labelled.pdf"
    result = export_pdf(case, doc, out, ExportOptions(label=True))
    assert result.verification.ok
    with pymupdf.open(out) as pdf:
        text = pdf[0].get_text()
    assert "commercial" in text and "ZQLABELSECRET" not in text


def test_flatten_rasterises_every_page_and_keeps_only_words_outside_redactions(
        case: Case, import_lines: Callable[..., int], tmp_path: Path) -> None:
    doc = import_lines([[(72, 100, "Name ZQFLATSECRET and KEEPFLATCONTROL")], [(72, 100, "Second page")]])
    case.apply(redact_hits_edit(case, find_hits(case, "ZQFLATSECRET"), "source", status="approved"))
    out = tmp_path / "flat.pdf"
    result = export_pdf(case, doc, out, ExportOptions(flatten=True))
    assert result.rebuilt_pages == [1, 2] and result.vector_pages == []
    with pymupdf.open(out) as pdf:
        assert "KEEPFLATCONTROL" in pdf[0].get_text() and "Second page" in pdf[1].get_text()
        assert "ZQFLATSECRET" not in pdf[0].get_text()
        for page in pdf:
            assert len(page.get_images()) == 1
            assert all(s["type"] == 3 for s in page.get_texttrace())


def test_proposed_redactions_are_applied_and_rejected_ones_are_not(
        case: Case, import_lines: Callable[..., int], tmp_path: Path) -> None:
    doc = import_lines([[(72, 100, "ZQPROPOSED here"), (72, 200, "ZQREJECTED there")]])
    case.apply(redact_hits_edit(case, find_hits(case, "ZQPROPOSED"), "personal"))
    edit = redact_hits_edit(case, find_hits(case, "ZQREJECTED"), "personal")
    case.apply(edit)
    case.apply(set_status_edit(case, [edit.created_ids[0]], "rejected"))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert (result.redactions, result.proposed, result.rejected) == (1, 1, 1)
    with pymupdf.open(out) as pdf:
        text = pdf[0].get_text()
    assert "ZQPROPOSED" not in text and "ZQREJECTED" in text


def test_a_redaction_that_hangs_writes_nothing(case: Case, import_lines: Callable[..., int],
                                               tmp_path: Path) -> None:
    doc = import_lines([[(72, 100, "ZQHANG text")]])
    case.apply(redact_rects_edit(case, doc, 1, [Rect(70, 88, 200, 104)], "personal"))
    out = tmp_path / "never.pdf"
    with pytest.raises(ExportError, match="nothing was written"):
        export_pdf(case, doc, out, ExportOptions(timeout=0.01, seconds_per_page=0))
    assert list(tmp_path.glob("*never*")) == [] and list(tmp_path.glob(".never*")) == []


def test_a_hidden_copy_of_a_redacted_name_stops_the_export(case: Case, tmp_path: Path) -> None:
    """A name in a hidden layer is not in the page text the reviewer saw; the export
    reveals every layer, finds the name still extractable and refuses to write."""
    path = tmp_path / "layers.pdf"
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 100), "Visible ZQLAYERNAME here", fontsize=11)
    ocg = pdf.add_ocg("draft", on=False)
    page.insert_text((72, 400), "Hidden note about ZQLAYERNAME", fontsize=11, oc=ocg)
    pdf.save(path)
    pdf.close()
    doc = import_one(case, path)
    case.apply(redact_hits_edit(case, find_hits(case, "ZQLAYERNAME", doc), "source", status="approved"))
    out = tmp_path / "layers-out.pdf"
    with pytest.raises(EvidenceDeskError, match="leak check"):
        export_pdf(case, doc, out)
    assert not out.exists() and not list(tmp_path.glob(".layers-out*"))


def test_bad_output_paths_are_refused_before_any_work(case: Case, import_lines: Callable[..., int],
                                                      tmp_path: Path) -> None:
    doc = import_lines([[(72, 100, "text")]])
    with pytest.raises(EvidenceDeskError, match=r"\.pdf"):
        export_pdf(case, doc, tmp_path / "out.txt")
    with pytest.raises(EvidenceDeskError, match="does not exist"):
        export_pdf(case, doc, tmp_path / "missing" / "out.pdf")


def test_a_scan_pdf_page_with_ocr_text_layer_is_rebuilt(case: Case, tmp_path: Path) -> None:
    from tests.core.redaction.leak_corpus import scanned_page_pdf

    path = tmp_path / "ocrd.pdf"
    scanned_page_pdf(str(path), "ZQLAYEROCR", "KEEPLAYEROCR")
    doc = import_one(case, path)
    case.apply(redact_hits_edit(case, find_hits(case, "ZQLAYEROCR", doc), "source", status="approved"))
    result = export_pdf(case, doc, tmp_path / "ocrd-out.pdf")
    assert result.rebuilt_pages == [1]
    with pymupdf.open(tmp_path / "ocrd-out.pdf") as pdf:
        assert "KEEPLAYEROCR" in pdf[0].get_text() and "ZQLAYEROCR" not in pdf[0].get_text()


MIXED_WORDS = [  # an OCR layer in three scripts, with quotes and boxes that touch or overlap
    [72.0, 96.0, 200.0, 114.0, "МИНИСТЕРСТВО", 0, 0, 0], [204.0, 96.0, 300.0, 114.0, "иностранных", 0, 0, 1],
    [72.0, 130.0, 120.0, 148.0, "‘artillery’", 0, 1, 0], [120.0, 130.0, 160.0, 148.0, "«ЗИП»", 0, 1, 1],
    [158.0, 130.0, 230.0, 148.0, "(запасные", 0, 1, 2], [72.0, 170.0, 130.0, 188.0, "Ελλάδα", 0, 2, 0],
    [134.0, 170.0, 146.0, 188.0, "№", 0, 2, 1], [150.0, 170.0, 154.0, 188.0, "|", 0, 2, 2],
]


def test_a_scan_s_text_layer_keeps_every_word_in_any_script_and_each_word_apart(case: Case, tmp_path: Path) -> None:
    """Cyrillic written with Helvetica's Cyrillic encoding came back as "ЇЇЇЇ", and words whose
    OCR boxes touch came back as one: the export refused a Russian scan as losing words."""
    doc = import_one(case, _letter_image(tmp_path / "scan.png"))
    _set_ocr_words(case, doc, MIXED_WORDS)
    out = tmp_path / "mixed.pdf"
    result = export_pdf(case, doc, out, ExportOptions())
    assert result.verification.ok and result.rebuilt_pages == [1]
    with pymupdf.open(out) as exported:
        assert [w[4] for w in exported[0].get_text("words")] == [str(w[4]) for w in MIXED_WORDS]
