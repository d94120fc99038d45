"""Fusion style with a light or a dark palette, and toolbar icons drawn in the palette's colours.

The theme setting is "system" by default: dark when the desktop says it is dark
(Qt's style hints), light otherwise (the scheme is often unknown on Linux and offscreen),
and it follows the desktop when that changes while the window is open (`follow_system`).

The toolbar icons are SVG files (`resources/icons/toolbar/<action name>.svg`) drawn with
`currentColor`; Qt's SVG renderer does not know that colour, so each icon is recoloured
when it is loaded: the palette's button text for the normal icon, its disabled text
colour for the disabled one. They are loaded again whenever the palette changes, so they
stay readable in light and dark mode."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from evidence_desk.core.resources import resource_dir

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


# The page view and the lists draw a frame in the highlight colour while they have the focus
# (Fusion marks line edits and buttons itself), so keyboard users see where they type.
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
QLabel#WelcomeTitle { font-size: 20pt; font-weight: 600; padding-bottom: 6px; }
QLabel#WelcomeHeading { font-weight: 600; padding-top: 10px; }
QLabel#FormHint { color: palette(placeholder-text); }
QGraphicsView { border: 2px solid transparent; }
QGraphicsView:focus { border: 2px solid palette(highlight); }
QAbstractItemView:focus { border: 1px solid palette(highlight); }
QLabel#ReadOnlyBanner { background: #fff3cd; color: #4d3900; border-bottom: 1px solid #d9b84a; }
QLabel#FailedRedactionBanner { background: #fde2ef; color: #5e0030; border-bottom: 1px solid #e0157a; }
"""


FUSION_SET = "evidenceDeskFusion"  # a property of the QApplication once its style is Fusion


def apply_theme(app: QApplication, dark: bool = False) -> None:
    """Fusion, the light or dark palette and the style sheet. Each is set only when the
    application does not have it yet: setting any of them re-polishes every widget alive,
    seconds with a few thousand (and the theme is applied again for every case opened)."""
    if app.property(FUSION_SET) is not True:  # app.style() is the style sheet's proxy, nameless
        app.setStyle("Fusion")
        app.setProperty(FUSION_SET, True)
    palette = _palette(DARK if dark else LIGHT)
    changed = app.palette() != palette
    if changed:
        app.setPalette(palette)
    if changed or app.styleSheet() != STYLE_SHEET:
        # Set again after a new palette: the re-polish gives the styled widgets (and the
        # windows whose icons follow the palette) the new colours.
        app.setStyleSheet(STYLE_SHEET)


def follow_system(app: QApplication, dark_now: Callable[[], bool]) -> None:
    """Re-apply the theme when the desktop switches between light and dark; `dark_now()` says
    what the theme setting means at that moment (a fixed "light" or "dark" stays)."""
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app, dark=dark_now()))


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    return isinstance(app, QGuiApplication) and app.styleHints().colorScheme() == Qt.ColorScheme.Dark


# -- toolbar icons --------------------------------------------------------------------------------

ICON_SIZES = (16, 20, 24, 32, 48)


@cache
def _svg_source(name: str) -> str | None:
    try:
        path = resource_dir("icons/toolbar") / f"{name}.svg"
    except FileNotFoundError:
        return None
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _draw(svg: str, colour: QColor, side: int, ratio: float) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", colour.name()).encode("utf-8")))
    pixmap = QPixmap(round(side * ratio), round(side * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, pixmap.width(), pixmap.height()))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def toolbar_icon(name: str, palette: QPalette, ratio: float = 1.0) -> QIcon | None:
    """The icon of the action `name` in the colours of `palette` (None: there is no SVG)."""
    svg = _svg_source(name)
    if svg is None:
        return None
    icon = QIcon()
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
    for side in ICON_SIZES:
        icon.addPixmap(_draw(svg, normal, side, ratio), QIcon.Mode.Normal)
        icon.addPixmap(_draw(svg, disabled, side, ratio), QIcon.Mode.Disabled)
    return icon


class _IconPainter(QObject):
    """Loads the actions' icons again when the window's palette changes (light ⇄ dark)."""

    def __init__(self, window: QWidget, actions: dict[str, QAction]) -> None:
        super().__init__(window)
        self.window_ = window
        self.actions = actions
        window.installEventFilter(self)
        self.paint()

    def paint(self) -> None:
        ratio = self.window_.devicePixelRatioF()
        for name, action in self.actions.items():
            icon = toolbar_icon(name, self.window_.palette(), ratio)
            if icon is not None:
                action.setIcon(icon)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window_ and event.type() in (QEvent.Type.PaletteChange,
                                                         QEvent.Type.ApplicationPaletteChange):
            self.paint()
        return False


def install_icons(window: QWidget, actions: dict[str, QAction]) -> QObject:
    """Give every action with an SVG of its name its icon, kept in the palette's colours."""
    return _IconPainter(window, actions)
