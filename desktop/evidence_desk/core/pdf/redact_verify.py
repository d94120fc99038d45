"""Checking a PDF for leaks (runs in a sandbox worker).

Structure (any PDF): exactly one revision, no Info or XMP metadata, no
annotations, form fields, links, embedded files, JavaScript or other actions,
outlines, thumbnails, optional content, and no failed redactions (x-ray).

Redactions (an export, where the case knows the boxes and what was under them):
no extractable character inside a box; no redacted string anywhere in the
extracted text or in any object or decompressed stream, searched as ASCII,
hex and UTF-16BE; every pixel inside each box (shrunk by a pixel against
anti-aliasing) is the fill colour when rendered; on pages rebuilt from pixels,
the image itself is dark under every box."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

import pymupdf

from evidence_desk.core.filetypes import is_image
from evidence_desk.core.pdf import sanitize, verify_boxes, verify_objects, verify_text, xray
from evidence_desk.core.pdf.byte_search import literal_pattern
from evidence_desk.core.pdf.glyphs import PageGlyphs, page_glyphs
from evidence_desk.core.pdf.redact_plan import Box, VerifyOutcome, VerifyRequest
from evidence_desk.core.pdf.source import open_pdf

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

DANGEROUS_NAMES = (b"/JavaScript", b"/JS", b"/OpenAction", b"/AA", b"/Launch", b"/URI",
                   b"/SubmitForm", b"/ImportData", b"/EmbeddedFile", b"/RichMedia", b"/GoToR")
# Text as every extractor sees it: pypdf and pdfminer also read glyphs placed off the
# page (PyMuPDF's default clips them to the media box, which hid an off-page copy).
UNCLIPPED = pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE


def page_text(page: pymupdf.Page) -> str:
    return page.get_text(flags=UNCLIPPED)


def normalise(text: str) -> str:
    """Case-folded, NFKC, de-hyphenated at line ends, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"-\s*\n\s*", "", text)
    return " ".join(text.split()).casefold()


def revisions(data: bytes) -> int:
    """How many times the file was saved: each save appends a trailer and `%%EOF`."""
    return max(data.count(b"%%EOF"), len(re.findall(rb"(?<![a-z])startxref", data)))


def check_structure(doc: pymupdf.Document, data: bytes, out: VerifyOutcome) -> None:
    problems = out.problems
    count = revisions(data)
    out.checked["revisions"] = count
    if count != 1:
        problems.append(f"the file holds {count} revisions (incremental updates): an earlier "
                        "revision can be recovered by cutting the file")
    meta = {k: v for k, v in (doc.metadata or {}).items() if v and k not in ("format", "encryption")}
    if meta:
        problems.append(f"document metadata remains: {', '.join(sorted(meta))}")
    catalog = doc.pdf_catalog()
    if doc.xref_get_key(catalog, "Metadata")[0] != "null" or (doc.get_xml_metadata() or "").strip():
        problems.append("XMP metadata remains")
    if doc.embfile_count():
        problems.append(f"{doc.embfile_count()} embedded file(s) remain")
    if doc.get_toc(simple=True):
        problems.append("an outline (bookmarks) remains; its titles can name what was redacted")
    for key, what in (("OCProperties", "optional content (layers that can hide text)"),
                      ("AcroForm", "a form"), ("Names", "a name tree (scripts or attachments)"),
                      ("StructTreeRoot", "a structure tree (alternate texts)")):
        if doc.xref_get_key(catalog, key)[0] != "null":
            problems.append(f"{what} remains")
    annots = widgets = links = thumbs = 0
    for page in doc:
        annots += len(list(page.annots() or []))
        widgets += len(list(page.widgets() or []))
        links += len(page.get_links())
        thumbs += doc.xref_get_key(page.xref, "Thumb")[0] != "null"
    for n, what in ((annots, "annotation(s)"), (widgets, "form field(s)"), (links, "link(s)"),
                    (thumbs, "page thumbnail(s)")):
        if n:
            problems.append(f"{n} {what} remain")
    found = sorted({name for xref in range(1, doc.xref_length()) for name in _names_in(doc, xref)})
    if found:
        problems.append(f"actions or scripts remain ({', '.join(found)})")
    for finding in xray.document_findings(doc):
        problems.append(finding.message())


_DANGEROUS = re.compile(rb"(" + b"|".join(re.escape(n) for n in DANGEROUS_NAMES)
                       + rb")(?![A-Za-z])(?!\s*null\b)")


def _names_in(doc: pymupdf.Document, xref: int) -> set[str]:
    """Action and script names used (not nulled) in one object."""
    try:
        source = doc.xref_object(xref, compressed=True).encode("latin-1", "replace")
    except Exception:
        return set()
    return {m.group(1).decode() for m in _DANGEROUS.finditer(source)}


