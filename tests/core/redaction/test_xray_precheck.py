"""The cheap pre-check that lets import skip the bad-redaction analysis must never
skip a page that holds a box: it may say "maybe" too often, never "no" wrongly."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.pdf.xray import _content_bytes, may_hold_boxes, page_warnings

CORPUS_XRAY = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "xray"


def test_a_plain_text_page_needs_no_analysis() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Contracts officer Kirill Garbuz fB f b* sh")
    assert may_hold_boxes(page) is False


def test_a_black_box_over_text_is_analysed_and_reported() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Contracts officer Kirill Garbuz")
    page.draw_rect(pymupdf.Rect(150, 60, 260, 76), color=(0, 0, 0), fill=(0, 0, 0))
    assert may_hold_boxes(page) is True
    assert any("Garbuz" in w or "Kirill" in w for w in page_warnings(page, 1))


def test_an_annotation_alone_makes_the_page_worth_analysing() -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Secret name")
    page.add_redact_annot(pymupdf.Rect(70, 60, 200, 76))
    assert may_hold_boxes(page) is True


@pytest.mark.skipif(not CORPUS_XRAY.is_dir(), reason="shared corpus not present")
def test_every_labelled_bad_redaction_page_passes_the_precheck() -> None:
    labels = (CORPUS_XRAY / "labels.tsv").read_text().splitlines()[1:]
    bad = [line.split("\t")[0] for line in labels if "\tbad_redaction" in line]
    assert len(bad) == 4
    for name in bad:
        with pymupdf.open(CORPUS_XRAY / Path(name).name) as doc:
            assert may_hold_boxes(doc[0]), name


def test_a_compressed_box_is_seen_and_a_compression_bomb_is_not_inflated(tmp_path: Path) -> None:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Contracts officer Kirill Garbuz")
    page.draw_rect(pymupdf.Rect(150, 60, 260, 76), color=(0, 0, 0), fill=(0, 0, 0))
    doc.save(tmp_path / "boxed.pdf", deflate=True)
    with pymupdf.open(tmp_path / "boxed.pdf") as boxed:
        assert may_hold_boxes(boxed[0]) is True
    bomb = CORPUS_XRAY.parent / "pdfjs" / "bomb_giant.pdf"
    if bomb.exists():
        with pymupdf.open(bomb) as giant:
            # inflated only up to the cap, then left to the full analysis (MuPDF's own
            # read_contents spends ~40 s inflating this stream before refusing it)
            assert _content_bytes(giant[0]) is None
            assert may_hold_boxes(giant[0]) is True
