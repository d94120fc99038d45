"""The case browser: documents (with thumbnails) and full-text search."""

from evidence_desk.ui.browser.browser import CaseBrowser

__all__ = ["CaseBrowser"]
