"""The "Documents" box of the dialogs that act on documents (Export…, OCR…): this document,
the selected documents, or every document of the case."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget


class DocumentScope(QGroupBox):
    """Three choices built from the window's active viewer and the case list's selection; the
    first that applies is checked (this document when one is open, else all)."""

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Documents"))
        self.current_id: int | None = window.viewer().document_id
        self.selected_ids: list[int] = list(window.browser.selected_ids())
        self.this_doc = QRadioButton(self.tr("&This document"))
        self.selection = QRadioButton(self.tr("&Selected documents ({n})").format(n=len(self.selected_ids)))
        self.everything = QRadioButton(self.tr("&All documents"))
        self.this_doc.setEnabled(self.current_id is not None)
        self.selection.setEnabled(bool(self.selected_ids))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        for button in (self.this_doc, self.selection, self.everything):
            self.group.addButton(button)
            layout.addWidget(button)
        (self.this_doc if self.current_id is not None else self.everything).setChecked(True)

    def doc_ids(self) -> list[int] | None:
        """The chosen documents; None: every document of the case."""
        if self.this_doc.isChecked() and self.current_id is not None:
            return [self.current_id]
        if self.selection.isChecked():
            return list(self.selected_ids)
        return None
