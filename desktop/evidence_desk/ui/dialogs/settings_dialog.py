"""Edit › Settings…: the preferences of the core settings file (`core.settings`), the same
file `evidence-desk settings` shows and changes. Nothing here is kept in QSettings.

OK writes the file, then applies what can change at once: the open case signs edits with
the new author name, the case gains the user's own reason codes it lacks (each an
audited step), and the theme changes. The interface language applies at the next start:
every widget would otherwise have to be built again."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core import settings as core_settings
from evidence_desk.core.case import default_author, login_name
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.redaction.marking import missing_reason_codes
from evidence_desk.core.vocabulary import normal_reason_code, reason_code_problem
from evidence_desk.ui import settings, theme
from evidence_desk.ui.dialogs.buttons import ok_cancel
from evidence_desk.ui.i18n import LANGUAGE_NAMES

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow


class ReasonCodesEditor(QWidget):
    """The user's own reason codes: a code and what it means, one a row."""

    def __init__(self, codes: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Meaning")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Your reason codes"))
        self.table.setMinimumHeight(120)
        for code, label in codes:
            self.add_row(code, label)
        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.clicked.connect(lambda: self.add_row("", "", edit=True))
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 1)
        row.addLayout(buttons)

    def add_row(self, code: str, label: str, *, edit: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(code))
        self.table.setItem(row, 1, QTableWidgetItem(label))
        if edit:
            self.table.setCurrentCell(row, 0)
            self.table.editItem(self.table.item(row, 0))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def codes(self) -> list[dict[str, str]]:
        """The rows as the setting stores them; empty rows are dropped. Raises
        EvidenceDeskError naming a bad or repeated code."""
        out: list[dict[str, str]] = []
        for row in range(self.table.rowCount()):
            code_item, label_item = self.table.item(row, 0), self.table.item(row, 1)
            code = normal_reason_code(code_item.text() if code_item else "")
            label = (label_item.text() if label_item else "").strip()
            if not code and not label:
                continue
            if reason_code_problem(code) is not None:
                raise EvidenceDeskError(self.tr("Row {row}: a reason code is 1–32 letters, digits, "
                                                "“-” or “_”.").format(row=row + 1))
            if any(item["code"] == code for item in out):
                raise EvidenceDeskError(self.tr("The reason code “{code}” is listed twice.").format(code=code))
            out.append({"code": code, "label": label or code})
        return out


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)
        prefs = core_settings.load()
        self.author = QLineEdit(prefs.author or "")
        self.author.setPlaceholderText(self.tr("Default: {name}").format(name=_fallback_author()))
        self.author.setAccessibleName(self.tr("Author name"))
        self.ocr_languages = QLineEdit(prefs.ocr_languages)
        self.ocr_languages.setAccessibleName(self.tr("Default OCR languages"))
        self.ocr_hint = QLabel(_installed_languages_hint())
        self.ocr_hint.setWordWrap(True)
        self.reasons = ReasonCodesEditor(prefs.reason_codes)
        self.idle_lock = QSpinBox()
        self.idle_lock.setRange(0, 24 * 60)
        self.idle_lock.setSpecialValueText(self.tr("Never"))
        self.idle_lock.setSuffix(self.tr(" min"))
        self.idle_lock.setValue(prefs.idle_lock_minutes)
        self.idle_lock.setAccessibleName(self.tr("Idle lock"))
        self.export_profile = QComboBox()
        self.export_profile.addItem(self.tr("Publication: redacted files only, no source identities"),
                                    "publication")
        self.export_profile.addItem(self.tr("Internal: with the originals, for the team"), "internal")
        self.export_profile.setCurrentIndex(max(0, self.export_profile.findData(prefs.export_profile)))
        self.export_profile.setAccessibleName(self.tr("Default export profile"))
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "system")
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(prefs.language)))
        self.language.setAccessibleName(self.tr("Interface language"))
        self.theme = QComboBox()
        for code, name in (("system", self.tr("As the system")), ("light", self.tr("Light")),
                           ("dark", self.tr("Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(prefs.theme)))
        self.theme.setAccessibleName(self.tr("Colour scheme"))

        form = QFormLayout()
        form.addRow(self.tr("&Author name:"), self.author)
        form.addRow("", _hint(self.tr("Signs your notes, redactions and every entry of the audit log.")))
        form.addRow(self.tr("&OCR languages:"), self.ocr_languages)
        form.addRow("", self.ocr_hint)
        form.addRow(self.tr("&Reason codes:"), self.reasons)
        form.addRow("", _hint(self.tr("Your own redaction reasons, added to each case you open, "
                                      "besides the built-in ones.")))
        form.addRow(self.tr("&Idle lock:"), self.idle_lock)
        form.addRow(self.tr("&Export profile:"), self.export_profile)
        form.addRow(self.tr("Interface &language:"), self.language)
        form.addRow("", _hint(self.tr("A new language applies when Evidence Desk starts again.")))
        form.addRow(self.tr("&Colours:"), self.theme)
        for label in self.findChildren(QLabel):
            buddy = label.buddy()
            if buddy is not None and not buddy.accessibleName():
                buddy.setAccessibleName(label.text().replace("&", "").rstrip(":"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        stored = QLabel(self.tr("Stored in {path}").format(path=core_settings.settings_path()))
        stored.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        stored.setWordWrap(True)
        layout.addWidget(_hint_label(stored))
        layout.addWidget(ok_cancel(self, self.tr("Save"), self.save))

    def save(self) -> None:
        """Write the settings file; a refused value keeps the dialog open and says which."""
        prefs = core_settings.load()
        try:
            prefs.set("author", self.author.text().strip() or None)
            languages = self.ocr_languages.text().strip()
            try:
                prefs.set("ocr_languages", languages)
            except EvidenceDeskError as exc:
                raise EvidenceDeskError(self.tr("OCR languages are Tesseract codes joined by “+”, "
                                                "e.g. rus+eng+deu.")) from exc
            prefs.set("reason_codes", self.reasons.codes())
            prefs.set("idle_lock_minutes", self.idle_lock.value())
            prefs.set("export_profile", self.export_profile.currentData())
            prefs.set("language", self.language.currentData())
            prefs.set("theme", self.theme.currentData())
            prefs.save()
        except (EvidenceDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Settings"), str(exc))
            return
        self.accept()


def _fallback_author() -> str:
    """Who signs edits when the author name is left empty."""
    return os.environ.get("EVIDENCE_DESK_AUTHOR") or login_name()


def _installed_languages_hint() -> str:
    from evidence_desk.core.ocr.tesseract import OcrUnavailableError, installed_languages

    try:
        found = [lang for lang in installed_languages() if lang != "osd"]
    except (OcrUnavailableError, OSError):
        return QCoreApplication.translate("SettingsDialog", "Tesseract is not installed: scans cannot be read "
                                          "until it is.")
    return QCoreApplication.translate("SettingsDialog", "Installed: {languages}").format(
        languages=", ".join(found) or "—")


def _hint(text: str) -> QLabel:
    return _hint_label(QLabel(text))


def _hint_label(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    label.setObjectName("FormHint")
    return label


def apply_settings(window: MainWindow) -> None:
    """Make the open window follow the settings just saved."""
    prefs = core_settings.load()
    # The environment's EVIDENCE_DESK_AUTHOR still comes first, as for the command line.
    window.case.author = default_author()
    for command in missing_reason_codes(window.case, prefs.reason_codes):
        window.undo.push(command)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        dark = settings.dark_mode()
        theme.apply_theme(app, dark=dark)
        if "dark" in window.actions_.all:
            action = window.actions_.dark
            action.blockSignals(True)
            action.setChecked(dark)
            action.blockSignals(False)


def edit_settings(window: MainWindow) -> SettingsDialog:
    """Open the dialog over `window` (window-modal); saving applies the settings to it."""
    dialog = SettingsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: apply_settings(window))
    window.settings_dialog = dialog  # type: ignore[attr-defined]  # tests and the screenshot tour find it here
    dialog.open()
    return dialog
