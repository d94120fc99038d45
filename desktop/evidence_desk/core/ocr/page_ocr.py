"""OCR of one page, end to end, inside a sandbox worker: render → deskew → recognise →
(orientation only when the result is poor) → word boxes in PDF points of the unrotated page.

Only plain data leaves the worker: word rows, text and numbers."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from PIL import Image

from evidence_desk.core.geometry import Rect, Word
from evidence_desk.core.ocr import imageops, tesseract
from evidence_desk.core.ocr.ocr_types import PageOcr  # its home before: callers import it from here

NICENESS = 10  # OCR is background work: the window (and the user's other programs) come first
# Tesseract's own layout analysis copes with a small skew; straightening a page costs ~15 % of
# its OCR time (measured), so only pages skewed by 2° or more are turned first.
DESKEW_MIN_DEG = 2.0
POOR_CONFIDENCE = 55.0  # mean word confidence under which we suspect a sideways page
MIN_WORDS = 6


_niced = False


def _lower_priority() -> None:
    """Once per worker process; Tesseract children inherit it."""
    global _niced
    if not _niced:
        _niced = True
        with contextlib.suppress(AttributeError, OSError):  # not POSIX, or not permitted
            os.nice(NICENESS)


def _cpu() -> float:
    """CPU time of this process and of its finished children (the Tesseract runs)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - non-POSIX
        return 0.0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _score(words: list[tesseract.TsvWord]) -> float:
    """How readable a result is: confident letters in real words."""
    return sum(w.conf * len(w.text) for w in words if w.conf >= 40 and any(c.isalpha() for c in w.text))


def _mean_conf(words: list[tesseract.TsvWord]) -> float | None:
    good = [w for w in words if w.text.strip()]
    if not good:
        return None
    total = sum(len(w.text) for w in good)
    return sum(w.conf * len(w.text) for w in good) / total


def _is_poor(words: list[tesseract.TsvWord]) -> bool:
    conf = _mean_conf(words)
    return len(words) < MIN_WORDS or conf is None or conf < POOR_CONFIDENCE


def _orient(work: Image.Image, words: list[tesseract.TsvWord], languages: str, dpi: float,
            timeout: float, use_osd: bool) -> tuple[int, list[tesseract.TsvWord]]:
    """Find a better 90° orientation for a poorly read page (bounded: OSD, or three more tries)."""
    if use_osd:
        found = tesseract.detect_rotation(work, timeout=timeout)
        candidates = [found[0]] if found and found[0] and found[1] >= 1.0 else []
    else:
        candidates = [90, 180, 270]
    best, best_words, best_score = 0, words, _score(words)
    for degrees in candidates:
        turned, _ = imageops.turn_clockwise(work, degrees)
        got = tesseract.recognise(turned, languages, dpi=dpi, timeout=timeout)
        if _score(got) > best_score * 1.2:
            best, best_words, best_score = degrees, got, _score(got)
    return best, best_words


def ocr_page(path: str | bytes, media_type: str, index: int, languages: str, *, deskew: bool = True,
             orient: bool = True, use_osd: bool | None = None, tess_timeout: float = 180.0) -> PageOcr:
    """OCR page `index` (0-based) of an original; runs in a sandbox worker."""
    timeout = tess_timeout
    _lower_priority()
    started = _cpu()
    # Imported here, in the worker: callers of this module never load PyMuPDF.
    from evidence_desk.core.pdf.ocr_image import render_page

    bitmap = render_page(path, media_type, index)
    image = bitmap.image
    skew = imageops.estimate_skew(image) if deskew else 0.0
    if abs(skew) < DESKEW_MIN_DEG:
        skew = 0.0  # what was applied is what gets reported
    work, back_skew = (imageops.rotate_small_angle(image, skew) if skew
                       else (image, lambda x, y: (x, y)))
    words = tesseract.recognise(work, languages, dpi=bitmap.dpi, timeout=timeout)
    orientation = 0
    if orient and _is_poor(words) and work.getbbox() is not None:
        osd = tesseract.has_osd() if use_osd is None else use_osd
        orientation, words = _orient(work, words, languages, bitmap.dpi, timeout, osd)
    _, back_turn = imageops.turn_clockwise(work, orientation)

    rows: list[list[Any]] = []
    for w in words:
        box = imageops.map_box((w.left, w.top, w.left + w.width, w.top + w.height), back_turn)
        box = imageops.map_box(box, back_skew)
        x0, y0 = bitmap.px_to_pt(max(0.0, box[0]), max(0.0, box[1]))
        x1, y1 = bitmap.px_to_pt(min(float(image.width), box[2]), min(float(image.height), box[3]))
        rows.append(Word(Rect(x0, y0, x1, y1), w.text, w.block, w.line, w.index, w.conf).to_row())
    return PageOcr(index + 1, words_to_text(words), rows, _mean_conf(words), skew, orientation,
                   _cpu() - started)


def words_to_text(words: list[tesseract.TsvWord]) -> str:
    """Reading-order text: words joined by spaces, lines by newlines, blocks by a blank line."""
    out: list[str] = []
    prev: tuple[int, int] | None = None
    for w in words:
        key = (w.block, w.line)
        if prev is not None and key != prev:
            out.append("\n\n" if key[0] != prev[0] else "\n")
        elif prev is not None:
            out.append(" ")
        out.append(w.text)
        prev = key
    return "".join(out)


def render_pgm_for_benchmark(path: str, media_type: str, index: int) -> bytes:
    """The bitmap `ocr_page` would recognise, as PGM bytes (benchmarks feed it to plain Tesseract)."""
    import io

    buf = io.BytesIO()
    from evidence_desk.core.pdf.ocr_image import render_page

    render_page(path, media_type, index).image.save(buf, format="PPM")
    return buf.getvalue()
