"""The window's side of the preferences.

Only the window's own layout (geometry, dock and splitter state: `ui/layout.py`) is kept
in QSettings, an INI file in the user's config folder (`core.paths.config_home()`, which
the tests isolate with EVIDENCE_DESK_HOME). Everything a person chooses — author, OCR
languages, theme, recent cases, export profile — is in the core settings file
(`core.settings`), shared with the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from evidence_desk.core import settings as core_settings
from evidence_desk.core.paths import config_home


def app_settings() -> QSettings:
    folder = config_home()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "evidence-desk.ini"), QSettings.Format.IniFormat)


def move_old_preferences() -> None:
    """Earlier versions kept recent cases and the dark switch in the INI file: move them once
    into the core settings file, so upgrading loses neither."""
    ini = app_settings()
    if core_settings.settings_path().exists() or not ({"recent/cases", "ui/dark"} & set(ini.allKeys())):
        return
    prefs = core_settings.load()
    raw = ini.value("recent/cases", [])
    for path in reversed([raw] if isinstance(raw, str) else list(raw or [])):
        if path:
            prefs.add_recent_case(Path(str(path)))
    if ini.contains("ui/dark"):
        prefs.set("theme", "dark" if str(ini.value("ui/dark")).lower() == "true" else "light")
    prefs.save()
    for key in ("recent/cases", "ui/dark"):
        ini.remove(key)


def recent_cases() -> list[Path]:
    return core_settings.load().recent_cases


def add_recent_case(path: Path) -> None:
    prefs = core_settings.load()
    prefs.add_recent_case(path)
    prefs.save()


def system_is_dark() -> bool:
    # Imported here: the theme module is not needed before the first page (ui/first_page.py).
    from evidence_desk.ui import theme

    return theme.system_is_dark()


def dark_mode() -> bool:
    """Dark when chosen, or when the theme follows the system and the system is dark."""
    theme = core_settings.load().theme
    return theme == "dark" or (theme == "system" and system_is_dark())


def set_dark_mode(on: bool) -> None:
    core_settings.update("theme", "dark" if on else "light")
