"""`settings`: the preferences file shared with the window, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_desk.core import settings
from tests.cli.test_contract import assert_one_line_error, run, run_json


def test_settings_lists_every_preference_with_its_default(capsys: pytest.CaptureFixture[str]) -> None:
    shown = run_json(capsys, "settings", "--json")
    assert shown == settings.defaults()
    code, out, _ = run(capsys, "settings")
    assert code == 0 and "theme" in out and "rus+eng+deu" in out


def test_a_setting_is_changed_saved_and_unset(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_json(capsys, "settings", "theme", "dark", "--json") == {"theme": "dark"}
    assert run_json(capsys, "settings", "idle_lock_minutes", "15", "--json") == {"idle_lock_minutes": 15}
    stored = json.loads(settings.settings_path().read_text(encoding="utf-8"))
    assert (stored["theme"], stored["idle_lock_minutes"]) == ("dark", 15)
    assert run_json(capsys, "settings", "theme", "--unset", "--json") == {"theme": "system"}


@pytest.mark.parametrize(("argv", "fragment"), [
    (["settings", "colour", "red"], "no setting called 'colour'"),
    (["settings", "theme", "purple"], "not a valid value for the setting theme"),
    (["settings", "idle_lock_minutes", "soon"], "whole number"),
    (["settings", "recent_cases", "/tmp/x"], "kept by the window"),
])
def test_a_bad_setting_is_one_error_line(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    assert_one_line_error(*run(capsys, *argv), fragment)
    assert not settings.settings_path().exists()  # nothing half-written


def test_the_author_setting_signs_cli_edits_when_the_environment_names_no_one(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, sources: Path) -> None:
    monkeypatch.delenv("EVIDENCE_DESK_AUTHOR")
    run(capsys, "settings", "author", "Investigator A")
    case = str(tmp_path / "case")
    code, _out, err = run(capsys, "--case", case, "import", str(sources / "invoice-0457.pdf"))
    assert code == 0, err
    assert run(capsys, "--case", case, "note", "1", "checked")[0] == 0
    [note] = run_json(capsys, "--case", case, "show", "1", "--json")["notes"]  # type: ignore[index]
    assert note["author"] == "Investigator A"
    assert run(capsys, "--case", case, "--author", "B", "note", "1", "again")[0] == 0
    notes = run_json(capsys, "--case", case, "show", "1", "--json")["notes"]  # type: ignore[index]
    assert [n["author"] for n in notes] == ["Investigator A", "B"]  # --author still wins


def test_export_without_a_profile_uses_the_setting_and_publication_by_default(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, sources: Path) -> None:
    case = str(tmp_path / "case")
    assert run(capsys, "--case", case, "import", str(sources / "invoice-0457.pdf"))[0] == 0
    first = run_json(capsys, "--case", case, "export", str(tmp_path / "a.zip"), "--json")
    assert first["profile"] == "publication"  # type: ignore[index]
    run(capsys, "settings", "export_profile", "internal")
    second = run_json(capsys, "--case", case, "export", str(tmp_path / "b.zip"), "--json")
    assert second["profile"] == "internal"  # type: ignore[index]
    third = run_json(capsys, "--case", case, "export", str(tmp_path / "c.zip"), "--profile", "publication", "--json")
    assert third["profile"] == "publication"  # type: ignore[index]
