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


def _light() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    p.setColor(role.Window, QColor("#f3f4f6"))
    p.setColor(role.WindowText, QColor("#1f2328"))
    p.setColor(role.Base, QColor("#ffffff"))
    p.setColor(role.AlternateBase, QColor("#f6f8fa"))
    p.setColor(role.ToolTipBase, QColor("#ffffe1"))
    p.setColor(role.ToolTipText, QColor("#1f2328"))
    p.setColor(role.Text, QColor("#1f2328"))
    p.setColor(role.Button, QColor("#eceef1"))
    p.setColor(role.ButtonText, QColor("#1f2328"))
    p.setColor(role.Highlight, ACCENT)
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Link, ACCENT)
    p.setColor(role.PlaceholderText, QColor("#8c959f"))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#8c959f"))
    return p


def _dark() -> QPalette:
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    p.setColor(role.Window, QColor("#25272b"))
    p.setColor(role.WindowText, QColor("#e6e6e6"))
    p.setColor(role.Base, QColor("#1c1d20"))
    p.setColor(role.AlternateBase, QColor("#2a2c30"))
    p.setColor(role.ToolTipBase, QColor("#2a2c30"))
    p.setColor(role.ToolTipText, QColor("#e6e6e6"))
    p.setColor(role.Text, QColor("#e6e6e6"))
    p.setColor(role.Button, QColor("#303237"))
    p.setColor(role.ButtonText, QColor("#e6e6e6"))
    p.setColor(role.Highlight, QColor("#3d7fd1"))
    p.setColor(role.HighlightedText, QColor("#ffffff"))
    p.setColor(role.Link, QColor("#6ea8fe"))
    p.setColor(role.PlaceholderText, QColor("#8b8f96"))
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#6b6f76"))
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
    app.setPalette(_dark() if dark else _light())
    app.setStyleSheet(STYLE_SHEET)
