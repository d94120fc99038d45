"""The entity view: names in every script, every mention, page thumbnails from the render service."""

from __future__ import annotations

from evidence_desk.ui.panels.entity_view import EntityView


def test_the_view_lists_every_mention_across_documents_and_marks_suggested_ones(qtbot, reviewed):
    case, _, plant = reviewed
    view = EntityView(case)
    qtbot.addWidget(view)
    assert view.title.text() == "No entity chosen."
    view.set_entity(plant)
    texts = [view.list.item(i).text() for i in range(view.list.count())]
    assert "ОАО «Завод Пример» — organisation" in view.title.text()
    assert "JSC Primer Plant" in view.aliases.text() and "Primer-Werk" in view.aliases.text()
    assert any("letter_ru.pdf" in t for t in texts) and any("note_de.pdf" in t for t in texts)
    assert sum("[suggested]" in t for t in texts) == 1
    view.show_suggested.setChecked(False)
    assert view.list.count() == len(texts) - 1


def test_activating_a_mention_names_its_document_page_and_region(qtbot, reviewed):
    case, docs, plant = reviewed
    view = EntityView(case)
    qtbot.addWidget(view)
    view.set_entity(plant)
    with qtbot.waitSignal(view.mention_activated) as blocker:
        view.list.itemActivated.emit(view.list.item(0))
    doc_id, page, rect = blocker.args
    assert doc_id in docs.values() and page == 1 and rect is not None and rect.width > 0


def test_thumbnails_come_from_the_render_service(qtbot, reviewed):
    from evidence_desk.ui.viewer.render_service import RenderService

    case, _, plant = reviewed
    service = RenderService(workers=1)
    try:
        view = EntityView(case, render_service=service)
        qtbot.addWidget(view)
        view.set_entity(plant)
        qtbot.waitUntil(lambda: view.thumbnails_pending() == 0, timeout=60_000)
        assert all(not view.list.item(i).icon().isNull() for i in range(view.list.count()))
    finally:
        service.close()
