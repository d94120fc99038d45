"""`undo`, `redo` and `history [--json]`: the case's history, shared with the window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_contract import assert_one_line_error, run, run_json


def _notes(capsys: pytest.CaptureFixture[str], case: Path) -> list[str]:
    info = run_json(capsys, "--case", str(case), "show", "2", "--json")
    return [n["text"] for n in info["notes"]]  # type: ignore[index]


def test_undo_and_redo_a_note_and_list_the_history(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(imported)
    run(capsys, "--case", c, "note", "2", "--page", "1", "Stamp differs")
    run(capsys, "--case", c, "tag", "2", "--page", "2", "--text", "Zollamt Brest", "--entity", "Zollamt Brest",
        "--type", "organisation")
    code, out, _ = run(capsys, "--case", c, "undo")
    assert code == 0 and out == "undid step 2: Tag “Zollamt Brest” on document 2, page 2\n"
    code, out, _ = run(capsys, "--case", c, "undo")
    assert code == 0 and "Note “Stamp differs” on document 2, page 1" in out
    assert _notes(capsys, imported) == []
    data = run_json(capsys, "--case", c, "redo", "--json")
    assert data["redone"] == 1 and data["changes"]["kinds"] == ["notes"]  # type: ignore[index]
    assert data["changes"]["documents"] == [2]  # type: ignore[index]
    assert _notes(capsys, imported) == ["Stamp differs"]

    history = run_json(capsys, "--case", c, "history", "--json")
    assert [(s["id"], s["action"], s["state"]) for s in history["steps"]] == [  # type: ignore[index]
        (1, "add_note", "done"), (2, "tag", "undone")]
    assert history["undo"]["name"] == "Note “Stamp differs” on document 2, page 1"  # type: ignore[index]
    assert history["redo"]["id"] == 2  # type: ignore[index]
    code, out, _ = run(capsys, "--case", c, "history")
    assert code == 0 and "add_note" in out and "redo: Tag “Zollamt Brest”" in out


def test_nothing_to_undo_is_one_error_line(imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_one_line_error(*run(capsys, "--case", str(imported), "undo"), "nothing to undo")
    assert_one_line_error(*run(capsys, "--case", str(imported), "redo"), "nothing to redo")
    assert_one_line_error(*run(capsys, "--case", str(imported), "undo", "--step", "9"), "no step 9")


def test_an_undo_refused_because_another_process_changed_the_rows_says_so(
        imported: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = str(imported)
    run(capsys, "--case", c, "tag", "2", "--page", "2", "--text", "Zollamt Brest", "--entity", "Zollamt Brest",
        "--type", "organisation")
    # Another process (a real one) renames the entity the tag created.
    renamed = subprocess.run([sys.executable, "-m", "evidence_desk", "--case", c, "--author", "bob", "entity",
                              "rename", "Zollamt Brest", "Customs Brest"], capture_output=True, text=True)
    assert renamed.returncode == 0, renamed.stderr
    code, out, err = run(capsys, "--case", c, "undo", "--step", "1")
    assert_one_line_error(code, out, err, "cannot undo “Tag “Zollamt Brest” on document 2, page 2”",
                          "entity “Zollamt Brest” was changed since (by bob,", "undo refused")
    # The rename itself is the latest step and undoes cleanly; then the tag does too.
    run(capsys, "--case", c, "undo")
    code, out, _ = run(capsys, "--case", c, "undo")
    assert code == 0 and "Tag “Zollamt Brest”" in out
    assert run_json(capsys, "--case", c, "entity", "list", "--json") == []
