"""Search hits: a prefix search (`Гарбуз*`) opens its page with the words highlighted, and the
snippets mark the hit in bold on a highlight, never with « » (real quotes in Russian text)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evidence_desk.core.importing import import_paths
from evidence_desk.ui.browser.snippet_delegate import SNIPPET_HTML_ROLE
from tests.core.pdfs import write_text_pdf

HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def test_a_prefix_search_opens_its_hit_with_the_words_highlighted(window, ui_case, qtbot, tmp_path):
    pdf = write_text_pdf(tmp_path / "pismo.pdf", ["Письмо № 12/44\nПередано «Гарбузу» лично.\nПодпись"])
    [done] = import_paths(ui_case, [pdf]).imported
    window.browser.reload()
    search = window.browser.search
    with qtbot.waitSignal(search.searchFinished, timeout=10_000) as finished:
        search.run("Гарбуз*")
    assert finished.args == [1]
    item = search.results.topLevelItem(0).child(0)
    assert item.data(0, HIT_ROLE) == (done.document_id, 1)

    plain, marked = item.text(0), item.data(0, SNIPPET_HTML_ROLE)
    assert "«Гарбузу»" in plain  # the document's own quotes, as written
    assert '<span style="font-weight:600;' in marked and "Гарбузу</span>" in marked

    search.results.itemClicked.emit(item, 0)
    viewer = window.viewer()
    assert viewer.document_id == done.document_id
    page = viewer.page_view.item(1)
    qtbot.waitUntil(lambda: page.materialized and bool(page.search_hit_items()), timeout=20_000)
    [hit] = page.search_hit_items()
    words = {w.text: w.rect for w in page.text.words}
    box = hit.rect()
    garbuz = words["«Гарбузу»"]
    assert box.left() >= garbuz.x0 - 1 and box.right() <= garbuz.x1 + 1
