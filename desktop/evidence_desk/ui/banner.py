"""A strip across the top of the documents that says something the user must not miss:
the case is read-only, this page has failed redactions. Styled in `ui/theme.py` by its
object name, so it reads in the light and the dark theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


class Banner(QLabel):
    """A strip across the top of the documents: read-only, failed redactions on a page, …"""

    def __init__(self, name: str, text: str = "") -> None:
        super().__init__(text)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMargin(6)
        # As tall as its text and no taller: the documents below get the rest of the height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
