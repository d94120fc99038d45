"""Bad input from a clumsy user or a hostile package: one `error: …` line and exit 1 (or, for
an import, a reason per file and exit 1 when nothing at all could be imported), never an
internal error, and nothing from a file name reaches the terminal raw."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from tests.core.pdfs import write_text_pdf


@pytest.fixture(scope="module")
def one_doc_case(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("bad-input")
    write_text_pdf(folder / "letter.pdf", ["Kirill O. Garbuz signed the export permit.", "Page two."])
    case = str(folder / "case")
    assert main(["--case", case, "import", str(folder / "letter.pdf"), "--ocr", "never"]) == 0
    return case


def _one_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's own refusals exit from inside parse_args
        code = exc.code
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1, err
    assert len(err) == 1 and err[0].startswith("error: "), err
    assert "internal error" not in err[0]
    return err[0]


@pytest.mark.parametrize("argv", [
    ["note", "1", "--page", "100000000000000000000", "text"],
    ["note", "1", "--page", "0", "text"],
    ["note", "1", "--page", "3", "text"],
    ["tag", "1", "--page", "1", "--rect", "nan", "0", "10", "10", "--entity", "X", "--type", "person"],
    ["tag", "1", "--page", "1", "--rect", "0", "0", "inf", "10", "--entity", "X", "--type", "person"],
    ["redact", "1", "--page", "1", "--rect", "0", "0", "1e308", "10", "--reason", "source"],
    ["redact", "1", "--page", "1", "--rect", "0", "0", "5000", "10", "--reason", "source"],
    ["redact", "1", "--page", "1", "--rect", "-50", "-50", "10", "10", "--reason", "source"],
    ["import", "x.pdf", "--timeout", "nan"],
    ["import", "x.pdf", "--timeout", "-1"],
    ["import", "x.pdf", "--max-pages", "-5"],
    ["import", "x.pdf", "--workers", "-3"],
    ["ocr", "--workers", "0"],
    ["search", "x", "--limit", "-1"],
])
def test_a_bad_number_is_one_error_line(one_doc_case: str, capsys: pytest.CaptureFixture[str],
                                        argv: list[str]) -> None:
    _one_error(capsys, ["--case", one_doc_case, *argv])


def test_a_nan_box_is_never_stored(one_doc_case: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--case", one_doc_case, "redact", "1", "--page", "1", "--rect", "nan", "0", "10", "10",
              "--reason", "source"])
    capsys.readouterr()
    assert main(["--case", one_doc_case, "show", "1"]) == 0
    assert "Redactions:" not in capsys.readouterr().out


def test_a_300_byte_file_name_is_one_error_line(one_doc_case: str, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    long_name = str(tmp_path / ("n" * 300 + ".pdf"))
    _one_error(capsys, ["--case", one_doc_case, "import", long_name])
    _one_error(capsys, ["--case", one_doc_case, "export-pdf", "1", long_name])


def test_a_symlink_loop_in_a_folder_is_skipped_and_the_rest_imported(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "package"
    folder.mkdir()
    write_text_pdf(folder / "a.pdf", ["A letter about radar stations."])
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "dangling.pdf").symlink_to(folder / "missing.pdf")
    assert main(["--case", str(tmp_path / "case"), "import", str(folder), "--ocr", "never"]) == 0
    out = capsys.readouterr().out
    assert "imported" in out and "a.pdf" in out
    assert "loop: is a symbolic link that loops" in out
    assert "dangling.pdf: is a link to nothing" in out


def test_a_fifo_and_a_device_are_refused_with_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    assert main(["--case", str(tmp_path / "case"), "import", str(fifo), "/dev/zero"]) == 1
    out = capsys.readouterr().out
    assert "pipe.pdf: is a named pipe (FIFO)" in out
    assert "/dev/zero: is a device" in out


def test_an_import_that_adds_nothing_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert main(["--case", str(tmp_path / "case"), "import", str(tmp_path / "empty.pdf")]) == 1
    assert "refused" in capsys.readouterr().out


def test_control_and_bidi_characters_in_a_file_name_are_printed_escaped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "bad\nrow\x1b[2J\x07 \u202efdp.pdf"
    write_text_pdf(tmp_path / name, ["A letter."])
    case = str(tmp_path / "case")
    assert main(["--case", case, "import", str(tmp_path / name), "--ocr", "never"]) == 0
    assert main(["--case", case, "list"]) == 0
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    assert "bad\\nrow\\x1b[2J\\x07 \\u202efdp.pdf" in captured.out
    rows = [line for line in captured.out.splitlines() if "fdp.pdf" in line]
    assert len(rows) == 2  # the import line and the list row, each whole
