"""`redact`, `export-pdf` and `verify FILE.pdf` on the command line (DESIGN.md contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest

from evidence_desk.cli.main import main
from tests.core.redaction.conftest import write_lines_pdf


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(code: int, err: str, fragment: str) -> None:
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1 and fragment in err, err


@pytest.fixture
def case_with_letter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    case = tmp_path / "case"
    letter = write_lines_pdf(tmp_path / "letter.pdf", [[
        (72, 100, "Delivery for Ivan Petrov by Harbour Authority."),
        (72, 120, "Contact Ivan"), (72, 135, "Petrov at EX-2021/0457."),
    ]])
    code, _, err = run(capsys, "--case", str(case), "import", str(letter))
    assert code == 0, err
    return case


def test_region_redaction_is_recorded_approved_unless_proposed(case_with_letter: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_with_letter)
    code, out, err = run(capsys, "--case", c, "redact", "1", "--page", "1", "--rect", "70", "88", "160", "104",
                         "--reason", "personal", "--note", "witness")
    assert code == 0 and "approved" in out, err
    code, out, _ = run(capsys, "--case", c, "redact", "1", "--page", "1", "--rect", "70", "110", "160", "124",
                       "--reason", "personal", "--propose")
    assert code == 0 and "proposed" in out
    code, out, _ = run(capsys, "--case", c, "redact", "--list", "--json")
    rows = json.loads(out)
    assert [r["status"] for r in rows] == ["approved", "proposed"] and rows[0]["note"] == "witness"
    code, out, _ = run(capsys, "--case", c, "redact", "--list")  # the table for people, too
    assert code == 0 and "approved" in out and "70 88 160 104" in out


def test_text_pattern_and_preview(case_with_letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_with_letter)
    code, out, _ = run(capsys, "--case", c, "redact", "--text", "ivan petrov", "--reason", "source",
                       "--preview", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2 and len(hits[1]["rects"]) == 2
    code, out, _ = run(capsys, "--case", c, "redact", "--list", "--json")
    assert json.loads(out) == []  # preview marked nothing
    code, out, _ = run(capsys, "--case", c, "redact", "--text", "ivan petrov", "--doc", "1", "--reason", "source")
    assert code == 0 and "2 occurrence(s)" in out and "3 box(es)" in out
    code, out, _ = run(capsys, "--case", c, "redact", "--pattern", r"EX-\d{4}/\d{4}", "--reason", "legal",
                       "--propose", "--json")
    assert code == 0 and json.loads(out)["status"] == "proposed"


def test_approve_reject_reasons_and_log(case_with_letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_with_letter)
    run(capsys, "--case", c, "redact", "--text", "Harbour", "--reason", "third_party", "--propose")
    code, out, _ = run(capsys, "--case", c, "redact", "--approve", "1")
    assert code == 0 and "approved" in out
    code, out, _ = run(capsys, "--case", c, "redact", "--reject", "1")
    assert code == 0 and "rejected" in out
    code, out, _ = run(capsys, "--case", c, "redact", "--reasons", "--json")
    assert "source" in {r["code"] for r in json.loads(out)}
    code, out, _ = run(capsys, "--case", c, "redact", "--add-reason", "export_control", "Export control")
    assert code == 0
    code, out, _ = run(capsys, "--case", c, "redact", "--log", "--json")
    assert [(e["action"], e["detail"]) for e in json.loads(out)][-2:] == [
        ("set_redaction_status", "approved 1 redaction(s)"), ("set_redaction_status", "rejected 1 redaction(s)")]


def test_errors_are_one_line(case_with_letter: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_with_letter)
    code, _, err = run(capsys, "--case", c, "redact", "1", "--page", "1", "--rect", "1", "1", "9", "9",
                       "--reason", "nonsense")
    one_line_error(code, err, "unknown reason code")
    code, _, err = run(capsys, "--case", c, "redact", "--text", "absent words", "--reason", "source")
    one_line_error(code, err, "no matches")
    code, _, err = run(capsys, "--case", c, "redact", "--approve", "42")
    one_line_error(code, err, "no redaction")
    code, _, err = run(capsys, "--case", c, "redact", "1", "--page", "9", "--rect", "1", "1", "9", "9",
                       "--reason", "source")
    one_line_error(code, err, "pages")


def test_export_pdf_writes_a_verified_file_and_verify_accepts_it(case_with_letter: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_with_letter)
    run(capsys, "--case", c, "redact", "--text", "Ivan Petrov", "--reason", "source", "--propose")
    out_pdf = tmp_path / "clean.pdf"
    code, out, err = run(capsys, "--case", c, "export-pdf", "1", str(out_pdf), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["verification"]["ok"] and result["proposed"] == 3
    with pymupdf.open(out_pdf) as doc:
        assert "Petrov" not in doc[0].get_text() and "Harbour" in doc[0].get_text()
    code, out, err = run(capsys, "--case", c, "export-pdf", "1", str(tmp_path / "plain.pdf"))
    assert code == 0 and "still only proposed" in err
    code, out, _ = run(capsys, "verify", str(out_pdf), "--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_verify_fails_on_a_pdf_with_a_black_box_over_text(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "The informant is Olga Smirnova.", fontsize=11)
    page.draw_rect(page.search_for("Olga Smirnova")[0], color=None, fill=(0, 0, 0))
    doc.save(path)
    code, out, _ = run(capsys, "verify", str(path), "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert any("failed redaction" in p for p in report["problems"])


def test_second_reviewer_rule_on_the_command_line(case_with_letter: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    c = str(case_with_letter)
    assert run(capsys, "--case", c, "redact", "--second-reviewer", "on")[0] == 0
    code, out, _ = run(capsys, "--case", c, "--author", "alice", "redact", "1", "--page", "1", "--rect",
                       "70", "88", "160", "104", "--reason", "personal")
    assert code == 0 and "proposed" in out  # not self-approved
    code, _, err = run(capsys, "--case", c, "--author", "alice", "redact", "--approve", "1")
    one_line_error(code, err, "second reviewer")
    code, out, _ = run(capsys, "--case", c, "--author", "bob", "redact", "--approve", "1")
    assert code == 0
    code, out, _ = run(capsys, "--case", c, "redact", "--list", "--json")
    [row] = json.loads(out)
    assert (row["author"], row["reviewer"], row["status"]) == ("alice", "bob", "approved")


def test_what_tag_and_search_find_without_an_umlaut_redact_finds_too(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The bug a new user met: "Muller" tagged and searched, but redaction found 0 matches."""
    case = str(tmp_path / "case")
    letter = write_lines_pdf(tmp_path / "witness.pdf", [[(72, 100, "Statement of Hans Müller, Weißrussland.")]])
    assert run(capsys, "--case", case, "import", str(letter))[0] == 0
    code, out, err = run(capsys, "--case", case, "tag", "1", "--page", "1", "--text", "Muller",
                         "--entity", "Hans Müller", "--type", "person")
    assert code == 0, err
    code, out, _ = run(capsys, "--case", case, "search", "Muller", "--json")
    assert [h["page"] for h in json.loads(out)] == [1] and "⟨Müller⟩" in json.loads(out)[0]["snippet"]
    code, out, _ = run(capsys, "--case", case, "redact", "--text", "Muller", "--reason", "personal",
                       "--preview", "--json")
    assert code == 0 and [h["text"] for h in json.loads(out)] == ["Müller"]
    code, out, _ = run(capsys, "--case", case, "redact", "--text", "Weissrussland", "--reason", "personal",
                       "--preview", "--json")
    assert [h["text"] for h in json.loads(out)] == ["Weißrussland"]


def test_a_pattern_that_backtracks_without_end_is_one_error_line(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    case = str(tmp_path / "case")
    page = write_lines_pdf(tmp_path / "long.pdf", [[(72, 100, "a" * 40 + "!")]])
    assert run(capsys, "--case", case, "import", str(page))[0] == 0
    code, _, err = run(capsys, "--case", case, "redact", "--pattern", r"(a|aa)+$", "--reason", "personal",
                       "--preview")
    one_line_error(code, err, "took more than")
