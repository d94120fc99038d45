"""Edit › Find, Search and Filter: where the keyboard focus goes (Ctrl+F, Ctrl+Shift+F,
Ctrl+Alt+F), for the main window's actions."""

from __future__ import annotations

from typing import Any


def find(window: Any) -> None:
    """Find in the active document (its own find box); with none open, search the case."""
    viewer = window.viewer()
    if viewer.document_id is None:
        search(window)
        return
    viewer.find_box.setFocus()
    viewer.find_box.selectAll()


def search(window: Any) -> None:
    window.browser_dock.show()
    window.browser.search.box.setFocus()
    window.browser.search.box.selectAll()


def filter_documents(window: Any) -> None:
    window.browser_dock.show()
    window.browser.filter_box.setFocus()
