"""The welcome screen: what the window shows in place of the two viewers while the open case
has no documents (the first start opens an empty default case), and on Help › Welcome.

It offers the first steps (open the demo, create a case, open one, import files, the
recent cases) and says what is stored where: the case folder and the settings file.
It leaves the window for the viewers as soon as a document is imported or opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core import settings as core_settings
from evidence_desk.core.paths import demo_case_dir
from evidence_desk.core.queries.documents import list_documents
from evidence_desk.ui import settings

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow


class WelcomePage(QFrame):
    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("WelcomePage")
        self.setAccessibleName(self.tr("Welcome"))
        self.window_ = window
        title = QLabel(self.tr("Welcome to Evidence Desk"))
        title.setObjectName("WelcomeTitle")
        intro = QLabel(self.tr("Read a package of documents side by side, mark who and what each page "
                               "names, black out what must not leave this computer and hand on a "
                               "verifiable bundle. Start with one of these:"))
        intro.setWordWrap(True)
        rows: list[tuple[QPushButton, QLabel]] = []
        self.demo_button = self._button(rows, self.tr("Open the &Demo Case"),
                                        self.tr("Sixteen specimen letters, notes verbales, invoices and "
                                                "permits, already tagged"), lambda: open_demo(window))
        self.new_button = self._button(rows, self.tr("&New Case…"), self.tr("An empty case in a folder you choose"),
                                       window.new_case)
        self.open_button = self._button(rows, self.tr("&Open Case…"), self.tr("A case folder made before"),
                                        window.open_case)
        self.import_button = self._button(rows, self.tr("&Import Files…"),
                                          self.tr("Add PDFs and images to the case open now"),
                                          window.import_files)
        self.show_documents = QPushButton(self.tr("Show the &Documents"))
        self.show_documents.clicked.connect(lambda: show_workspace(window))
        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent cases"))
        self.recent.setMaximumHeight(140)
        self.recent.itemActivated.connect(
            lambda item: window.caseSwitchRequested.emit(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.stored = QLabel()
        self.stored.setWordWrap(True)
        self.stored.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stored.setAccessibleName(self.tr("What is stored where"))

        grid = QGridLayout()
        for row, (button, hint) in enumerate(rows):
            grid.addWidget(button, row, 0)
            grid.addWidget(hint, row, 1)
        grid.setColumnStretch(1, 1)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(intro)
        column.addSpacing(8)
        column.addLayout(grid)
        column.addSpacing(8)
        column.addWidget(_heading(self.tr("Recent cases")))
        column.addWidget(self.recent)
        column.addWidget(_heading(self.tr("What is stored where")))
        column.addWidget(self.stored)
        column.addWidget(self.show_documents, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(760)
        body.setLayout(column)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        self.refresh()

    def _button(self, rows: list[tuple[QPushButton, QLabel]], text: str, hint: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumWidth(200)
        button.setAccessibleDescription(hint)
        button.clicked.connect(slot)
        label = QLabel(hint)
        label.setWordWrap(True)
        label.setBuddy(button)
        rows.append((button, label))
        return button

    def refresh(self) -> None:
        """Fill in the recent cases and the folders (they change with the case and the settings)."""
        case = self.window_.case
        self.recent.clear()
        for path in settings.recent_cases():
            if path != case.path:
                item = QListWidgetItem(f"{path.name} — {path.parent}")
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.recent.addItem(item)
        if not self.recent.count():
            item = QListWidgetItem(self.tr("No other recent cases"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        self.stored.setText(self.tr(
            "This case is the folder {case}: its database (case.sqlite), the imported files exactly "
            "as received (originals/) and a cache that can be deleted (cache/). Copy the folder to "
            "move the case.\nYour settings (author name, OCR languages, reason codes, language) are "
            "in {settings}, shared with the command line.\nThe demo case is built in {demo}."
        ).format(case=case.path, settings=core_settings.settings_path(), demo=demo_case_dir()))
        self.show_documents.setVisible(bool(list_documents(case)))


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("WelcomeHeading")
    return label


def install(window: MainWindow) -> WelcomePage:
    """Put the welcome page beside the workspace in the window's centre; shown while the case
    is empty. Returns the page (also `window.welcome`)."""
    workspace = window.takeCentralWidget()
    stack = QStackedWidget()
    page = WelcomePage(window)
    stack.addWidget(page)
    stack.addWidget(workspace)
    window.setCentralWidget(stack)
    window.welcome = page  # type: ignore[attr-defined]
    window.centre = stack  # type: ignore[attr-defined]
    window.importer.imported.connect(lambda _report: show_workspace(window))
    window.workspace.locationChanged.connect(lambda doc, _page: doc is not None and show_workspace(window))
    if list_documents(window.case):
        stack.setCurrentWidget(workspace)
    return page


def show_welcome(window: MainWindow) -> None:
    window.welcome.refresh()  # type: ignore[attr-defined]
    window.centre.setCurrentWidget(window.welcome)  # type: ignore[attr-defined]


def show_workspace(window: MainWindow) -> None:
    window.centre.setCurrentWidget(window.workspace)  # type: ignore[attr-defined]


def open_demo(window: MainWindow) -> None:
    """Switch to the demo case, building it first (a job with progress) when it is not there."""
    from evidence_desk.core.demo.build import build_demo_case

    target = demo_case_dir()

    def build(progress: object) -> Path:
        build_demo_case(target, progress=progress).close()  # type: ignore[arg-type]
        return target

    job = window.jobs.start(QCoreApplication.translate("Welcome", "Building the demo case"), build)
    job.succeeded.connect(lambda path: window.caseSwitchRequested.emit(path))
