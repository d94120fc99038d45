"""The preferences file shared by the window and the command line (core.settings)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evidence_desk.core import settings
from evidence_desk.core.case import Case, default_author
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.paths import config_home


def test_a_missing_file_gives_the_defaults_and_nothing_is_written_until_saved() -> None:
    prefs = settings.load()
    assert (prefs.theme, prefs.ocr_languages, prefs.export_profile, prefs.idle_lock_minutes) == (
        "system", "rus+eng+deu", "publication", 0)
    assert prefs.author is None and prefs.recent_cases == [] and prefs.warning is None
    assert not settings.settings_path().exists()


def test_the_file_lives_in_the_isolated_config_folder() -> None:
    assert settings.settings_path() == config_home() / "settings.json"
    assert str(config_home()).startswith(os.environ["EVIDENCE_DESK_HOME"])


def test_defaults_are_merged_into_an_older_file_and_unknown_keys_are_kept() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "dark", "from_a_newer_version": {"x": 1}}), encoding="utf-8")
    prefs = settings.load()
    assert prefs.theme == "dark" and prefs.ocr_languages == "rus+eng+deu"
    prefs.set("author", "Investigator A")
    prefs.save()
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["from_a_newer_version"] == {"x": 1}  # survives a run of this version
    assert stored["author"] == "Investigator A" and stored["export_profile"] == "publication"


@pytest.mark.parametrize("damage", ["{not json", "[1, 2, 3]", ""])
def test_a_corrupt_file_is_set_aside_and_replaced_by_the_defaults_with_a_warning(
        damage: str, caplog: pytest.LogCaptureFixture) -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(damage, encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="evidence_desk.core.settings"):
        prefs = settings.load()
    assert prefs.theme == "system" and prefs.warning and "damaged" in prefs.warning
    assert any("damaged" in r.getMessage() for r in caplog.records)
    assert path.with_name("settings.json.corrupt").read_text(encoding="utf-8") == damage
    assert json.loads(path.read_text(encoding="utf-8")) == settings.defaults()


def test_a_value_of_the_wrong_kind_falls_back_to_its_default_and_the_rest_is_kept() -> None:
    path = settings.settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "purple", "idle_lock_minutes": "ten", "author": "B"}), encoding="utf-8")
    prefs = settings.load()
    assert (prefs.theme, prefs.idle_lock_minutes, prefs.author) == ("system", 0, "B")
    assert prefs.warning and "theme" in prefs.warning and "idle_lock_minutes" in prefs.warning


def test_setting_an_unknown_key_or_a_bad_value_is_refused() -> None:
    prefs = settings.load()
    with pytest.raises(InvalidInputError, match="no setting called"):
        prefs.set("colour", "red")
    with pytest.raises(InvalidInputError, match="not a valid value"):
        prefs.set("export_profile", "everything")
    with pytest.raises(InvalidInputError):
        prefs.set("ocr_languages", "rus; rm -rf")


def test_recent_cases_are_most_recent_first_without_repeats_and_capped(tmp_path: Path) -> None:
    for i in [*range(12), 3]:
        prefs = settings.load()
        prefs.add_recent_case(tmp_path / f"case{i}")
        prefs.save()
    recent = settings.load().recent_cases
    assert recent[0] == (tmp_path / "case3").resolve() and len(recent) == settings.MAX_RECENT
    assert len(set(recent)) == len(recent)


def test_a_save_is_atomic_and_leaves_no_temporary_file(monkeypatch: pytest.MonkeyPatch) -> None:
    settings.update("theme", "light")
    before = settings.settings_path().read_bytes()

    def crash(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)  # the write fails before the rename
    prefs = settings.load()
    prefs.set("theme", "dark")
    with pytest.raises(OSError):
        prefs.save()
    assert settings.settings_path().read_bytes() == before  # the old file, whole
    assert [p.name for p in settings.settings_path().parent.iterdir()] == ["settings.json"]


def test_a_reader_in_another_process_never_sees_half_a_file() -> None:
    settings.update("author", "x" * 150)
    reader = (
        "import json, sys, pathlib\n"
        f"p = pathlib.Path({str(settings.settings_path())!r})\n"
        "for _ in range(400):\n"
        "    json.loads(p.read_text(encoding='utf-8'))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", reader], stderr=subprocess.PIPE, text=True)
    for i in range(400):
        settings.update("author", ("y" if i % 2 else "x") * 150)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err


def test_the_author_setting_signs_edits_when_the_environment_names_no_one(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert default_author() == "tester"  # EVIDENCE_DESK_AUTHOR wins
    monkeypatch.delenv("EVIDENCE_DESK_AUTHOR")
    settings.update("author", "Investigator A")
    assert default_author() == "Investigator A"
    with Case.open(tmp_path / "case", create=True) as case:
        assert case.author == "Investigator A"


def test_own_reason_codes_and_the_interface_language_are_checked_before_they_are_stored() -> None:
    prefs = settings.load()
    assert prefs.reason_codes == [] and prefs.language == "system"
    prefs.set("reason_codes", [{"code": "informant", "label": "Informant safety"}, {"code": "minor"}])
    prefs.set("language", "ru")
    prefs.save()
    again = settings.load()
    assert again.reason_codes == [("informant", "Informant safety"), ("minor", "minor")]
    assert again.language == "ru"
    for bad in ([{"code": "Has Space"}], [{"code": "x"}, {"code": "x"}], ["x"], [{"label": "no code"}]):
        with pytest.raises(InvalidInputError):
            prefs.set("reason_codes", bad)
    with pytest.raises(InvalidInputError):
        prefs.set("language", "fr")
