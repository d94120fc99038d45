"""Opening untrusted documents and extracting pages: sizes, text, word boxes.

These functions run inside a sandbox worker (see `evidence_desk.core.sandbox`).
A worker keeps the last opened document, so extracting a long file in chunks
does not reopen it for each chunk."""

from __future__ import annotations

import json
import re
from json.encoder import encode_basestring as _json_str  # C-accelerated
from pathlib import Path
from typing import Any

import pymupdf

from evidence_desk.core.errors import RefusedFileError
from evidence_desk.core.filetypes import PDF, is_image
from evidence_desk.core.pdf import images
from evidence_desk.core.pdf.extract_types import DocumentProbe, ExtractedPage, as_json_words
from evidence_desk.core.pdf.source import Source, path_of, source_key
from evidence_desk.core.pdf.source import open_pdf as open_source

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

MAX_TEXT_PER_PAGE = 2_000_000
MAX_WORDS_PER_PAGE = 200_000
MAX_PAGE_SIDE_PT = 14_400  # PDF's own limit is 14,400 pt (200 in)
METADATA_KEYS = ("title", "author", "subject", "keywords", "creator", "producer", "creationDate", "modDate")


TEXT_FLAGS = pymupdf.TEXTFLAGS_WORDS & ~pymupdf.TEXT_PRESERVE_LIGATURES
# Text drawn this light (its colour composited at its opacity over white, 0 black .. 1 white)
# is "faint": a pale grey or see-through watermark, or white text. The word row says so
# (`geometry.Word.faint`); the viewer decides what that means for selection.
FAINT_LIGHTNESS = 0.7
_open: dict[str, Any] = {}


def open_pdf(path: Source) -> pymupdf.Document:
    """The worker's open copy of `path` (one kept open: chunked extraction and OCR of
    consecutive pages reuse it instead of reparsing the file)."""
    key = source_key(path)
    doc = _open.get(key)
    if doc is None:
        for old in _open.values():
            old.close()
        _open.clear()
        try:
            doc = open_source(path)
        except Exception as exc:
            raise RefusedFileError(f"not a readable PDF ({_short(exc, path_of(path))})", "malformed") from exc
        _open[key] = doc
    return doc


def _short(exc: BaseException, path: str | None = None) -> str:
    """One line of a parser's error, without the staging path (meaningless to the user)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if path and path in text:
        if text.startswith("Failed to open file"):
            return "the file is too damaged to be repaired"
        text = text.replace(f"'{path}'", "the file").replace(path, "the file")
    return text[:200]


def probe(path: Source, media_type: str, max_pages: int) -> DocumentProbe:
    """Open a file and check it is a document we can work with; raise RefusedFileError if not."""
    if is_image(media_type):
        return images.probe(path, media_type, max_pages)
    if media_type != PDF:
        raise RefusedFileError(f"unsupported file type {media_type}", "unsupported")
    _open.clear()
    doc = open_pdf(path)
    if doc.needs_pass:
        raise RefusedFileError(
            "password-protected PDF: import it again with its password (the window asks for it; on the "
            "command line: import --password-file FILE)",
            "encrypted",
        )
    try:
        count = doc.page_count
    except Exception as exc:
        raise RefusedFileError(f"the page tree is broken ({_short(exc)})", "malformed") from exc
    if count <= 0:
        raise RefusedFileError("the PDF has no pages that can be read (zero pages)", "zero_pages")
    if count > max_pages:
        raise RefusedFileError(
            f"the PDF has {count:,} pages, over this case's limit of {max_pages:,} "
            "(raise it with --max-pages if the file is genuine)",
            "huge",
        )
    # Rendering the first page proves the file is usable: a file whose first page
    # MuPDF cannot draw is refused now, not discovered broken in the viewer.
    try:
        page = doc[0]
        r = page.rect
        if r.width <= 0 or r.height <= 0 or max(r.width, r.height) > MAX_PAGE_SIDE_PT * 4:
            raise RefusedFileError(f"the first page has an impossible size ({r.width:.0f} × {r.height:.0f} pt)", "malformed")
        page.get_pixmap(dpi=72)
    except RefusedFileError:
        raise
    except Exception as exc:
        message = _short(exc)
        code = "huge" if ("large" in message.lower() or "limit" in message.lower()) else "malformed"
        raise RefusedFileError(f"the first page cannot be drawn ({message})", code) from exc
    meta = {}
    for key in METADATA_KEYS:
        value = (doc.metadata or {}).get(key)
        if value:
            meta[key] = str(value)[:500]
    return DocumentProbe(
        page_count=count,
        metadata=meta,
        encrypted=bool(doc.is_encrypted or doc.metadata.get("encryption")),
        repaired=bool(doc.is_repaired),
    )


def extract_pages(path: Source, media_type: str, start: int, stop: int,
                  words_as_json: bool = False) -> list[ExtractedPage]:
    """Pages start..stop-1 (0-based); numbers in the result are 1-based.

    `words_as_json`: send the word boxes as one JSON string per page (what the importer
    stores), which is far cheaper to pass between processes than lists of lists."""
    if is_image(media_type):
        out = images.extract_pages(path, media_type, start, stop)
    else:
        doc = open_pdf(path)
        out = [_extract_page(doc, index, words_as_json) for index in range(start, stop)]
    return as_json_words(out) if words_as_json else out


def _lightness(color: int, alpha: int) -> float:
    """How light a span looks on white: its sRGB colour's luminance, faded by its opacity."""
    r, g, b = (color >> 16) & 255, (color >> 8) & 255, color & 255
    luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
    opacity = min(max(alpha, 0), 255) / 255
    return 1.0 - opacity * (1.0 - luminance)


