"""The links panel: cites / cited by, and a request to open both documents side by side."""

from __future__ import annotations

from evidence_desk.ui.panels.links_panel import LinkedPair, LinksPanel


def _groups(panel: LinksPanel) -> dict[str, list[str]]:
    out = {}
    for g in range(panel.tree.topLevelItemCount()):
        group = panel.tree.topLevelItem(g)
        out[group.text(0).split(" (")[0]] = [group.child(c).text(0) for c in range(group.childCount())]
    return out


def test_the_panel_lists_what_a_document_cites_and_what_cites_it(qtbot, reviewed):
    case, docs, _ = reviewed
    panel = LinksPanel(case)
    qtbot.addWidget(panel)
    assert "No document open" in panel.summary.text()
    panel.set_document(docs["invoice_en.pdf"])
    groups = _groups(panel)
    assert sorted(groups["Cites"]) == sorted([f"{docs['letter_ru.pdf']}: 12/345-6", f"{docs['contract.pdf']}: K-2019/77"])
    assert groups["Cited by"] == [f"{docs['note_de.pdf']}: 7-AB/2021"]
    assert groups["Other links"] == []


def test_activating_a_link_asks_to_open_the_other_document_with_the_reference_on_both(qtbot, reviewed):
    case, docs, _ = reviewed
    panel = LinksPanel(case)
    qtbot.addWidget(panel)
    panel.set_document(docs["letter_ru.pdf"])
    cited_by = panel.tree.topLevelItem(1).child(0)  # the invoice cites this letter
    with qtbot.waitSignal(panel.open_pair_requested) as blocker:
        panel.tree.itemActivated.emit(cited_by, 0)
    pair: LinkedPair = blocker.args[0]
    assert (pair.this_doc, pair.other_doc, pair.reference) == (docs["letter_ru.pdf"], docs["invoice_en.pdf"], "12/345-6")
    # On this letter the highlight is where it prints its own number; on the invoice, where it cites it.
    assert pair.this_rect is not None and pair.this_rect.y0 < 80
    assert pair.other_rect is not None and pair.other_page == 1 and pair.other_rect.y0 > pair.this_rect.y0


def test_find_citations_adds_new_links_and_says_so(qtbot, letters_case):
    from evidence_desk.core.documents import update_details

    case, docs = letters_case
    update_details(case, docs["letter_ru.pdf"], reference="Исх. № 12/345-6")
    panel = LinksPanel(case)
    qtbot.addWidget(panel)
    panel.set_document(docs["letter_ru.pdf"])
    assert _groups(panel)["Cited by"] == []
    with qtbot.waitSignal(panel.links_changed):
        panel.find_button.click()
    assert _groups(panel)["Cited by"] == [f"{docs['invoice_en.pdf']}: invoice_en.pdf"]
    assert "1 link;" in panel.summary.text()  # the English plural form (resources/i18n/evidence_desk_en.ts)
