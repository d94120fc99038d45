"""The window's layout: remembered between runs (QSettings in the config folder), and its defaults.

Kept apart from `main_window.py`: the window composes, this module knows which
pieces of state make up "the layout" and what a fresh one looks like."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QLayout, QToolBar

from evidence_desk.ui import settings

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow

LAYOUT_VERSION = 1
DOCK_WIDTHS = [340, 380]  # case browser, annotation panel: the viewers get the rest
# Below this width the side docks become tabs of one column on the left (a 1,366- or
# 1,280-px laptop): two documents side by side need the width more than two dock columns.
COMPACT_WIDTH = 1500
COMPACT_DOCK_WIDTH = 330


def _flag(value: object) -> bool:
    return str(value).lower() == "true"


def save(w: MainWindow) -> None:
    s = settings.app_settings()
    s.setValue("window/geometry", w.saveGeometry())
    s.setValue("window/state", w.saveState(LAYOUT_VERSION))
    s.setValue("window/splitter", w.workspace.splitter.saveState())
    s.setValue("window/browser_splitter", w.browser.splitter.saveState())
    s.setValue("window/linked", w.workspace.linked)
    s.setValue("window/single", w.workspace.single)
    s.setValue("window/thumbnails", w.actions_.thumbnails.isChecked())
    s.sync()


def restore(w: MainWindow) -> None:
    s = settings.app_settings()
    for key, apply in (("window/geometry", w.restoreGeometry),
                       ("window/splitter", w.workspace.splitter.restoreState),
                       ("window/browser_splitter", w.browser.splitter.restoreState)):
        value = s.value(key)
        if isinstance(value, QByteArray):
            apply(value)
    state = s.value("window/state")
    if isinstance(state, QByteArray):
        w.restoreState(state, LAYOUT_VERSION)
    else:
        default_sizes(w)
    w.actions_.linked.setChecked(_flag(s.value("window/linked", "false")))
    w.actions_.single.setChecked(_flag(s.value("window/single", "false")))
    # Two documents side by side need the width more than a thumbnail strip each: off by default.
    thumbs = _flag(s.value("window/thumbnails", "false"))
    w.actions_.thumbnails.setChecked(thumbs)
    w.set_page_thumbnails(thumbs)


DEFAULT_SIZE = (1600, 1000)


def _free_area(w: MainWindow) -> tuple[int, int] | None:
    screen = w.screen()
    # The offscreen platform's screen is an arbitrary 800 × 600, no one's monitor.
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return None
    free = screen.availableGeometry()
    return (free.width(), free.height()) if free.width() > 0 and free.height() > 0 else None


def fit_to_screen(w: MainWindow, size: tuple[int, int] = DEFAULT_SIZE) -> None:
    """Resize to `size` where the screen has room, else to the screen's free area (a
    1,280 × 720 laptop; without a window manager nothing else would shrink the window)."""
    # The wide layout's minimum (two dock columns beside two viewers) must not hold the window
    # wider than asked: below COMPACT_WIDTH adapt() folds the docks, and then everything fits.
    w.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    free = _free_area(w)
    width, height = size
    if free is not None:
        width, height = min(width, free[0]), min(height, free[1])
    w.resize(width, height)


def adapt(w: MainWindow) -> None:
    """Fold the docks into tabs when the window is narrow, unfold them when it is wide again."""
    compact = w.width() < COMPACT_WIDTH
    if compact == w.compact:
        return
    w.compact = compact
    if compact:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        side = [d for d in (w.annotations, *w.docks_by_title.values())
                if w.dockWidgetArea(d) in (left, Qt.DockWidgetArea.RightDockWidgetArea) and d is not w.browser_dock]
        for dock in side:
            w.addDockWidget(left, dock)
            w.tabifyDockWidget(w.browser_dock, dock)
        w.browser_dock.raise_()
        w.resizeDocks([w.browser_dock], [COMPACT_DOCK_WIDTH], Qt.Orientation.Horizontal)
        # The wide layout's minimum may have held the window wider than the screen; once the
        # folded layout has settled (next turn of the event loop) it fits.
        QTimer.singleShot(0, w, lambda: fit_to_screen(w, (w.width(), w.height())))
    else:
        visible = {d: d.isVisible() for d in w.findChildren(QDockWidget)}
        w.restoreState(w.default_state, LAYOUT_VERSION)
        for dock, on in visible.items():
            dock.setVisible(on)
        default_sizes(w)
    w.workspace.splitter.setSizes([1, 1])


def reset(w: MainWindow) -> None:
    size = w.size()  # the wide default's minimum may widen the window until it is folded again
    w.compact = False  # the default state is the wide one; adapt() folds it again if need be
    w.restoreState(w.default_state, LAYOUT_VERSION)
    for dock in w.findChildren(QDockWidget):
        dock.setVisible(dock not in w.hidden_by_default)
    for bar in w.findChildren(QToolBar):
        if bar.objectName() != "ViewerBar":
            bar.show()
    default_sizes(w)
    adapt(w)
    w.resize(size)


def default_sizes(w: MainWindow) -> None:
    w.resizeDocks([w.browser_dock, w.annotations], DOCK_WIDTHS, Qt.Orientation.Horizontal)
    below = [d for d in w.docks_by_title.values()
             if w.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea and d.isVisible()]
    if below:  # the annotation panel over the case-wide views, about 3 : 2
        w.resizeDocks([w.annotations, below[0]], [3 * w.height() // 5, 2 * w.height() // 5],
                      Qt.Orientation.Vertical)
    w.workspace.splitter.setSizes([1, 1])
