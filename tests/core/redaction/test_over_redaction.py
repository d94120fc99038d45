"""Over-redaction is a failure too (SECURITY.md): a box removes the glyphs whose ink it
covers and nothing else, and the verification fails an export that lost innocent
words. The demo case: redacting every "Harbuz" on the offer letter once took
"e offer i" and "For all" from the line above with it."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.pdf.redact_plan import PagePlan, VerifyRequest
from evidence_desk.core.pdf.redact_verify import verify_export
from evidence_desk.core.redaction.export import ExportOptions, export_pdf
from evidence_desk.core.redaction.marking import redact_rects_edit
from evidence_desk.core.redaction.matching import find_hits, redact_hits_edit
from tests.core.pdfs import FONT_FILE
from tests.core.redaction.attacker import fold, random_secret, texts
from tests.core.redaction.conftest import import_one

OFFER_LINE = "The offer is valid until 30 June 2021. For all questions please contact our contracts"


@pytest.fixture(scope="module")
def demo_letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from evidence_desk.core.demo.corpus import load_documents
    from evidence_desk.core.demo.generate import born_digital_pdf

    template = next(t for t in load_documents() if t.id == "D03")
    path = tmp_path_factory.mktemp("demo") / "offer-letter.pdf"
    path.write_bytes(born_digital_pdf(template))
    return path


def test_redacting_harbuz_on_the_demo_letter_keeps_every_word_of_the_line_above(
        case: Case, demo_letter: Path, tmp_path: Path) -> None:
    doc = import_one(case, demo_letter)
    hits = find_hits(case, "Harbuz", doc)
    assert len(hits) >= 2  # "Mr Kirill O. Harbuz" and "k.harbuz@…"
    case.apply(redact_hits_edit(case, hits, "source", status="approved"))
    for hide in (True, False):
        out = tmp_path / f"letter-{hide}.pdf"
        result = export_pdf(case, doc, out, ExportOptions(hide_widths=hide))
        assert result.verification.ok, result.verification.problems
        for tool, text in texts(out).items():
            assert "harbuz" not in fold(text), tool
            assert fold(OFFER_LINE) in fold(text), (tool, hide)
            assert fold("Yours faithfully") in fold(text) and fold("(tel. +999 17 555 0314,") in fold(text)


def _tight_lines(path: Path, lines: list[str], leading: float = 11.0) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_font(fontname="dejavu", fontfile=str(FONT_FILE))
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + i * leading), line, fontsize=11, fontname="dejavu")
    doc.save(path)
    return path


def test_a_box_taller_than_its_line_removes_no_glyph_of_the_neighbouring_lines(
        case: Case, tmp_path: Path) -> None:
    rng = random.Random(7)
    secret = random_secret(rng)
    lines = ["Above KEEPABOVE jumps gladly, quietly", f"Left KEEPLEFT {secret} KEEPRIGHT right",
             "Below KEEPBELOW yes quite gladly"]
    doc = import_one(case, _tight_lines(tmp_path / "tight.pdf", lines, leading=13.0))
    with pymupdf.open(tmp_path / "tight.pdf") as pdf:
        word = next(w for w in pdf[0].get_text("words") if w[4] == secret)
    # a region drawn generously, 2 pt beyond the word's font box: it reaches the font boxes
    # (and the descenders) of the line above, which MuPDF alone would take with it
    box = Rect(word[0] - 1, word[1] - 2, word[2] + 1, word[3] + 2)
    case.apply(redact_rects_edit(case, doc, 1, [box], "source", status="approved"))
    out = tmp_path / "out.pdf"
    result = export_pdf(case, doc, out)
    assert result.verification.ok, result.verification.problems
    for tool, text in texts(out).items():
        assert fold(secret) not in fold(text), tool
        for kept in ("Above KEEPABOVE jumps gladly, quietly", "Below KEEPBELOW yes quite gladly",
                     "KEEPLEFT", "KEEPRIGHT right"):
            assert fold(kept) in fold(text), (tool, kept)


def test_the_verification_fails_an_export_that_lost_innocent_words(tmp_path: Path) -> None:
    """MuPDF's own redaction (font boxes) over a word on tightly set lines takes glyphs
    of the line above; the verification must say so."""
    source = _tight_lines(tmp_path / "tight.pdf", ["The offer is valid until 30 June 2021. For all questions",
                                                   "please contact Mr Kirill O. Harbuz (tel. +999)"])
    with pymupdf.open(source) as pdf:
        word = next(w for w in pdf[0].get_text("words") if w[4] == "Harbuz")
        pdf[0].add_redact_annot(pymupdf.Rect(word[:4]), fill=(0, 0, 0))
        pdf[0].apply_redactions()
        assert "30 June 2021" not in pdf[0].get_text()  # the damage this test is about
        damaged = tmp_path / "damaged.pdf"
        pdf.save(damaged, garbage=4)
    request = VerifyRequest(output=str(damaged), source=str(source), media_type="application/pdf",
                            pages=[PagePlan(1, boxes=[tuple(word[:4])], texts=["Harbuz"])], hide_widths=False)
    outcome = verify_export(request)
    lost = [p for p in outcome.problems if "outside every redaction box was lost" in p]
    assert lost and "une202" in lost[0].replace(" ", "")


def test_a_text_match_on_tight_lines_is_removed_by_ink_and_its_neighbours_stay(
        case: Case, import_lines: Callable[..., int], tmp_path: Path) -> None:
    rng = random.Random(11)
    secret = random_secret(rng, 8)
    doc = import_one(case, _tight_lines(tmp_path / "t.pdf", [
        "gjpqy descenders gjpqy KEEPDESC", f"HdbKl {secret} TALLKEEP", "gjpqy more descenders KEEPLOW"],
        leading=10.5))
    case.apply(redact_hits_edit(case, find_hits(case, secret, doc), "source", status="approved"))
    out = tmp_path / "out.pdf"
    assert export_pdf(case, doc, out).verification.ok
    text = fold(texts(out)["pymupdf"])
    assert fold(secret) not in text
    for kept in ("gjpqy descenders gjpqy KEEPDESC", "HdbKl", "TALLKEEP", "gjpqy more descenders KEEPLOW"):
        assert fold(kept) in text, kept
