"""Fusion style with a light palette by default and a dark one on request.

The system colour scheme is often unknown on Linux and offscreen, so the
application picks explicitly instead of inheriting whatever the platform says."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

ACCENT = QColor("#2f6fb5")

# Colours shared by panels (entity types) so lists and viewer overlays agree.
ENTITY_COLOURS = {
    "person": "#d9534f", "organisation": "#2f6fb5", "state_body": "#6f42c1", "place": "#28a745",
    "equipment": "#fd7e14", "contract": "#17a2b8", "permit": "#20c997", "bank_account": "#6c757d",
    "amount": "#b8860b", "date": "#795548", "reference": "#607d8b",
}


# Role → colour for each theme; "Disabled" is the text colour of disabled widgets.
LIGHT = {
    "Window": "#f3f4f6", "WindowText": "#1f2328", "Base": "#ffffff", "AlternateBase": "#f6f8fa",
    "ToolTipBase": "#ffffe1", "ToolTipText": "#1f2328", "Text": "#1f2328", "Button": "#eceef1",
    "ButtonText": "#1f2328", "Highlight": ACCENT.name(), "HighlightedText": "#ffffff",
    "Link": ACCENT.name(), "PlaceholderText": "#8c959f", "Disabled": "#8c959f",
}
DARK = {
    "Window": "#25272b", "WindowText": "#e6e6e6", "Base": "#1c1d20", "AlternateBase": "#2a2c30",
    "ToolTipBase": "#2a2c30", "ToolTipText": "#e6e6e6", "Text": "#e6e6e6", "Button": "#303237",
    "ButtonText": "#e6e6e6", "Highlight": "#3d7fd1", "HighlightedText": "#ffffff",
    "Link": "#6ea8fe", "PlaceholderText": "#8b8f96", "Disabled": "#6b6f76",
}


def _palette(colours: dict[str, str]) -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    for name, colour in colours.items():
        if name != "Disabled":
            p.setColor(getattr(role, name), QColor(colour))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor(colours["Disabled"]))
    return p


STYLE_SHEET = """
QDockWidget::title { padding: 4px 6px; font-weight: 600; }
QTabBar::tab { padding: 4px 10px; }
QToolBar { spacing: 2px; padding: 2px; }
QStatusBar QLabel { padding: 0 6px; }
QLabel#SlotTitle { font-weight: 600; }
QFrame#SlotHeader { background: palette(button); border-bottom: 1px solid palette(mid); }
QFrame#SlotHeader[active="true"] { background: palette(highlight); }
QFrame#SlotHeader[active="true"] QLabel, QFrame#SlotHeader[active="true"] QToolButton { color: palette(highlighted-text); }
QLabel#EmptyHint { color: palette(placeholder-text); font-size: 13pt; }
"""


def apply_theme(app: QApplication, dark: bool = False) -> None:
    app.setStyle("Fusion")
    app.setPalette(_palette(DARK if dark else LIGHT))
    app.setStyleSheet(STYLE_SHEET)
