"""Building hostile test PDFs: a unique secret in every place a redaction leak hides,
with a control string beside each that must survive the export.

Built with PyMuPDF in test code (the application itself only uses PyMuPDF under
core/pdf). Secrets are single unusual words so every search form is unambiguous."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field

import pymupdf
from PIL import Image, ImageDraw, ImageFont


@dataclass
class Planted:
    """Where each secret is, and which region of which page must be boxed to remove it
    (None: not on a page — metadata, scripts, attachments — removed by sanitising)."""

    secrets: dict[str, tuple[int, tuple[float, float, float, float]] | None] = field(default_factory=dict)
    controls: list[str] = field(default_factory=list)
    raster_boxes: list[tuple[int, tuple[float, float, float, float]]] = field(default_factory=list)
    image_hashes: list[str] = field(default_factory=list)  # md5 of original secret images


def _text_picture(text: str, size: tuple[int, int] = (600, 80)) -> bytes:
    img = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(img)
    draw.text((10, 15), text, fill=(0, 0, 0), font=ImageFont.load_default(size=40))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _word_rect(page: pymupdf.Page, word: str) -> tuple[float, float, float, float]:
    found = page.search_for(word)
    assert found, f"test builder: {word} not on page"
    r = found[0]
    return (r.x0 - 1, r.y0 - 1, r.x1 + 1, r.y1 + 1)


def _append_content(doc: pymupdf.Document, page: pymupdf.Page, content: bytes) -> None:
    xref = doc.get_new_xref()
    doc.update_object(xref, "<<>>")
    doc.update_stream(xref, content)
    old = doc.xref_get_key(page.xref, "Contents")
    refs = old[1].strip("[]") if old[0] == "array" else old[1]
    doc.xref_set_key(page.xref, "Contents", f"[{refs} {xref} 0 R]")


def build_leaky_pdf(path: str, first_revision: str) -> Planted:
    """Write the file: one revision with a secret, then an incremental update that
    'redacts' it — the classic apply_redactions + saveIncr failure."""
    p = Planted()
    doc = pymupdf.open()

    # page 1: body text, kerned TJ text, CID font text, a labelled vector shape
    page = doc.new_page()
    page.insert_text((72, 80), "Body: ZQBODYSECRET then KEEPBODYCONTROL here.", fontsize=11)
    p.secrets["ZQBODYSECRET"] = (1, _word_rect(page, "ZQBODYSECRET"))
    page.insert_font(fontname="helv")
    _append_content(doc, page, b"BT /helv 11 Tf 72 600 Td [(ZQKE) -40 (RNSEC) 25 (RET)] TJ ET "
                               b"BT /helv 11 Tf 260 600 Td (KEEPKERNCONTROL) Tj ET")
    kern = page.search_for("ZQKERNSECRET") or [pymupdf.Rect(70, 228, 200, 246)]
    p.secrets["ZQKERNSECRET"] = (1, (kern[0].x0 - 1, kern[0].y0 - 1, kern[0].x1 + 1, kern[0].y1 + 1))
    page.insert_text((72, 140), "ZQCIDSECRET", fontsize=11, fontname="china-s")
    page.insert_text((300, 140), "KEEPCIDCONTROL", fontsize=11)
    p.secrets["ZQCIDSECRET"] = (1, (70, 126, 200, 146))
    shape = page.new_shape()
    shape.draw_rect(pymupdf.Rect(72, 170, 230, 200))
    shape.finish(color=(0, 0, 1), fill=(0.8, 0.9, 1))
    shape.insert_textbox(pymupdf.Rect(76, 176, 228, 198), "ZQSHAPESECRET", fontsize=10)
    shape.commit()
    page.insert_text((300, 190), "KEEPSHAPECONTROL", fontsize=11)
    p.secrets["ZQSHAPESECRET"] = (1, (70, 168, 232, 202))
    p.controls += ["KEEPBODYCONTROL", "KEEPKERNCONTROL", "KEEPCIDCONTROL", "KEEPSHAPECONTROL"]

    # page 2: form field, annotations, link, hidden layer
    page = doc.new_page()
    page.insert_text((72, 80), "Form and notes. KEEPFORMCONTROL", fontsize=11)
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "name"
    widget.field_value = "ZQFIELDSECRET"
    widget.rect = pymupdf.Rect(72, 100, 300, 120)
    page.add_widget(widget)
    page.add_freetext_annot(pymupdf.Rect(72, 140, 300, 170), "ZQFREETEXTSECRET")
    hl = page.add_highlight_annot(page.search_for("Form and notes.")[0])
    hl.set_info(content="ZQHIGHLIGHTSECRET")
    hl.update()
    note = page.add_text_annot((320, 150), "ZQPOPUPSECRET")
    note.set_popup(pymupdf.Rect(330, 150, 500, 250))
    note.update()
    page.insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(72, 200, 200, 215),
                      "uri": "https://zqlinksecret.example/"})
    ocg = doc.add_ocg("hidden", on=False)
    page.insert_text((72, 260), "ZQLAYERSECRET", fontsize=11, oc=ocg)
    page.insert_text((300, 260), "KEEPLAYERCONTROL", fontsize=11)
    for s in ("ZQFIELDSECRET", "ZQFREETEXTSECRET", "ZQHIGHLIGHTSECRET", "ZQPOPUPSECRET", "zqlinksecret"):
        p.secrets[s] = None  # removed with every annotation, field and link
    p.secrets["ZQLAYERSECRET"] = (2, (70, 246, 200, 266))
    p.controls += ["KEEPFORMCONTROL", "KEEPLAYERCONTROL"]

    # page 3: rotated page with body text
    page = doc.new_page()
    page.insert_text((72, 80), "Rotated ZQROTATEDSECRET and KEEPROTATEDCONTROL.", fontsize=11)
    p.secrets["ZQROTATEDSECRET"] = (3, _word_rect(page, "ZQROTATEDSECRET"))
    page.set_rotation(90)
    p.controls.append("KEEPROTATEDCONTROL")

    # pages 4 and 5: a raster picture of a secret, the same image object on both pages
    picture = _text_picture("ZQRASTERSECRET")
    page4 = doc.new_page()
    xref = page4.insert_image(pymupdf.Rect(72, 100, 372, 140), stream=picture)
    page4.insert_text((72, 200), "KEEPRASTERCONTROL", fontsize=11)
    page5 = doc.new_page()
    page5.insert_image(pymupdf.Rect(72, 300, 372, 340), xref=xref)
    page5.insert_text((72, 400), "KEEPREUSEDCONTROL", fontsize=11)
    p.raster_boxes += [(4, (72, 100, 372, 140)), (5, (72, 300, 372, 340))]
    p.image_hashes.append(hashlib.md5(pymupdf.Pixmap(doc, xref).samples).hexdigest())
    p.controls += ["KEEPRASTERCONTROL", "KEEPREUSEDCONTROL"]

    # document level: outline, metadata, XMP, thumbnail, JavaScript, attachment
    doc.set_toc([[1, "ZQOUTLINESECRET", 1]])
    doc.set_metadata({"author": "ZQINFOSECRET", "title": "ZQTITLESECRET"})
    doc.set_xml_metadata('<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
                         'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
                         'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>ZQXMPSECRET</dc:creator>'
                         '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>')
    thumb = doc.get_new_xref()
    doc.update_object(thumb, "<</Type/XObject/Subtype/Image/Width 16/Height 1/BitsPerComponent 8"
                             "/ColorSpace/DeviceGray>>")
    doc.update_stream(thumb, b"ZQTHUMBSECRET\x00\x00\x00")
    doc.xref_set_key(doc[0].xref, "Thumb", f"{thumb} 0 R")
    js = doc.get_new_xref()
    doc.update_object(js, "<</S/JavaScript/JS(app.alert\\('ZQJSSECRET'\\))>>")
    doc.xref_set_key(doc.pdf_catalog(), "OpenAction", f"{js} 0 R")
    doc.embfile_add("note.txt", b"ZQEMBEDSECRET in an attachment", filename="note.txt")
    for s in ("ZQOUTLINESECRET", "ZQINFOSECRET", "ZQTITLESECRET", "ZQXMPSECRET", "ZQTHUMBSECRET",
              "ZQJSSECRET", "ZQEMBEDSECRET"):
        p.secrets[s] = None

    # an earlier revision: the secret is on page 1, then "redacted" in an incremental save
    doc[0].insert_text((72, 500), first_revision, fontsize=11)
    doc.save(path)
    doc.close()
    doc = pymupdf.open(path)
    page = doc[0]
    for r in page.search_for(first_revision):
        page.add_redact_annot(r)
    page.apply_redactions()
    doc.saveIncr()
    doc.close()
    p.secrets[first_revision] = None
    return p


def scanned_page_pdf(path: str, secret: str, control: str) -> tuple[float, float, float, float]:
    """A scan: one page image of typed text, with an invisible OCR text layer
    (render mode 3) over it, as OCR tools make. Returns the secret's box."""
    img = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=36)
    draw.text((150, 200), f"Letter about {secret} today", fill=0, font=font)
    draw.text((150, 300), f"signed {control} office", fill=0, font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    doc = pymupdf.open()
    page = doc.new_page(width=595.2, height=841.9)
    page.insert_image(page.rect, stream=buf.getvalue())
    scale = 595.2 / 1240
    for y_px, line in ((200, f"Letter about {secret} today"), (300, f"signed {control} office")):
        page.insert_text((150 * scale, (y_px + 34) * scale), line, fontsize=36 * scale, render_mode=3)
    doc.save(path)
    doc.close()
    with pymupdf.open(path) as check:
        hit = check[0].search_for(secret)[0]
    return (hit.x0, hit.y0, hit.x1, hit.y1)
