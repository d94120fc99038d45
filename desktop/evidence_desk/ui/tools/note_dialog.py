"""Write a note on a region, a page or the whole document.

The text box has the focus when the dialog opens, and Ctrl+Enter adds the note (Enter is
a new line in a note)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.ui.dialogs.buttons import ok_cancel

SCOPES = (("region", QT_TRANSLATE_NOOP("NoteDialog", "This &region")),
          ("page", QT_TRANSLATE_NOOP("NoteDialog", "This &page")),
          ("document", QT_TRANSLATE_NOOP("NoteDialog", "The whole &document")))


class NoteDialog(QDialog):
    def __init__(self, available: tuple[str, ...], default: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a note"))
        self.setMinimumSize(420, 240)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("What should a colleague know here? (Ctrl+Enter adds the note)"))
        self.text.setAccessibleName(self.tr("Note text"))
        self.text.setTabChangesFocus(True)
        self.group = QButtonGroup(self)
        scopes = QHBoxLayout()
        self.buttons_by_scope: dict[str, QRadioButton] = {}
        for key, label in SCOPES:
            if key in available:
                button = QRadioButton(self.tr(label))
                button.setChecked(key == default)
                self.group.addButton(button)
                self.buttons_by_scope[key] = button
                scopes.addWidget(button)
        scopes.addStretch(1)
        box = ok_cancel(self, self.tr("&Add note"))
        layout = QVBoxLayout(self)
        layout.addLayout(scopes)
        layout.addWidget(self.text, 1)
        layout.addWidget(box)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # the main keyboard's Enter and the keypad's
            submit = QShortcut(QKeySequence(keys), self)
            submit.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            submit.activated.connect(self.accept)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def scope(self) -> str:
        return next(k for k, b in self.buttons_by_scope.items() if b.isChecked())

    def accept(self) -> None:
        if self.text.toPlainText().strip():
            super().accept()
