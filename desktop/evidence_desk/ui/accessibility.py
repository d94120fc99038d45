"""Names a screen reader reads for the window's main controls.

The main controls get names that say what they are for ("Documents in the case", "Left
document", "Find in the left document"). Any other interactive widget of the window that
still has neither a name nor a text of its own (a table in a panel, its column headers, a
tab bar) is named after the panel it is in, so nothing is read out as just "table".
Called once the window is built (and again by tests after opening documents: widgets a
viewer shows later are named then too)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDockWidget,
    QGraphicsView,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QAbstractSlider,
               QGraphicsView, QTextEdit, QPlainTextEdit, QTabBar)


def own_text(widget: QWidget) -> str:
    """The text a widget shows of itself (a button's label, a line edit's placeholder)."""
    if isinstance(widget, QAbstractButton):
        return widget.text().replace("&", "").strip()
    if isinstance(widget, QLineEdit):
        return widget.placeholderText().strip()
    return ""


def needs_name(widget: QWidget) -> bool:
    return isinstance(widget, INTERACTIVE) and not widget.accessibleName() and not own_text(widget)


def _place(widget: QWidget) -> str:
    """The title of the panel or tab `widget` is in ("" if none)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabWidget):
            index = parent.indexOf(child)
            if index >= 0:
                return parent.tabText(index).replace("&", "")
        if isinstance(parent, QDockWidget):
            return parent.windowTitle()
        child, parent = parent, parent.parentWidget()
    return ""


def _set(widget: QWidget | None, name: str) -> None:
    if widget is not None:
        widget.setAccessibleName(name)


def name_controls(window: MainWindow) -> None:
    browser = window.browser
    _set(browser.table, QCoreApplication.translate("Accessibility", "Documents in the case"))
    _set(browser.filter_box, QCoreApplication.translate("Accessibility", "Filter documents"))
    _set(getattr(browser, "kind_combo", None), QCoreApplication.translate("Accessibility", "Filter by kind"))
    _set(getattr(browser, "status_combo", None), QCoreApplication.translate("Accessibility", "Filter by review status"))
    _set(browser.search.box, QCoreApplication.translate("Accessibility", "Search the case"))
    _set(browser.search.results, QCoreApplication.translate("Accessibility", "Search results"))
    for side, slot in zip((QCoreApplication.translate("Accessibility", "Left document"), QCoreApplication.translate("Accessibility", "Right document")), window.workspace.slots, strict=False):
        viewer = slot.viewer
        _set(viewer, side)
        _set(viewer.page_view, QCoreApplication.translate("Accessibility", "{side}: pages").format(side=side))
        _set(getattr(viewer, "find_box", None), QCoreApplication.translate("Accessibility", "Find in the {side}").format(side=side.lower()))
        _set(getattr(viewer, "page_box", None), QCoreApplication.translate("Accessibility", "{side}: page number").format(side=side))
        _set(getattr(viewer, "zoom_box", None), QCoreApplication.translate("Accessibility", "{side}: zoom").format(side=side))
        _set(slot.close_button, QCoreApplication.translate("Accessibility", "Close the {side}").format(side=side.lower()))
    for widget in window.findChildren(QWidget):
        if not needs_name(widget):
            continue
        place = _place(widget) or QCoreApplication.translate("Accessibility", "Window")
        if isinstance(widget, QHeaderView):
            widget.setAccessibleName(QCoreApplication.translate("Accessibility", "{place}: columns").format(place=place))
        elif isinstance(widget, QTabBar):
            widget.setAccessibleName(QCoreApplication.translate("Accessibility", "{place}: tabs").format(place=place) if _place(widget)
                                     else QCoreApplication.translate("Accessibility", "Panel tabs"))
        elif isinstance(widget, QAbstractItemView):
            widget.setAccessibleName(QCoreApplication.translate("Accessibility", "{place}: list").format(place=place))
        elif isinstance(widget, QComboBox):
            widget.setAccessibleName(QCoreApplication.translate("Accessibility", "{place}: choice").format(place=place))
        else:
            widget.setAccessibleName(place)
