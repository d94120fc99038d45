"""Case › New, Open, Open Recent and Close, shared by the main window and the window shown
while no case is open (`NoCaseWindow`).

Both only *ask* for a case (signals); `ui/app.py`'s Session opens it in a new window and
closes the old one after the new one is shown, so the application never loses its window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QPushButton, QVBoxLayout, QWidget

from evidence_desk.ui import settings
from evidence_desk.ui.dialogs import case_dialogs


def _start_folder(window: QWidget) -> Path | None:
    case = getattr(window, "case", None)
    return case.path.parent if case is not None else None


def new_case(window: QWidget) -> None:
    """Asks for the new case; emits its folder (a plain case) or the NewCase (to be encrypted)."""
    choice = case_dialogs.choose_new_case(window, _start_folder(window))
    if choice is not None:
        window.caseCreateRequested.emit(choice.path if choice.passphrase is None else choice)  # type: ignore[attr-defined]


def open_case(window: QWidget) -> None:
    path = case_dialogs.choose_case_to_open(window, _start_folder(window))
    if path is not None:
        window.caseSwitchRequested.emit(path)  # type: ignore[attr-defined]


def fill_recent(window: QWidget, menu: QMenu) -> None:
    menu.clear()
    current = getattr(getattr(window, "case", None), "path", None)
    for number, path in enumerate(p for p in settings.recent_cases() if p != current):
        # A mnemonic per entry (1–9): Alt+C, R, 1 opens the most recent one.
        shown = str(path).replace("&", "&&")
        action = menu.addAction(f"&{number + 1} {shown}" if number < 9 else shown,
                                lambda p=path: window.caseSwitchRequested.emit(p))  # type: ignore[attr-defined]
        action.setData(str(path))
    if menu.isEmpty():
        menu.addAction(QCoreApplication.translate("CaseMenu", "No other recent cases")).setEnabled(False)


class NoCaseWindow(QMainWindow):
    """What Case › Close Case leaves on screen: new, open or a recent case, or quit."""

    caseSwitchRequested = Signal(object)
    caseCreateRequested = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(QCoreApplication.translate("CaseMenu", "Evidence Desk — no case open"))
        menu = self.menuBar().addMenu(QCoreApplication.translate("CaseMenu", "&Case"))
        for text, slot, key in ((QCoreApplication.translate("CaseMenu", "&New Case…"), lambda: new_case(self), "Ctrl+Shift+N"),
                                (QCoreApplication.translate("CaseMenu", "&Open Case…"), lambda: open_case(self), QKeySequence.StandardKey.Open)):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.triggered.connect(slot)
            menu.addAction(action)
        self.recent_menu = menu.addMenu(QCoreApplication.translate("CaseMenu", "Open &Recent"))
        self.recent_menu.aboutToShow.connect(lambda: fill_recent(self, self.recent_menu))
        menu.addSeparator()
        menu.addAction(QCoreApplication.translate("CaseMenu", "&Quit"), self.close).setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(QLabel(QCoreApplication.translate("CaseMenu", "No case is open.")), 0, Qt.AlignmentFlag.AlignHCenter)
        self.new_button = QPushButton(QCoreApplication.translate("CaseMenu", "&New Case…"))
        self.open_button = QPushButton(QCoreApplication.translate("CaseMenu", "&Open Case…"))
        self.new_button.clicked.connect(lambda: new_case(self))
        self.open_button.clicked.connect(lambda: open_case(self))
        for button in (self.new_button, self.open_button):
            layout.addWidget(button)
        for path in settings.recent_cases()[:5]:
            recent = QPushButton(str(path))
            recent.setFlat(True)
            recent.clicked.connect(lambda _c=False, p=path: self.caseSwitchRequested.emit(p))
            layout.addWidget(recent)
        self.setCentralWidget(body)
        self.resize(640, 420)

    def show_error(self, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "Evidence Desk", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
