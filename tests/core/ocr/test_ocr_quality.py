"""OCR of scans generated at test time with known text: recall floors and word boxes."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from evidence_desk.core.db.models import Page
from evidence_desk.core.geometry import Word
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.ocr.service import ocr_documents
from evidence_desk.core.progress import Progress
from evidence_desk.core.search import search
from tests.core.ocr import scans

LANGS = "rus+eng+deu"
pytestmark = pytest.mark.needs_tesseract("rus", "eng", "deu")


def _import(case, path: Path) -> int:
    report = import_paths(case, [path], ImportOptions(ocr="never"))
    return report.imported[0].document_id


def _pages(case, doc_id: int) -> list[Page]:
    with case.read() as s:
        return list(s.execute(select(Page).where(Page.document_id == doc_id).order_by(Page.number)).scalars())


def _box_of(words: list[Word], text: str) -> Word:
    return next(w for w in words if w.text.strip(".,") == text)


def _expected_box(pdf: Path, index: int, text: str) -> pymupdf.Rect:
    with pymupdf.open(pdf) as doc:
        return doc[index].search_for(text)[0]


@pytest.fixture(scope="module")
def typeset(tmp_path_factory) -> Path:
    return scans.text_pdf(tmp_path_factory.mktemp("src") / "letter.pdf",
                          [scans.RUSSIAN, scans.ENGLISH + " " + scans.GERMAN, scans.ENGLISH])


def test_clean_scans_in_cyrillic_and_latin_are_read_with_high_recall_and_searchable(case, typeset, tmp_path):
    images = [scans.raster(typeset, 0), scans.raster(typeset, 1)]
    doc_id = _import(case, scans.scanned_pdf(tmp_path / "scan.pdf", images))
    assert all(p.needs_ocr for p in _pages(case, doc_id))

    report = ocr_documents(case, [doc_id], LANGS, Progress())

    assert report.pages_done == 2 and not report.failed
    ru, mixed = _pages(case, doc_id)
    assert scans.recall(scans.RUSSIAN, ru.text) >= 0.9
    assert scans.recall(scans.ENGLISH + " " + scans.GERMAN, mixed.text) >= 0.9
    for page in (ru, mixed):
        assert page.text_source == "ocr" and not page.needs_ocr
        assert page.ocr_languages == LANGS and page.ocr_engine.startswith("tesseract")
        assert page.ocr_confidence is not None and page.ocr_confidence > 70
        assert all(Word.from_row(r).confidence is not None for r in page.words)
    assert {h.page for h in search(case, "Завод")} == {1}
    assert {h.page for h in search(case, "invoice")} == {2}


def test_word_boxes_are_in_pdf_points_where_the_word_is_printed(case, typeset, tmp_path):
    doc_id = _import(case, scans.scanned_pdf(tmp_path / "scan.pdf", [scans.raster(typeset, 2)]))
    ocr_documents(case, [doc_id], "eng", Progress())
    words = [Word.from_row(r) for r in _pages(case, doc_id)[0].words]
    got = _box_of(words, "INV-2021-044").rect
    want = _expected_box(typeset, 2, "INV-2021-044")
    assert abs(got.x0 - want.x0) < 4 and abs(got.y0 - want.y0) < 5 and abs(got.x1 - want.x1) < 4


def test_skewed_and_noisy_scans_are_read_with_recall_above_the_floor(case, typeset, tmp_path):
    skewed = scans.skew(scans.raster(typeset, 0), 3.0)
    noisy = scans.speckle(scans.raster(typeset, 2), fraction=0.01)
    both = scans.speckle(scans.skew(scans.raster(typeset, 1), -2.0), fraction=0.005, seed=3)
    doc_id = _import(case, scans.scanned_pdf(tmp_path / "bad.pdf", [skewed, noisy, both]))

    report = ocr_documents(case, [doc_id], LANGS, Progress())

    assert report.pages_done == 3
    p1, p2, p3 = _pages(case, doc_id)
    assert scans.recall(scans.RUSSIAN, p1.text) >= 0.8
    assert scans.recall(scans.ENGLISH, p2.text) >= 0.8
    assert scans.recall(scans.ENGLISH + " " + scans.GERMAN, p3.text) >= 0.8


def test_skewed_page_word_boxes_map_back_to_the_skewed_scan(case, typeset, tmp_path):
    # Straight scan of page 3 turned by 3° about its centre: a word's box must surround where
    # the word now is on the scan, not where it would be on the straightened image.
    img = scans.raster(typeset, 2)
    doc_id = _import(case, scans.save_scan(scans.skew(img, 3.0), tmp_path / "skew.png"))
    ocr_documents(case, [doc_id], "eng", Progress())
    page = _pages(case, doc_id)[0]
    got = _box_of([Word.from_row(r) for r in page.words], "INV-2021-044").rect
    want = _expected_box(typeset, 2, "INV-2021-044")
    import math
    cx, cy, t = page.width / 2, page.height / 2, math.radians(3.0)
    mx, my = (want.x0 + want.x1) / 2 - cx, (want.y0 + want.y1) / 2 - cy
    turned = (cx + mx * math.cos(t) + my * math.sin(t), cy - mx * math.sin(t) + my * math.cos(t))
    assert got.x0 - 3 <= turned[0] <= got.x1 + 3 and got.y0 - 3 <= turned[1] <= got.y1 + 3


def test_a_page_scanned_sideways_is_turned_and_read(case, typeset, tmp_path):
    from PIL import Image

    img = scans.raster(typeset, 2).transpose(Image.Transpose.ROTATE_90)
    doc_id = _import(case, scans.save_scan(img, tmp_path / "sideways.png"))
    ocr_documents(case, [doc_id], "eng", Progress())
    page = _pages(case, doc_id)[0]
    assert scans.recall(scans.ENGLISH, page.text) >= 0.8
    # Boxes stay on the page as stored (landscape), so a word's box is taller than wide.
    box = _box_of([Word.from_row(r) for r in page.words], "INV-2021-044").rect
    assert box.height > box.width and 0 <= box.x0 < box.x1 <= page.width


def test_a_pdf_page_with_a_rotate_entry_gets_boxes_on_the_unrotated_page(case, typeset, tmp_path):
    scan = scans.scanned_pdf(tmp_path / "scan.pdf", [scans.raster(typeset, 2)])
    with pymupdf.open(scan) as doc:
        doc[0].set_rotation(90)  # shown turned in viewers; coordinates stay those of the unrotated page
        doc.save(tmp_path / "rotated.pdf")
    doc_id = _import(case, tmp_path / "rotated.pdf")
    ocr_documents(case, [doc_id], "eng", Progress())
    page = _pages(case, doc_id)[0]
    assert page.rotation == 90
    got = _box_of([Word.from_row(r) for r in page.words], "INV-2021-044").rect
    want = _expected_box(typeset, 2, "INV-2021-044")
    assert abs(got.x0 - want.x0) < 4 and abs(got.y0 - want.y0) < 5