def forms(secret: str) -> list[bytes]:
    """The byte forms a string takes inside a PDF: text, hex, UTF-16BE (and its hex)."""
    out: set[bytes] = set()
    for variant in {secret, secret.lower(), secret.upper()}:
        encodings = [variant.encode("utf-8"), variant.encode("utf-16-be")]
        if all(ord(ch) < 256 for ch in variant):  # PDFDocEncoding; a partial one would
            encodings.append(variant.encode("latin-1"))  # match innocent text
        for encoded in encodings:
            if len(encoded) >= 4:
                out.add(encoded)
                out.add(encoded.hex().encode())
                out.add(encoded.hex().upper().encode())
    return sorted(out)


def _search_bytes(doc: pymupdf.Document, data: bytes, secrets: Sequence[str]) -> list[str]:
    """Secrets found in the raw file, any object's source or any decompressed non-image
    stream; one case-insensitive pass per haystack over every form of every secret."""
    owner: dict[bytes, str] = {}
    for secret in secrets:
        for form in forms(secret):
            owner.setdefault(form.lower(), secret)
    if not owner:
        return []
    pattern = literal_pattern(owner)
    if pattern is None:
        return []
    leaked: set[str] = set()

    def scan(hay: bytes) -> None:
        for match in pattern.finditer(hay.lower()):
            leaked.add(owner[match.group(0)])

    scan(data)
    for xref in range(1, doc.xref_length()):
        try:
            scan(doc.xref_object(xref, compressed=True).encode("utf-8", "replace"))
            if doc.xref_is_stream(xref) and doc.xref_get_key(xref, "Subtype")[1] != "/Image":
                scan(doc.xref_stream(xref) or b"")
        except Exception:
            continue
    return sorted(leaked)


def _open_checked(path: str, out: VerifyOutcome) -> tuple[pymupdf.Document | None, bytes]:
    """The file's bytes, read once (the checks never go back to the disk), and the document
    opened from them; None with the reason added to `out`'s problems when it is no PDF."""
    with open(path, "rb") as fh:
        data = fh.read()
    try:
        return pymupdf.open(stream=data, filetype="pdf"), data
    except Exception as exc:
        out.problems.append(f"the file cannot be opened as a PDF ({str(exc)[:120]})")
        return None, data


def verify_file(path: str, boxes: dict[int, list[Box]] | None = None, secrets: Iterable[str] = (),
                labels: Iterable[str] = (), rebuilt_pages: Iterable[int] = ()) -> VerifyOutcome:
    """Sandbox entry point. Without boxes, only the structure is checked."""
    out = VerifyOutcome()
    doc, data = _open_checked(path, out)
    if doc is None:
        return out
    with doc:
        if doc.needs_pass:
            out.problems.append("the file is encrypted; it cannot be checked")
            return out
        out.checked["pages"] = doc.page_count
        check_structure(doc, data, out)
        boxes = boxes or {}
        allowed = {label for label in labels if label}
        rebuilt = set(rebuilt_pages)
        for number, page_boxes in sorted(boxes.items()):
            if not page_boxes or number > doc.page_count:
                continue
            page = doc[number - 1]
            for i, under in sorted(verify_boxes.chars_in_boxes(page, page_boxes, allowed).items()):
                out.problems.append(f"page {number}: text under redaction box {i + 1} can still be "
                                    f"extracted ({len(under)} characters)")
            for i in verify_boxes.pixels_solid(page, page_boxes, bool(allowed)):
                out.problems.append(f"page {number}: redaction box {i + 1} does not render as a solid fill")
            if number in rebuilt:
                for i in verify_boxes.images_burned(doc, page, page_boxes):
                    out.problems.append(f"page {number}: the page image is not blacked out under box {i + 1}")
        out.checked["boxes"] = sum(len(b) for b in boxes.values())
        secrets = sorted({s for s in secrets if len(normalise(s)) >= 3})
        if secrets:
            full = normalise("\n".join(page_text(page) for page in doc))
            in_text = [s for s in secrets if normalise(s) in full]
            in_bytes = _search_bytes(doc, data, [s for s in secrets if s not in in_text and len(s) >= 4])
            for s in in_text:
                out.problems.append(f"a redacted string ({len(s)} characters) can still be extracted as text")
            for _ in in_bytes:
                out.problems.append("a redacted string remains in the file's objects or streams")
        out.checked["secrets"] = len(secrets)
    return out


# -- an export, against its original ---------------------------------------------------------

MIN_WORD = 4  # a removed word this long that no reader sees elsewhere is a secret on its own


def _open_source(request: VerifyRequest) -> pymupdf.Document | None:
    if is_image(request.media_type):
        return None
    src = open_pdf(request.original)
    sanitize.reveal_optional_content(src)  # as the export saw it
    return src


def _unrotated(page: pymupdf.Page) -> pymupdf.Page:
    if page.rotation:
        page.set_rotation(0)  # boxes are in unrotated coordinates (in memory only)
    return page


