"""Shared steps of the dialog tests: the window's own menu actions, and a redacted letter."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction

from evidence_desk.core.redaction.entity_hits import find_occurrences
from evidence_desk.core.redaction.matching import redact_hits_edit
from tests.ui.conftest import doc_id_by_name


def menu_action(window, text: str) -> QAction:
    """The action of the window's menu bar whose text is `text` (with its mnemonic)."""
    for menu_action_ in window.menuBar().actions():
        for action in menu_action_.menu().actions():
            if action.text() == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def redact_petrov(case) -> int:
    """Mark the letter's signatory for redaction (the way `redact --text` does); returns the letter's id."""
    letter = doc_id_by_name(case, "a_letter.pdf")
    hits = find_occurrences(case, "Anton Petrov", letter)
    assert hits
    case.apply(redact_hits_edit(case, hits, "personal"))
    return letter


def select_documents(window, ids: list[int]) -> None:
    """Select these documents in the case browser, as a ctrl-click would."""
    from evidence_desk.ui.browser.model import COL_DOC, DOC_ID_ROLE

    table, proxy = window.browser.table, window.browser.proxy
    table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in range(proxy.rowCount()):
        index = proxy.index(row, COL_DOC)
        if index.data(DOC_ID_ROLE) in ids:
            table.selectionModel().select(index, flags)
    assert sorted(window.browser.selected_ids()) == sorted(ids)
