"""`ocr` on the command line: languages, a scanned document read, JSON report, clear errors."""

from __future__ import annotations

import json

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from tests.core.ocr import scans


@pytest.mark.needs_tesseract("rus", "eng", "deu")
def test_list_langs_shows_installed_languages(capsys):
    assert main(["ocr", "--list-langs", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["engine"].startswith("tesseract") and {"rus", "eng", "deu"} <= set(data["languages"])


@pytest.mark.needs_tesseract("eng")
def test_ocr_reads_a_scanned_document_and_reports_json(capsys, case_dir, tmp_path):
    src = scans.text_pdf(tmp_path / "src.pdf", [scans.ENGLISH])
    scan = scans.scanned_pdf(tmp_path / "scan.pdf", [scans.raster(src, 0, dpi=150)], dpi=150)
    with Case.open(case_dir, create=True) as c:
        doc = import_paths(c, [scan], ImportOptions(ocr="never")).imported[0].document_id
    assert main(["--case", str(case_dir), "ocr", str(doc), "--lang", "eng", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["pages_done"] == 1 and report["failed"] == [] and report["mean_confidence"] > 70
    assert main(["--case", str(case_dir), "search", "invoice", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["doc"] == doc
    # Nothing left to do: a second run reads no page.
    assert main(["--case", str(case_dir), "ocr", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages_total"] == 0


@pytest.mark.needs_tesseract("eng")
def test_a_missing_language_is_a_one_line_error_naming_the_package(capsys, case_dir):
    Case.open(case_dir, create=True).close()
    assert main(["--case", str(case_dir), "ocr", "--lang", "eng+jpn"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "tesseract-ocr-jpn" in err and err.count("\n") == 1


@pytest.mark.needs_tesseract("deu")
def test_import_with_ocr_reads_scans_straight_away(capsys, case_dir, tmp_path):
    src = scans.text_pdf(tmp_path / "src.pdf", [scans.GERMAN])
    scan = scans.save_scan(scans.raster(src, 0, dpi=150), tmp_path / "brief.png", dpi=150)
    assert main(["--case", str(case_dir), "import", str(scan), "--lang", "deu", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ocr_pages"] == 1
    assert main(["--case", str(case_dir), "search", "Ausfuhrgenehmigung", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
