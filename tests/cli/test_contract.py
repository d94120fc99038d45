"""The command-line contract of ../shared/DESIGN.md: JSON shapes, DOC references,
exit statuses, and one-line errors without tracebacks. Run in-process through
`evidence_desk.cli.main.main`, plus real subprocesses for the entry point itself."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.core.case import DB_NAME


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = run(capsys, *argv)
    assert code == 0, err
    return json.loads(out)  # exactly one JSON document on stdout


def assert_one_line_error(code: int, out: str, err: str, *fragments: str) -> None:
    assert code == 1
    assert err.startswith("error: ") and err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "Traceback" not in out
    for fragment in fragments:
        assert fragment in err, err


def test_import_reports_each_file_and_a_summary(tmp_path: Path, sources: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--case", str(tmp_path / "c"), "import", str(sources), "--ocr", "never")
    assert code == 0
    assert "refused" in out and "readme.txt: not a PDF or a supported image" in out
    assert err.strip() == "2 imported (3 pages), 0 skipped as duplicates, 1 refused (1 unsupported)"


def test_list_json_gives_the_documented_fields(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = run_json(capsys, "--case", str(imported), "list", "--json")
    assert isinstance(docs, list) and len(docs) == 2
    for doc in docs:
        assert {"id", "sha256", "filename", "pages", "media_type", "kind"} <= set(doc)
        assert len(doc["sha256"]) == 64 and doc["media_type"] == "application/pdf" and doc["kind"] is None
    assert sorted((d["filename"], d["pages"]) for d in docs) == [("invoice-0457.pdf", 1), ("nota-114.pdf", 2)]


def test_list_prints_a_table(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--case", str(imported), "list")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["id", "sha256", "pages"]
    assert "nota-114.pdf" in out


def test_search_json_gives_doc_page_and_a_snippet(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = run_json(capsys, "--case", str(imported), "search", "zollamt", "--json")
    assert isinstance(hits, list) and len(hits) == 1
    assert hits[0]["page"] == 2 and "Zollamt" in hits[0]["snippet"]
    assert {"doc", "page", "snippet"} <= set(hits[0])
    assert run_json(capsys, "--case", str(imported), "search", "nothing-like-this", "--json") == []


def test_search_text_marks_the_match(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--case", str(imported), "search", "kits")
    assert code == 0
    assert out.splitlines()[0].startswith("doc 1 p.1  invoice-0457.pdf")
    assert "[kits]" in out  # plain brackets when stdout is not a terminal
    assert err.strip() == "1 hit(s)"


def test_doc_can_be_named_by_id_or_a_unique_sha256_prefix(imported: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    docs = run_json(capsys, "--case", str(imported), "list", "--json")
    nota = next(d for d in docs if d["filename"] == "nota-114.pdf")  # type: ignore[union-attr]
    by_id = run_json(capsys, "--case", str(imported), "show", str(nota["id"]), "--json")
    by_sha = run_json(capsys, "--case", str(imported), "show", nota["sha256"][:8], "--json")
    by_upper = run_json(capsys, "--case", str(imported), "show", nota["sha256"][:10].upper(), "--json")
    assert by_id == by_sha == by_upper
    assert by_id["filename"] == "nota-114.pdf" and len(by_id["pages_detail"]) == 2  # type: ignore[index]


def test_show_prints_pages_and_notes(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--case", str(imported), "note", "2", "--page", "2", "Подпись", "отличается")
    assert code == 0 and out.startswith("note ")
    code, out, _ = run(capsys, "--case", str(imported), "show", "2")
    assert code == 0
    assert "Pages:" in out and "Notes:" in out and "Подпись отличается" in out


def test_note_is_recorded_and_audited(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "--case", str(imported), "note", "1", "Amount matches letter 7")
    run(capsys, "--case", str(imported), "note", "case", "Whole-case remark")
    info = run_json(capsys, "--case", str(imported), "show", "1", "--json")
    assert [n["text"] for n in info["notes"]] == ["Amount matches letter 7"]  # type: ignore[index]
    con = sqlite3.connect(imported / DB_NAME)
    actions = [r[0] for r in con.execute("SELECT action FROM audit_log ORDER BY id")]
    con.close()
    assert actions[-2:] == ["add_note", "add_note"]  # the audit log records the intent


def test_verify_json_is_ok_on_a_sound_case(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, "verify", str(imported), "--json")
    assert report["ok"] is True and report["problems"] == []  # type: ignore[index]


def test_verify_exits_1_and_names_the_problem_when_an_original_is_altered(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stored = next(p for p in (imported / "originals").rglob("*") if p.is_file() and ".incoming" not in p.parts)
    stored.chmod(0o600)
    stored.write_bytes(stored.read_bytes() + b"%tampered")
    code, out, _ = run(capsys, "verify", str(imported), "--json")
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert len(report["problems"]) == 1 and "original file was altered" in report["problems"][0]
    code, out, _ = run(capsys, "verify", str(imported))
    assert code == 1 and "PROBLEM" in out and "FAILED" in out


def test_verify_uses_the_case_given_with_dash_dash_case(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = run_json(capsys, "--case", str(imported), "verify", "--json")
    assert report["ok"] is True  # type: ignore[index]


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["show", "999"], ["no document with id 999"]),
        (["show", "zz"], ["no document"]),
        (["show", "ffffffffffff"], ["no document with id or SHA-256 prefix"]),
        (["note", "999", "text"], ["no document"]),
        (["note", "2", "--page", "9", "text"], ["pages 1–2, not 9"]),
        (["note", "1", "   "], ["a note needs some text"]),
        (["search", '""'], ["at least one word"]),
        (["import", "/no/such/file.pdf"], ["no such file or folder"]),
        (["show"], ["the following arguments are required"]),
        (["frobnicate"], ["invalid choice"]),
        (["list", "--bogus"], ["unrecognized arguments"]),
        (["note", "1", "--rect", "1", "2", "x", "4", "t"], ["invalid float value"]),
    ],
)
def test_bad_input_gives_one_error_line_and_exit_1(imported: Path, capsys: pytest.CaptureFixture[str],
                                                   argv: list[str], fragments: list[str]) -> None:
    try:
        code, out, err = run(capsys, "--case", str(imported), *argv)
    except SystemExit as exc:  # argparse's own errors exit through the parser
        out, err = capsys.readouterr()
        code = int(exc.code or 0)
    assert_one_line_error(code, out, err, *fragments)


def test_an_ambiguous_sha256_prefix_is_refused(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Two real SHA-256s almost never share a long prefix, so make them: give both
    # documents the same first 8 hex digits (the case copy is this test's own).
    con = sqlite3.connect(imported / DB_NAME)
    con.execute("UPDATE documents SET sha256 = 'abcdef01' || substr(sha256, 9)")
    con.commit()
    con.close()
    code, out, err = run(capsys, "--case", str(imported), "show", "abcdef01")
    assert_one_line_error(code, out, err, "several documents")
    # a prefix too short to mean anything is refused too, with what to give instead
    code, out, err = run(capsys, "--case", str(imported), "show", "ab")
    assert_one_line_error(code, out, err, "4+ hex digits")


def test_commands_on_a_folder_that_is_not_a_case_fail_cleanly(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--case", str(tmp_path / "nowhere"), "list")
    assert_one_line_error(code, out, err, "not an Evidence Desk case")
    code, out, err = run(capsys, "verify", str(tmp_path))
    assert_one_line_error(code, out, err, "not a case folder")
    assert not (tmp_path / "nowhere").exists()


def test_a_case_from_a_newer_version_is_refused_by_every_command(imported: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(imported / DB_NAME)
    con.execute("UPDATE alembic_version SET version_num = 'fffe'")
    con.commit()
    con.close()
    for argv in (["list"], ["search", "x"], ["verify", "--json"], ["show", "1"]):
        code, out, err = run(capsys, "--case", str(imported), *argv)
        assert_one_line_error(code, out, err, "newer version of Evidence Desk")


def _subprocess(*argv: str, home: Path) -> subprocess.CompletedProcess[str]:
    import os

    env = {**os.environ, "EVIDENCE_DESK_HOME": str(home), "EVIDENCE_DESK_AUTHOR": "tester"}
    env.pop("EVIDENCE_DESK_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "evidence_desk", *argv], capture_output=True, text=True,
                          env=env, timeout=120, check=False)


def test_the_real_entry_point_imports_and_searches(tmp_path: Path, sources: Path) -> None:
    case = tmp_path / "case"
    done = _subprocess("--case", str(case), "import", str(sources / "nota-114.pdf"), "--ocr", "never",
                       home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "1 imported (2 pages)" in done.stderr
    hits = _subprocess("--case", str(case), "search", "станц*", "--json", home=tmp_path)
    assert [h["page"] for h in json.loads(hits.stdout)] == [1]


def test_the_real_entry_point_prints_one_error_line_without_traceback(tmp_path: Path) -> None:
    done = _subprocess("--case", str(tmp_path / "none"), "show", "1", home=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_verify_repair_index_rebuilds_a_search_index_that_drifted(imported: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    con = sqlite3.connect(imported / DB_NAME)
    con.execute("DROP TRIGGER pages_fts_au")
    # The index holds the page's words (what redaction and the viewer match): change both.
    con.execute("UPDATE pages SET text = ?, words = ? WHERE id = 1",
                ("Rewritten behind the index", '[[10, 10, 90, 20, "Rewritten", 0, 0, 0]]'))
    con.commit()
    con.close()
    code, out, _ = run(capsys, "verify", str(imported), "--json")
    report = json.loads(out)
    assert code == 1 and any("--repair-index" in p for p in report["problems"])
    code, out, err = run(capsys, "verify", str(imported), "--repair-index", "--json")
    assert code == 0 and json.loads(out)["ok"] is True
    assert err.startswith("search index rebuilt (3 pages)")
    hits = run_json(capsys, "--case", str(imported), "search", "rewritten", "--json")
    assert [h["page"] for h in hits] == [1]  # type: ignore[union-attr]
