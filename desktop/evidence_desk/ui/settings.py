"""Preferences kept between runs: window layout, recent cases, theme.

Stored as an INI file in the user's config folder (`core.paths.config_home()`),
so tests isolate it with EVIDENCE_DESK_HOME and the real folders stay untouched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from evidence_desk.core.paths import config_home

MAX_RECENT = 10


def app_settings() -> QSettings:
    folder = config_home()
    folder.mkdir(parents=True, exist_ok=True)
    return QSettings(str(folder / "evidence-desk.ini"), QSettings.Format.IniFormat)


def recent_cases() -> list[Path]:
    raw = app_settings().value("recent/cases", [])
    if isinstance(raw, str):  # QSettings returns a bare string for a one-item list
        raw = [raw]
    return [Path(p) for p in raw or [] if p]


def add_recent_case(path: Path) -> None:
    path = Path(path).resolve()
    items = [p for p in recent_cases() if p != path]
    items.insert(0, path)
    app_settings().setValue("recent/cases", [str(p) for p in items[:MAX_RECENT]])


def dark_mode() -> bool:
    return str(app_settings().value("ui/dark", "false")).lower() == "true"


def set_dark_mode(on: bool) -> None:
    app_settings().setValue("ui/dark", on)
