"""Light and dark: the palette follows the setting (or the desktop) and the toolbar icons are
redrawn in the palette's text colour, so they stay visible on either background."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from evidence_desk.core import settings as core_settings
from evidence_desk.core.resources import resource_dir
from evidence_desk.ui import theme


def _ink(icon, side: int = 24) -> set[str]:
    image = icon.pixmap(side, side).toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(side) for y in range(side)
            if QColor.fromRgba(image.pixel(x, y)).alpha() == 255}


def test_toolbar_icons_are_drawn_in_the_text_colour_of_the_light_and_the_dark_palette(window):
    app = QApplication.instance()
    button = window.toolbar.widgetForAction(window.actions_.tool_redact)
    window.actions_.dark.setChecked(False)
    assert _ink(window.actions_.tool_redact.icon()) == {theme.LIGHT["ButtonText"]}
    window.actions_.dark.setChecked(True)
    assert app.palette().color(QPalette.ColorRole.Window).name() == theme.DARK["Window"]
    assert _ink(window.actions_.tool_redact.icon()) == {theme.DARK["ButtonText"]}
    assert core_settings.load().theme == "dark"
    assert not button.icon().isNull()
    window.actions_.dark.setChecked(False)


def test_every_toolbar_action_has_an_svg_icon(window):
    names = {p.stem for p in resource_dir("icons/toolbar").glob("*.svg")}
    on_toolbar = [name for name, action in window.actions_.all.items() if action in window.toolbar.actions()]
    assert on_toolbar and set(on_toolbar) <= names
    for name in on_toolbar:
        assert not window.actions_.all[name].icon().isNull(), name


def test_the_system_theme_setting_follows_the_desktop(monkeypatch):
    from evidence_desk.ui import settings

    monkeypatch.setattr(settings, "system_is_dark", lambda: True)
    assert core_settings.load().theme == "system" and settings.dark_mode()
    core_settings.update("theme", "light")
    assert not settings.dark_mode()
