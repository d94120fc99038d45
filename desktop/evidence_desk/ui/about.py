"""Help › About Evidence Desk: the version, the licence (AGPL-3.0-or-later, its text) and
the third-party software this installation runs on with their licences. A PyInstaller
bundle also names the folder where the licence texts it ships are (packaging/licences.py
copies them at build time)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from evidence_desk import __version__
from evidence_desk.core import licences


def third_party_html() -> str:
    """The third-party components as an HTML table (name, version, licence)."""
    rows = "".join(f"<tr><td>{html.escape(c.name)}</td><td>{html.escape(c.version)}</td>"
                   f"<td>{html.escape(c.licence)}</td></tr>" for c in licences.components())
    cells = (QCoreApplication.translate("About", "Component"), QCoreApplication.translate("About", "Version"),
             QCoreApplication.translate("About", "Licence"))
    head = "<tr>" + "".join(f"<th align='left'>{html.escape(c)}</th>" for c in cells) + "</tr>"
    folder = licences.shipped_folder()
    if folder:
        where = QCoreApplication.translate("About", "The licence texts are in {folder}.").format(
            folder=html.escape(str(folder)))
    else:
        where = QCoreApplication.translate("About", "The licence texts are in each package's installed metadata.")
    return f"<p>{where}</p><table cellspacing='0' cellpadding='3'>{head}{rows}</table>"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Evidence Desk"))
        self.resize(640, 560)
        title = QLabel(f"<h2>Evidence Desk {html.escape(__version__)}</h2>")
        summary = QLabel(self.tr("Offline review, tagging, redaction and export of sensitive document "
                                 "packages. Nothing leaves this computer unless you export it."))
        summary.setWordWrap(True)
        licence = QLabel(self.tr("Licence: GNU Affero General Public License, version 3 or any later "
                                 "version ({spdx}).").format(spdx=licences.LICENCE))
        licence.setWordWrap(True)
        licence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.third_party = QTextBrowser()
        self.third_party.setAccessibleName(self.tr("Third-party software"))
        self.third_party.setHtml(third_party_html())
        self.tabs.addTab(self.third_party, self.tr("Third-party software"))
        self.licence_text = QTextBrowser()
        self.licence_text.setAccessibleName(self.tr("Licence text"))
        self.licence_text.setPlainText(licences.licence_text() or licences.LICENCE)
        self.tabs.addTab(self.licence_text, self.tr("Licence text"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (title, summary, licence):
            layout.addWidget(w)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


def show_about(parent: QWidget) -> None:
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