def _faint_words(textpage: pymupdf.TextPage, raw_words: list[tuple[Any, ...]]) -> set[int]:
    """Indexes of the words drawn faint (see FAINT_LIGHTNESS). "words" carries no colour,
    so the spans of the same text page are read: a word belongs to the span of its line
    (same block and line numbers) that overlaps it most. Most pages have none."""
    faint_lines: dict[tuple[int, int], list[tuple[tuple[float, float, float, float], bool]]] = {}
    for block in textpage.extractDICT()["blocks"]:
        for line_no, line in enumerate(block.get("lines", ())):
            spans = [(tuple(span["bbox"]), _lightness(int(span.get("color", 0)), int(span.get("alpha", 255)))
                      >= FAINT_LIGHTNESS) for span in line["spans"]]
            if any(faint for _, faint in spans):
                faint_lines[(int(block["number"]), line_no)] = spans
    if not faint_lines:
        return set()
    marked: set[int] = set()
    for i, w in enumerate(raw_words):
        spans = faint_lines.get((w[5], w[6]))
        if spans is None:
            continue
        if all(faint for _, faint in spans):
            marked.add(i)
            continue
        if max(spans, key=lambda span: _overlap(span[0], w))[1]:
            marked.add(i)
    return marked


def _overlap(box: tuple[float, ...], w: tuple[Any, ...]) -> float:
    return max(0.0, min(box[2], w[2]) - max(box[0], w[0])) * max(0.0, min(box[3], w[3]) - max(box[1], w[1]))


def _words_json(raw_words: list[tuple[Any, ...]]) -> str:
    """The rows of `geometry.Word.to_row()` as compact JSON, written in one pass: a
    page holds thousands of words, and rounding plus `json.dumps` cost more than
    MuPDF's own extraction. Coordinates keep 2 decimals, as `to_row` rounds them."""
    try:
        body = ",".join(
            "[%.2f,%.2f,%.2f,%.2f,%s,%d,%d,%d%s]" % (w[0], w[1], w[2], w[3], _json_str(w[4]), w[5], w[6], w[7],  # noqa: UP031 - fastest
                                                     ",null,1" if len(w) > 8 else "")
            for w in raw_words
        )
    except (TypeError, ValueError):
        body = None
    if body is None or "nan" in body or "inf" in body:  # rare: fall back to the exact writer
        rows = [[round(w[0], 2), round(w[1], 2), round(w[2], 2), round(w[3], 2), w[4], w[5], w[6], w[7],
                 *((None, 1) if len(w) > 8 else ())] for w in raw_words]
        return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return "[" + body + "]"


