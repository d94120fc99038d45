"""A document that arrives with a failed redaction (a black box over live text) can be
fixed in one step, after which it exports and verifies clean."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError, InvalidInputError
from evidence_desk.core.importing import import_paths
from evidence_desk.core.redaction.export import export_pdf
from evidence_desk.core.redaction.failed import find_failed_redactions, redact_failed_edit

SECRET = "Kirill Garbuz"


def _badly_redacted(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), f"The source is {SECRET} of the procurement office.")
    page.insert_text((72, 130), "The fire-control upgrade was shipped in March.")
    width = pymupdf.get_text_length(SECRET, fontsize=11)
    start = 72 + pymupdf.get_text_length("The source is ", fontsize=11)
    page.draw_rect(pymupdf.Rect(start - 1, 88, start + width + 1, 104), color=(0, 0, 0), fill=(0, 0, 0))
    doc.save(path)
    return path


def test_a_failed_redaction_blocks_export_until_it_is_redacted(case: Case, tmp_path: Path) -> None:
    import_paths(case, [_badly_redacted(tmp_path / "bad.pdf")])
    found = find_failed_redactions(case, 1)
    assert [(page, SECRET in text) for page, _box, text in found] == [(1, True)]

    with pytest.raises(EvidenceDeskError, match="failed redaction"):
        export_pdf(case, 1, tmp_path / "out.pdf")
    assert not (tmp_path / "out.pdf").exists()

    case.apply(redact_failed_edit(case, 1, "source"))
    export_pdf(case, 1, tmp_path / "out.pdf")
    with pymupdf.open(tmp_path / "out.pdf") as out:
        text = out[0].get_text()
    assert "Garbuz" not in text and "fire-control upgrade" in text

    case.history.undo()  # undone: the document is blocked again
    with pytest.raises(EvidenceDeskError):
        export_pdf(case, 1, tmp_path / "again.pdf")


def test_a_clean_document_has_nothing_to_fix(case: Case, tmp_path: Path) -> None:
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Nothing hidden here at all")
    doc.save(tmp_path / "clean.pdf")
    import_paths(case, [tmp_path / "clean.pdf"])
    assert find_failed_redactions(case, 1) == []
    with pytest.raises(InvalidInputError, match="no failed redactions"):
        redact_failed_edit(case, 1, "source")


def test_the_cli_fixes_a_real_court_filing_from_the_corpus(corpus: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    source = corpus / "xray" / "rectangles_yes.pdf"
    shutil.copy(source, tmp_path / "filing.pdf")
    case = str(tmp_path / "case")
    assert main(["--case", case, "import", str(tmp_path / "filing.pdf"), "--ocr", "never"]) == 0
    assert main(["--case", case, "export-pdf", "1", str(tmp_path / "out.pdf")]) == 1
    capsys.readouterr()
    assert main(["--case", case, "redact", "1", "--failed", "--reason", "third_party", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["created"]) == 3
    assert main(["--case", case, "export-pdf", "1", str(tmp_path / "out.pdf")]) == 0
    assert main(["--case", case, "verify", str(tmp_path / "out.pdf"), "--json"]) == 0
