"""The window's layout: remembered between runs (QSettings in the config folder), and its defaults.

Kept apart from `main_window.py`: the window composes, this module knows which
pieces of state make up "the layout" and what a fresh one looks like."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QDockWidget, QToolBar

from evidence_desk.ui import settings

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow

LAYOUT_VERSION = 1
DOCK_WIDTHS = [340, 380]  # case browser, annotation panel: the viewers get the rest


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


def reset(w: MainWindow) -> None:
    w.restoreState(w.default_state, LAYOUT_VERSION)
    for dock in w.findChildren(QDockWidget):
        dock.setVisible(dock not in w.hidden_by_default)
    for bar in w.findChildren(QToolBar):
        bar.show()
    default_sizes(w)


def default_sizes(w: MainWindow) -> None:
    w.resizeDocks([w.browser_dock, w.annotations], DOCK_WIDTHS, Qt.Orientation.Horizontal)
    below = [d for d in w.docks_by_title.values()
             if w.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea and d.isVisible()]
    if below:  # the annotation panel over the case-wide views, about 3 : 2
        w.resizeDocks([w.annotations, below[0]], [3 * w.height() // 5, 2 * w.height() // 5],
                      Qt.Orientation.Vertical)
    w.workspace.splitter.setSizes([1, 1])
