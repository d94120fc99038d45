"""The menu commands that open the dialogs of the command-line features: export, verify,
import a bundle, OCR, provenance, the entity manager, suggestion review, reason codes.

The window adds them to its menus (`ui/actions.py`) after the registry's own
`WINDOW_COMMANDS`; their texts are translated there (context "WindowCommands").
Each dialog is imported when first opened, so none of them slows the start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from evidence_desk.ui.panels.registry import WindowCommand

# The menu this module adds (the window creates it between View and Tools).
DOCUMENT_MENU = QT_TRANSLATE_NOOP("WindowCommands", "&Document")


def open_export(window: Any) -> Any:
    from evidence_desk.ui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window)
    dialog.open()
    return dialog


def open_verify(window: Any) -> Any:
    from evidence_desk.ui.dialogs.verify_dialog import VerifyDialog

    dialog = VerifyDialog(window)
    dialog.open()
    return dialog


def open_entities(window: Any) -> Any:
    """One manager per window: opening it again raises the one already open."""
    from evidence_desk.ui.entities.manager import EntityManager

    manager = getattr(window, "entity_manager", None)
    if manager is None:
        manager = EntityManager(window)
        window.entity_manager = manager
    manager.show()
    manager.raise_()
    manager.activateWindow()
    return manager


def open_provenance(window: Any) -> Any:
    """The Provenance tab of the active document, with its editing dialog open."""
    from evidence_desk.ui.panels.provenance_panel import ProvenanceTab

    if window.viewer().document_id is None:
        window.show_error(window.tr("Open a document first."))
        return None
    tab = window.annotations.show_tab(ProvenanceTab)
    tab.set_location(window.viewer().document_id, window.viewer().current_page())
    return tab.open_editor()


def open_ocr(window: Any) -> Any:
    from evidence_desk.ui.dialogs.ocr_dialog import OcrDialog

    dialog = OcrDialog(window)
    dialog.open()
    return dialog


def open_import_bundle(window: Any) -> Any:
    from evidence_desk.ui.dialogs.import_bundle_dialog import import_bundle_from_window

    return import_bundle_from_window(window)


def open_suggestions(window: Any) -> Any:
    from evidence_desk.ui.dialogs.suggestions_dialog import SuggestionReview

    dialog = SuggestionReview(window)
    dialog.show()
    return dialog


DIALOG_COMMANDS: list[WindowCommand] = [
    WindowCommand("&Case", QT_TRANSLATE_NOOP("WindowCommands", "&Export…"), open_export, "Ctrl+E"),
    WindowCommand("&Case", QT_TRANSLATE_NOOP("WindowCommands", "&Verify…"), open_verify, "Ctrl+Shift+V"),
    WindowCommand("&Case", QT_TRANSLATE_NOOP("WindowCommands", "Import &Bundle…"), open_import_bundle, "Ctrl+Shift+B", edits=True),
    WindowCommand(DOCUMENT_MENU, QT_TRANSLATE_NOOP("WindowCommands", "&Provenance and Custody…"), open_provenance, "Ctrl+Shift+P"),
    WindowCommand(DOCUMENT_MENU, QT_TRANSLATE_NOOP("WindowCommands", "&OCR…"), open_ocr, "Ctrl+Shift+O", edits=True),
    WindowCommand("&Tools", QT_TRANSLATE_NOOP("WindowCommands", "&Entities…"), open_entities, "Ctrl+Shift+E"),
    WindowCommand("&Tools", QT_TRANSLATE_NOOP("WindowCommands", "Review &Suggestions…"), open_suggestions, "Ctrl+Shift+U", edits=True),
]