def verify_export(request: VerifyRequest) -> VerifyOutcome:
    """Sandbox entry point for an export: the structure, then (1) nothing removed is
    left anywhere, (2) nothing outside the boxes was lost or moved, (3) no font
    outline, procedure or pixel under a box survives."""
    out = VerifyOutcome()
    doc, data = _open_checked(request.output, out)
    if doc is None:
        return out
    src = _open_source(request)
    by_number = {p.number: p for p in request.pages}
    allowed = {label for label in request.labels if label}
    rebuilt = set(request.rebuilt_pages)
    secrets = set(request.secrets)
    pieces: list[str] = []
    visible: list[str] = []
    with doc:
        out.checked["pages"] = doc.page_count
        check_structure(doc, data, out)
        for number in range(1, doc.page_count + 1):
            plan = by_number.get(number)
            boxes = plan.boxes if plan else []
            page = _unrotated(doc[number - 1])
            bars = request.bars.get(number) or boxes
            output_glyphs: PageGlyphs | None = None
            if number in rebuilt or src is None:
                if plan is not None:
                    gone = {verify_text.skeleton(t) for t in secrets}
                    kept = [row for row in plan.keep_words if verify_text.skeleton(str(row[4])) not in gone]
                    out.problems += verify_text.check_kept_words(number, page, kept)
                    visible += [str(row[4]) for row in kept]
                if boxes:
                    for i in verify_boxes.images_burned(doc, page, bars):
                        out.problems.append(f"page {number}: the page image is not blacked out under box {i + 1}")
            elif number <= src.page_count:
                original = _unrotated(src[number - 1])
                sanitize.strip_interactive(original)  # the export has no annotations or fields…
                sanitize.remove_off_page_text(original)  # …nor text off the page
                expected = verify_text.expected_page(original, boxes, plan.texts if plan else [])
                pieces += expected.pieces
                visible.append(expected.visible)
                output_glyphs = page_glyphs(page, ink_boxes=False)
                out.problems += verify_text.check_kept(number, page, expected, bars, request.hide_widths,
                                                       output_glyphs)
                if boxes:
                    out.problems += _shaped_clips(number, page, [*boxes, *bars])
            if boxes:
                under_bars = (verify_boxes.glyphs_in_boxes(output_glyphs, bars, allowed) if output_glyphs is not None
                              else verify_boxes.chars_in_boxes(page, bars, allowed))
                for i, under in sorted(under_bars.items()):
                    out.problems.append(f"page {number}: text under redaction bar {i + 1} can still be "
                                        f"extracted ({len(under)} characters)")
                for i in verify_boxes.pixels_solid(page, bars, bool(allowed)):
                    out.problems.append(f"page {number}: redaction bar {i + 1} does not render as a solid fill")
        out.checked["boxes"] = sum(len(p.boxes) for p in request.pages)
        secrets |= set(pieces)
        seen = verify_text.skeleton("\n".join(visible))
        seen_words = set(re.findall(r"[^\W_]+", seen))
        for piece in pieces:  # a word under a box that no reader sees elsewhere
            secrets |= {w for w in re.findall(r"[^\W_]+", verify_text.skeleton(piece))
                        if len(w) >= MIN_WORD and w not in seen_words}
        keep = {verify_text.skeleton(a) for a in request.allowed}
        secrets = {s for s in secrets if verify_text.skeleton(s) and verify_text.skeleton(s) not in keep}
        text = "\n".join(page_text(p) for p in doc)
        for s in sorted(verify_text.secrets_in_text(text, secrets)):
            out.problems.append(f"removed text ({len(s)} characters) can still be extracted from the page text"
                                + _elsewhere(doc, s))
    if src is not None:
        src.close()
    found = verify_objects.find_secrets(request.output, secrets)
    for s, where in sorted(found.items()):
        out.problems.append(f"removed text ({len(s)} characters) remains in the file: {where}")
    if any(p.boxes and p.number not in rebuilt for p in request.pages) and src is not None:
        # Text was removed from born-digital pages: no font may keep its letters.
        font_problems, font_warnings = verify_objects.check_fonts(request.output, "".join(pieces + list(secrets)))
        out.problems += font_problems
        out.warnings += font_warnings
        out.checked["fonts"] = "no outline or procedure that no text uses"
    out.checked["secrets"] = len(secrets)
    out.checked["second_parser"] = "qpdf (pikepdf)"
    return out


def _shaped_clips(number: int, page: pymupdf.Page, boxes: Sequence[Box]) -> list[str]:
    """A clip path with a shape (not a rectangle) reaching a box: outlines of glyphs can
    be drawn back from it."""
    found = 0
    for drawing in page.get_drawings(extended=True):
        if drawing.get("type") != "clip" or len(drawing.get("items") or []) <= 1:
            continue
        area = pymupdf.Rect(drawing.get("scissor") or drawing.get("rect") or (0, 0, 0, 0))
        if any(not (area & pymupdf.Rect(b)).is_empty for b in boxes):
            found += 1
    return [f"page {number}: {found} clip path(s) with a shape reach a redaction box (their outline can be "
            "painted back)"] if found else []


def _elsewhere(doc: pymupdf.Document, secret: str) -> str:
    pattern = verify_text.secret_pattern(secret)
    pages = [str(p.number + 1) for p in doc if pattern is not None and pattern.search(verify_text.skeleton(page_text(p)))]
    return f" (page {', '.join(pages[:5])})" if pages else ""
