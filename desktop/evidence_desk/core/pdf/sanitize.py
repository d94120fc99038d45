"""Removing everything from a PDF that is not the visible page content.

Where leaks hide besides the page (SECURITY.md, "Known failure modes"): form
fields (their values are not redacted by `apply_redactions`), annotations and
their popups, link URIs, JavaScript and other actions, embedded files, outline
titles, page thumbnails, the Info dictionary, XMP streams (on the catalog, on
pages, on images), JPEG EXIF/XMP segments inside image streams, tagged-PDF
structure (its /Alt and /ActualText), piece info, page labels and optional
content that a viewer hides, and text placed off the page. Incremental-save history goes away because the
output is written fresh (`save_clean`)."""

from __future__ import annotations

import contextlib
import os

import pymupdf

# Catalog entries that carry content, behaviour or hidden state, never page appearance.
CATALOG_KEYS = (
    "Names", "OpenAction", "AA", "Outlines", "AcroForm", "StructTreeRoot", "MarkInfo",
    "OCProperties", "Threads", "Perms", "Collection", "PieceInfo", "Metadata", "URI",
    "Dests", "PageLabels", "ViewerPreferences", "SpiderInfo", "Legal", "Requirements",
    "AF", "DSS", "Extensions", "Info",
)
# Keys removed from every object: metadata, structure links, layer membership.
OBJECT_KEYS = ("Metadata", "PieceInfo", "AF", "StructParent", "LastModified", "OC", "OPI")
# Keys removed from page objects: thumbnails, actions, beads, annotations.
PAGE_KEYS = ("Thumb", "AA", "B", "Annots", "StructParents", "Tabs", "SeparationInfo")
OFF_PAGE_REACH = 14_400.0  # points: PDF's largest page, around the media box
_JPEG_KEEP_APP = (0xE0, 0xEE)  # JFIF and Adobe (colour transform): everything else goes


def strip_interactive(page: pymupdf.Page) -> None:
    """Form fields first (their text survives redaction), then annotations and links."""
    for widget in list(page.widgets() or []):
        page.delete_widget(widget)
    # Deleting an annotation also deletes its popup, so never hold on to a "next" one.
    for _ in range(100_000):
        annot = page.first_annot
        if annot is None:
            break
        page.delete_annot(annot)
    for link in page.get_links():
        page.delete_link(link)


def remove_off_page_text(page: pymupdf.Page, bboxlog: list[tuple[str, tuple[float, float, float, float]]] | None = None) -> int:
    """Glyphs placed wholly outside the visible page: no reader sees them, every
    extractor but a clipped one reads them (a hidden copy of a redacted name). MuPDF
    redacts only inside the page, so the media box is widened for the pass, then
    restored; returns how many glyphs went."""
    visible = page.rect
    try:
        spans = [b for kind, b in (page.get_bboxlog() if bboxlog is None else bboxlog) if "text" in kind]
    except Exception:
        return 0
    margin = pymupdf.Rect(visible.x0 - 1, visible.y0 - 1, visible.x1 + 1, visible.y1 + 1)
    if all(pymupdf.Rect(b) in margin for b in spans):
        return 0  # the usual case: no glyph reaches outside (one cheap pass)
    outside = [pymupdf.Rect(c[3]) for span in page.get_texttrace() for c in span.get("chars", ())
               if not pymupdf.Rect(c[3]).intersects(visible)]
    if not outside:
        return 0
    media, crop, rotation = page.mediabox, page.cropbox, page.rotation
    old = page.transformation_matrix
    page.set_rotation(0)
    page.set_mediabox(pymupdf.Rect(media.x0 - OFF_PAGE_REACH, media.y0 - OFF_PAGE_REACH,
                                   media.x1 + OFF_PAGE_REACH, media.y1 + OFF_PAGE_REACH))
    move = ~old * page.transformation_matrix
    for rect in outside:
        page.add_redact_annot(rect * move, fill=False, cross_out=False)
    page.apply_redactions(images=pymupdf.PDF_REDACT_IMAGE_NONE, graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
                          text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    page.set_mediabox(media)
    if crop != media:
        page.set_cropbox(crop)
    page.set_rotation(rotation)
    return len(outside)


def reveal_optional_content(doc: pymupdf.Document) -> None:
    """Make every layer's content part of the page, so hidden-layer text is seen (and
    redacted) like any other: without /OCProperties MuPDF treats all content as
    visible (switching layers on with `set_layer` is not enough for text tracing).
    The output carries no optional content at all (see CATALOG_KEYS)."""
    with contextlib.suppress(Exception):
        doc.xref_set_key(doc.pdf_catalog(), "OCProperties", "null")


def _clear_key(doc: pymupdf.Document, xref: int, key: str) -> None:
    with contextlib.suppress(Exception):
        doc.xref_set_key(xref, key, "null")


def strip_jpeg_segments(data: bytes) -> bytes:
    """A JPEG without EXIF, XMP, ICC-unrelated APPn and comment segments."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return data  # not a marker where one must be: leave the image alone
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the rest is entropy-coded data
            out += data[i:]
            return bytes(out)
        length = int.from_bytes(data[i + 2:i + 4], "big")
        segment = data[i:i + 2 + length]
        drop = (0xE0 <= marker <= 0xEF and marker not in _JPEG_KEEP_APP and marker != 0xE2) \
            or marker == 0xFE
        if not drop:
            out += segment
        i += 2 + length
    return data


def scrub_document(doc: pymupdf.Document) -> None:
    """Remove every non-page carrier of information from `doc` (in memory)."""
    doc.set_metadata({})
    with contextlib.suppress(Exception):
        doc.del_xml_metadata()
    with contextlib.suppress(Exception):
        doc.set_toc([])
    for name in list(doc.embfile_names()):
        doc.embfile_del(name)
    catalog = doc.pdf_catalog()
    present = set(doc.xref_get_keys(catalog))
    for key in CATALOG_KEYS:
        if key in present:
            _clear_key(doc, catalog, key)
    for xref in range(1, doc.xref_length()):
        try:
            keys = doc.xref_get_keys(xref)
        except Exception:
            continue
        if not keys:
            continue
        is_image = doc.xref_get_key(xref, "Subtype")[1] == "/Image"
        is_page = doc.xref_get_key(xref, "Type")[1] == "/Page"
        for key in OBJECT_KEYS + (PAGE_KEYS if is_page else ()):
            if key in keys and xref != catalog:
                _clear_key(doc, xref, key)
        if "JS" in keys or "JavaScript" in keys or doc.xref_get_key(xref, "S")[1] in (
                "/JavaScript", "/Launch", "/URI", "/SubmitForm", "/ImportData"):
            for key in keys:
                _clear_key(doc, xref, key)
        if is_image and doc.xref_get_key(xref, "Filter")[1] == "/DCTDecode":
            raw = doc.xref_stream_raw(xref)
            clean = strip_jpeg_segments(raw)
            if clean != raw:
                doc.update_stream(xref, clean, compress=False)
                doc.xref_set_key(xref, "Filter", "/DCTDecode")


def save_clean(doc: pymupdf.Document, path: str) -> int:
    """Write a fresh file: one revision, unreferenced objects dropped, streams
    compressed and content streams rewritten; fsynced before returning its size."""
    doc.save(path, garbage=4, deflate=True, deflate_images=True, deflate_fonts=True,
             clean=True, incremental=False, encryption=pymupdf.PDF_ENCRYPT_NONE)
    return fsync_file(path)


def fsync_file(path: str) -> int:
    """Flush a written file to disk; its size."""
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    return os.path.getsize(path)
