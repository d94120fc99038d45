"""The case browser: documents list, filter and sort, full-text search that jumps to a hit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evidence_desk.core.documents import update_details
from evidence_desk.ui.browser.model import COL_PAGES, DOC_ID_ROLE
from evidence_desk.ui.mime import DOCUMENT_MIME, document_ids_from_mime
from tests.ui.conftest import doc_id_by_name


def _shown_names(browser):
    return [browser.proxy.index(r, 0).data().split("\n")[0] for r in range(browser.proxy.rowCount())]


def test_documents_list_filters_by_text_kind_and_status(window, ui_case):
    browser = window.browser
    assert _shown_names(browser) == ["a_letter.pdf", "b_invoice.pdf", "c_note_verbale.pdf"]
    update_details(ui_case, doc_id_by_name(ui_case, "b_invoice.pdf"), kind="invoice", reference="INV-445")
    browser.reload()
    browser.filter_box.setText("inv-445")
    assert _shown_names(browser) == ["b_invoice.pdf"]
    browser.filter_box.clear()
    browser.kind_combo.setCurrentIndex(browser.kind_combo.findData("invoice"))
    assert _shown_names(browser) == ["b_invoice.pdf"]
    browser.kind_combo.setCurrentIndex(0)
    browser.status_combo.setCurrentIndex(browser.status_combo.findData("reviewed"))
    assert _shown_names(browser) == []


def test_documents_sort_by_page_count_numerically(window):
    browser = window.browser
    browser.table.sortByColumn(COL_PAGES, Qt.SortOrder.DescendingOrder)
    assert _shown_names(browser) == ["c_note_verbale.pdf", "a_letter.pdf", "b_invoice.pdf"]


def test_dragging_documents_out_of_the_list_carries_their_ids(window, ui_case):
    browser = window.browser
    index = browser.proxy.mapToSource(browser.proxy.index(1, 0))
    data = browser.model.mimeData([index])
    assert data.hasFormat(DOCUMENT_MIME)
    assert document_ids_from_mime(data) == [doc_id_by_name(ui_case, "b_invoice.pdf")]


def test_double_click_opens_left_and_context_menu_offers_both_sides(window, ui_case, qtbot):
    browser = window.browser
    index = browser.proxy.index(2, 0)
    browser.table.doubleClicked.emit(index)
    assert window.workspace.viewer(0).document_id == index.data(DOC_ID_ROLE)


def test_search_lists_hits_by_document_and_opens_the_page_with_terms(window, ui_case, qtbot):
    search = window.browser.search
    with qtbot.waitSignal(search.searchFinished, timeout=10_000) as blocker:
        search.run("zelenograd")
    assert blocker.args == [2]
    assert search.results.topLevelItemCount() == 2
    hits = {search.results.topLevelItem(i).child(0).data(0, Qt.ItemDataRole.UserRole + 1)
            for i in range(2)}
    note = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    assert hits == {(note, 2), (letter, 2)}

    item = next(search.results.topLevelItem(i).child(0) for i in range(2)
                if search.results.topLevelItem(i).child(0).data(0, Qt.ItemDataRole.UserRole + 1)[0] == note)
    search.results.itemClicked.emit(item, 0)
    viewer = window.viewer()
    assert viewer.document_id == note
    qtbot.waitUntil(lambda: viewer.current_page() == 2, timeout=10_000)
    assert window.annotations.pages[0].page == 2


def test_a_search_with_nothing_to_look_for_says_so(window, qtbot):
    search = window.browser.search
    search.run("-- ***")
    assert "at least one word" in search.status.text()
    with qtbot.waitSignal(search.searchFinished, timeout=10_000) as blocker:
        search.run("nonexistentword")
    assert blocker.args == [0]
    assert search.status.text() == "No matches"