def _extract_page(doc: pymupdf.Document, index: int, words_as_json: bool = False) -> ExtractedPage:
    try:
        page = doc[index]
        box = page.cropbox
        width, height, rotation = float(box.width), float(box.height), int(page.rotation) % 360
    except Exception as exc:
        # A broken page in an otherwise good document: keep it, empty, for OCR.
        return ExtractedPage(index + 1, 612.0, 792.0, 0, "", [], True, True) if index else _raise(exc)
    try:
        # One text page for both views: building it is most of the cost of extraction,
        # and "words" and "text" use the same flags (TEXTFLAGS_WORDS == TEXTFLAGS_TEXT).
        # Ligatures are expanded so "ﬁnal" is found by a search for "final".
        textpage = page.get_textpage(flags=TEXT_FLAGS)
        raw_words = page.get_text("words", textpage=textpage)
        text = page.get_text("text", textpage=textpage)[:MAX_TEXT_PER_PAGE]
        has_images = bool(page.get_images(full=False))
        faint = _faint_words(textpage, raw_words[:MAX_WORDS_PER_PAGE])
    except Exception:
        raw_words, text, has_images, faint = [], "", True, set()
    # Rows as geometry.Word.to_row() writes them, built directly: a page can hold
    # thousands of words and this loop runs for every page of every import.
    raw_words = raw_words[:MAX_WORDS_PER_PAGE]
    if "\x00" in text:
        # NUL is no character of any text, and PostgreSQL cannot store it: U+FFFD keeps the
        # length (offsets into the text stay right) and, like NUL, is no part of a word.
        text = text.replace("\x00", "\ufffd")
        raw_words = [(*w[:4], w[4].replace("\x00", "\ufffd"), *w[5:]) for w in raw_words]
    if faint:  # a ninth item marks a faint word (the row then ends `null, 1`, see Word.to_row)
        raw_words = [(*w[:8], True) if i in faint else w for i, w in enumerate(raw_words)]
    words_json = _words_json(raw_words) if words_as_json else ""
    words = [] if words_as_json else [
        [round(w[0], 2), round(w[1], 2), round(w[2], 2), round(w[3], 2), w[4], w[5], w[6], w[7],
         *((None, 1) if len(w) > 8 else ())]
        for w in raw_words
    ]
    blank = not text.strip() and not has_images and paints_nothing(page)
    return ExtractedPage(
        number=index + 1,
        width=width,
        height=height,
        rotation=rotation,
        text=text,
        words=words,
        has_images=has_images,
        needs_ocr=not blank and text_is_unusable(text),
        warnings=[] if blank else _bad_redactions(page, index + 1),
        words_json=words_json,
        blank=blank,
    )


def paints_nothing(page: pymupdf.Page) -> bool:
    """True when drawing the page would leave it empty: no text, image, path or annotation.
    (A scan's white page still holds an image: that one is OCR'd, and found empty.)"""
    try:
        if page.first_annot is not None:
            return False
        return not page.get_bboxlog()
    except Exception:
        return False


def _bad_redactions(page: pymupdf.Page, number: int) -> list[str]:
    """Failed redactions (boxes over live text) on this page — owned by the redaction
    feature (`core/pdf/xray.py`); a failure of the check never fails the import."""
    from evidence_desk.core.pdf import xray

    try:
        return xray.page_warnings(page, number)
    except Exception:
        return []


def _raise(exc: Exception) -> ExtractedPage:
    raise RefusedFileError(f"the first page cannot be read ({_short(exc)})", "malformed") from exc


def text_is_unusable(text: str) -> bool:
    """True when a page's embedded text is missing or garbage (so OCR should run).

    Garbage: mostly replacement characters, private-use glyphs or control codes,
    which is what a PDF with broken font encodings yields."""
    stripped = "".join(text.split())
    if len(stripped) < 12:
        return True
    bad = len(_GARBAGE.findall(stripped))
    letters = sum(map(str.isalpha, stripped))
    return bad / len(stripped) > 0.2 or letters / len(stripped) < 0.3


# Replacement characters, control codes (Cc), surrogates (Cs) and private-use glyphs (Co):
# what a PDF with broken font encodings yields. A regex runs in C; a per-character
# unicodedata loop cost more than the text extraction itself.
_GARBAGE = re.compile(
    "[\ufffd\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]"
)


def page_count_of(path: Path) -> int:
    """Trusted helper for files the application wrote itself (exports)."""
    with pymupdf.open(path) as doc:
        return int(doc.page_count)
