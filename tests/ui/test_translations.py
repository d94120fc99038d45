"""Translations: every string of the interface goes through Qt's translation, every source
string has a finished German and Russian translation (and English plural forms), the
sources are current with the code, and the window speaks the chosen language."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from evidence_desk.core import settings as core_settings
from evidence_desk.core.resources import resource_dir
from evidence_desk.ui import i18n
from tests.ui.untranslated import findings, scan

UI = Path(i18n.__file__).resolve().parent
LANGUAGES = {"de": 2, "ru": 3}  # numerus forms: de one/other; ru one/few/many
PLACEHOLDER = re.compile(r"\{[a-z_]+(?::[^}]*)?\}|%n")


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name") or "", msg) for ctx in root.iter("context") for msg in ctx.iter("message")]


def _keys(ts: Path) -> set[tuple[str, str]]:
    return {(ctx, msg.findtext("source") or "") for ctx, msg in _messages(ts)}


def test_no_user_visible_string_in_ui_bypasses_translation():
    assert scan(UI) == {}, "wrap these in self.tr(…) or QCoreApplication.translate(…)"


def test_a_literal_handed_to_a_translating_wrapper_is_reported_because_lupdate_cannot_see_it(tmp_path):
    module = tmp_path / "wrapped.py"
    module.write_text("from PySide6.QtCore import QCoreApplication\n"
                      "def _tr(text):\n"
                      "    return QCoreApplication.translate('Report', text)\n"
                      "def shortcut(name, keys):\n"
                      "    return QCoreApplication.translate('Menu', name), keys\n"
                      "LINE = _tr('Audit chain verified')\n"
                      "ITEM = shortcut('X', 'Ctrl+Shift+X')\n", encoding="utf-8")
    assert findings(module) == [(6, "'Audit chain verified'"), (7, "'X'")]  # the keys are not text


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_every_source_string_has_a_finished_translation(language):
    ts = resource_dir("i18n") / f"evidence_desk_{language}.ts"
    problems = []
    messages = _messages(ts)
    assert len(messages) > 300
    for context, msg in messages:
        source = msg.findtext("source") or ""
        translation = msg.find("translation")
        forms = ([f.text or "" for f in translation.iter("numerusform")] if msg.get("numerus") == "yes"
                 else [translation.text or ""])
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if msg.get("numerus") == "yes" and len(forms) != LANGUAGES[language]:
            problems.append(f"{context}: {source!r} has {len(forms)} plural forms, not {LANGUAGES[language]}")
        for form in forms:
            wanted = sorted(set(PLACEHOLDER.findall(source)) - ({"%n"} if msg.get("numerus") != "yes" else set()))
            if sorted(set(PLACEHOLDER.findall(form)) - ({"%n"} if msg.get("numerus") != "yes" else set())) != wanted:
                problems.append(f"{context}: {source!r} → {form!r} changes the placeholders")
            if ("&" in source.replace("&&", "")) != ("&" in form.replace("&&", "")):
                problems.append(f"{context}: {source!r} → {form!r} loses or adds the keyboard accelerator")
    assert problems == []


def test_the_english_plural_forms_are_complete():
    for context, msg in _messages(resource_dir("i18n") / "evidence_desk_en.ts"):
        forms = [f.text or "" for f in msg.iter("numerusform")]
        assert msg.get("numerus") == "yes" and len(forms) == 2 and all(forms), (context, msg.findtext("source"))


def test_the_translation_sources_are_current_with_the_code(tmp_path):
    """What pyside6-lupdate finds in ui/ now is exactly what the .ts files hold (run
    packaging/update_translations.sh after changing a string)."""
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate comes with the PySide6 wheel"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run([lupdate, "-silent", "-locations", "none", *sources, "-ts", str(fresh)], check=True, timeout=120)
    for language in LANGUAGES:
        assert _keys(resource_dir("i18n") / f"evidence_desk_{language}.ts") == _keys(fresh), language


def test_the_sources_compile_and_are_cached_by_their_content(tmp_path):
    folder = i18n.qm_folder()
    assert folder is not None
    assert sorted(p.name for p in folder.glob("*.qm")) == [f"{ts.stem}.qm" for ts in i18n.sources()]
    assert i18n.qm_folder() == folder  # compiled once, found again


@pytest.mark.parametrize(("language", "titles"), [
    ("de", ["&Fall", "&Bearbeiten", "&Ansicht", "&Werkzeuge", "&Hilfe"]),
    ("ru", ["&Дело", "&Правка", "&Вид", "&Инструменты", "&Справка"]),
])
def test_the_window_shows_its_menus_in_the_chosen_language(language, titles, ui_case, qtbot, shared_render_service):
    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow

    core_settings.update("language", language)
    application()  # installs the translators of the setting
    win = MainWindow(ui_case, shared_render_service)
    qtbot.addWidget(win)
    try:
        menus = [a.text() for a in win.menuBar().actions()]
        for title in titles:
            assert title in menus
        assert win.annotations.windowTitle() == {"de": "Anmerkungen", "ru": "Аннотации"}[language]
        win.tools.set_mode("redact")
        win.tools.set_box(True)  # the status bar's tool phrase follows the tool, translated
        assert win.mode_label.text() == {"de": "Werkzeug: schwärzen (Rahmen)",
                                         "ru": "Инструмент: затемнение (рамка)"}[language]
    finally:
        win.close()
        core_settings.update("language", "system")
        i18n.install(application())


def test_dates_and_numbers_are_written_as_the_locale_writes_them(qapp):
    import datetime as dt

    i18n.install(qapp, "de")
    try:
        assert i18n.date_text("2021-02-19") == "19.02.21"
        assert i18n.number_text(1234567) == "1.234.567"
    finally:
        i18n.install(qapp, "system")
    i18n.install(qapp, "ru")
    try:
        assert i18n.date_text(dt.date(2021, 2, 19)) == "19.02.2021"
        assert i18n.number_text(1234567) == "1\xa0234\xa0567"
    finally:
        i18n.install(qapp, "system")
