"""Tools › Review Suggestions…: what the reading found in the letters, filtered by kind and
document, accepted or rejected in bulk as one undoable step."""

from __future__ import annotations

import pytest

from evidence_desk.core.suggest.store import list_suggestions, refresh_suggestions
from evidence_desk.ui.dialogs.suggestions_dialog import SuggestionReview
from tests.core.suggest.letters import letters_case, letters_template  # noqa: F401 - fixtures
from tests.ui.dialogs.helpers import menu_action


@pytest.fixture
def letters_window(letters_case, qtbot, shared_render_service):  # noqa: F811 - the imported fixture
    from evidence_desk.ui.app import application
    from evidence_desk.ui.main_window import MainWindow

    application()
    case, docs = letters_case
    refresh_suggestions(case)
    assert list_suggestions(case), "the letters give suggestions to review"
    win = MainWindow(case, shared_render_service)
    qtbot.addWidget(win)
    win.show()
    yield win, case, docs
    win.close()


def _review(win, qtbot) -> SuggestionReview:
    action = menu_action(win, "Review &Suggestions…")
    assert action.shortcut().toString() == "Ctrl+Shift+U"
    action.trigger()
    review = next(d for d in win.findChildren(SuggestionReview) if d.isVisible())
    qtbot.waitUntil(lambda: review.table.rowCount() > 0 or bool(review.error.text()), timeout=10_000)
    assert not review.error.text()
    return review


def test_accepting_the_selected_rows_is_one_step_and_undo_brings_them_back(letters_window, qtbot):
    win, case, _docs = letters_window
    review = _review(win, qtbot)
    assert review.whole_case.isChecked()
    pending = len(list_suggestions(case))
    assert review.table.rowCount() == pending
    assert not review.accept_button.isEnabled()
    review.table.selectRow(0)
    review.table.setRangeSelected(_range(review, 1), True)
    chosen = review.selected_ids()
    assert len(chosen) == 2
    with qtbot.waitSignal(review.loaded, timeout=10_000), qtbot.waitSignal(review.decided, timeout=10_000):
        review.accept_button.click()
    assert review.table.rowCount() == pending - 2
    accepted = {r["id"] for r in list_suggestions(case, status="accepted")}
    assert set(chosen) <= accepted
    assert win.undo.stack.undoText().startswith("Accept 2 suggestions")
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        win.undo.stack.undo()
    assert review.table.rowCount() == pending


def test_rejecting_every_shown_date_leaves_the_other_kinds(letters_window, qtbot):
    win, case, _docs = letters_window
    review = _review(win, qtbot)
    with qtbot.waitSignal(review.loaded, timeout=10_000):
        review.kind.setCurrentIndex(review.kind.findData("date"))
    dates = review.shown_ids()
    assert dates and all(r["kind"] == "date" for r in review.rows)
    others = len(list_suggestions(case)) - len(dates)
    with qtbot.waitSignal(review.loaded, timeout=10_000), qtbot.waitSignal(review.decided, timeout=10_000):
        review.reject_all_button.click()
    assert review.table.rowCount() == 0
    assert list_suggestions(case, kind="date") == []
    assert len(list_suggestions(case)) == others
    assert {r["id"] for r in list_suggestions(case, status="rejected")} >= set(dates)


def test_this_document_scope_and_a_row_opens_its_page(letters_window, qtbot):
    win, case, _docs = letters_window
    doc = list_suggestions(case)[0]["doc"]
    win.open_document(doc, 0)
    review = _review(win, qtbot)
    assert review.this_doc.isChecked()
    assert {r["doc"] for r in review.rows} == {doc}
    row = review.rows[-1]
    review.open_row(review.table.rowCount() - 1)
    assert win.viewer().document_id == doc
    assert win.viewer().current_page() == (row["page"] or 1)


def _range(review, row):
    from PySide6.QtWidgets import QTableWidgetSelectionRange

    return QTableWidgetSelectionRange(row, 0, row, review.table.columnCount() - 1)
