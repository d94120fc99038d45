"""Choosing a case folder to create or open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def choose_case_to_open(parent: QWidget, start: Path | None = None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("CaseDialogs", "Open a case folder"), str(start or Path.home()))
    return Path(folder) if folder else None


def choose_new_case(parent: QWidget, start: Path | None = None) -> Path | None:
    """An empty (or new) folder for a new case."""
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("CaseDialogs", "Choose an empty folder for the new case"), str(start or Path.home()))
    return Path(folder) if folder else None
