"""Looking under a box before trusting it: what it removes in every layer, and every
other copy of that text in the document (which export would refuse)."""

from __future__ import annotations

import random
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.case import Case
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.covered import preview_boxes
from tests.core.redaction.attacker import leaks, random_secret
from tests.core.redaction.conftest import import_one
from tests.core.redaction.test_attacks import _actualtext_pdf


def _copies_pdf(path: Path, secret: str) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), f"Left {secret} right", fontsize=11)
    page.insert_text((300, 600), secret, fontsize=11, color=(1, 1, 1))  # white
    page.insert_text((72, 700), f"again {secret} here", fontsize=11, render_mode=3)  # invisible
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 100), f"Page two names {secret} too", fontsize=11)
    doc.save(path)
    return path


def _box(path: Path, secret: str) -> Rect:
    with pymupdf.open(path) as doc:
        w = next(w for w in doc[0].get_text("words") if w[4] == secret and w[1] < 200)
    return Rect(*w[:4])


def test_the_preview_shows_what_a_region_removes_and_every_other_copy(case: Case, tmp_path: Path) -> None:
    secret = random_secret(random.Random(), 8)
    path = _copies_pdf(tmp_path / "copies.pdf", secret)
    doc = import_one(case, path)
    preview = preview_boxes(case, doc, 1, [_box(path, secret)])
    assert preview.boxes[0].removes == secret
    where = sorted((o.page, o.how) for o in preview.elsewhere)
    assert where == [(1, "hidden"), (1, "hidden"), (2, "visible")], preview.elsewhere
    assert all(o.text == secret for o in preview.elsewhere)


def test_the_preview_names_a_replacement_text_under_the_box(case: Case, tmp_path: Path) -> None:
    path = _actualtext_pdf(tmp_path / "actual.pdf", "BOB", "QXZJQXZ")
    doc = import_one(case, path)
    preview = preview_boxes(case, doc, 1, [Rect(71, 130, 140, 145)])
    assert preview.boxes[0].removes == "QXZJQXZ"
    assert preview.boxes[0].replaced == ["BOB"]


def test_the_cli_previews_a_region_and_redacts_it_with_its_copies(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    secret = random_secret(random.Random(), 8)
    path = _copies_pdf(tmp_path / "copies.pdf", secret)
    case = str(tmp_path / "case")
    assert main(["--case", case, "import", str(path)]) == 0
    rect = [f"{v:.2f}" for v in _box(path, secret).as_tuple()]
    capsys.readouterr()
    assert main(["--case", case, "redact", "1", "--page", "1", "--rect", *rect, "--preview"]) == 0
    out = capsys.readouterr().out
    assert f"removes {secret!r}" in out and "also on p.2 (visible)" in out and "nothing marked" in out
    assert main(["--case", case, "redact", "1", "--page", "1", "--rect", *rect, "--reason", "source"]) == 0
    err = capsys.readouterr().err
    assert err.count("warning: also on p.") == 3
    assert main(["--case", case, "export-pdf", "1", str(tmp_path / "out.pdf")]) == 1  # copies remain
    assert "can still be extracted" in capsys.readouterr().err
    assert main(["--case", case, "redact", "1", "--page", "1", "--rect", *rect, "--reason", "source",
                 "--with-copies", "--json"]) == 0
    assert len(__import__("json").loads(capsys.readouterr().out)["created"]) == 4
    assert main(["--case", case, "export-pdf", "1", str(tmp_path / "out.pdf")]) == 0
    out = capsys.readouterr().out
    assert "width hiding:" in out and "verified with PyMuPDF and qpdf" in out
    assert leaks(tmp_path / "out.pdf", tmp_path, secret) == []
