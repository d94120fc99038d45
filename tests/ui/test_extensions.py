"""Panels and commands other features plug into the window (links, entity, timeline, redact all)."""

from __future__ import annotations

from sqlalchemy import select

from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.db.models import Mention, Redaction
from evidence_desk.core.geometry import Rect
from evidence_desk.ui.panels.entity_view import EntityView
from evidence_desk.ui.panels.links_panel import LinkedPair, LinksPanel
from evidence_desk.ui.panels.mentions_panel import MentionsTab
from evidence_desk.ui.panels.registry import DOCK_PANELS
from evidence_desk.ui.timeline.timeline_view import TimelineView
from evidence_desk.ui.tools.redact_all import redact_every_occurrence
from tests.ui.conftest import doc_id_by_name


def _dock_widget(window, cls):
    return next(w for w in window.extra_docks if isinstance(w, cls))


def test_every_registered_dock_is_built_and_listed_in_the_panels_menu(window):
    titles = {a.text().replace("&", "") for a in window.panels_menu.actions()}  # "&Links": a mnemonic
    assert {spec.title for spec in DOCK_PANELS} <= titles
    assert not window.docks_by_title["Timeline"].isVisible()  # opened from View › Panels
    assert window.docks_by_title["Links"].isVisible()


def test_links_panel_follows_the_active_document(window, ui_case):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    window.open_document(letter, 0)
    assert _dock_widget(window, LinksPanel).doc_id == letter


def test_selecting_a_mention_selects_its_entity_in_the_entity_and_timeline_views(window, ui_case, qtbot):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    tag = Tag(letter, 1, "Anton Petrov", "person", rect=Rect(70, 100, 200, 120))
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(tag)
    window.open_document(letter, 0)
    mentions = window.annotations.show_tab(MentionsTab)
    mentions.table.selectRow(0)
    with ui_case.read() as s:
        entity_id = s.get(Mention, tag.created_id).entity_id
    assert _dock_widget(window, EntityView).entity_id == entity_id
    assert _dock_widget(window, TimelineView).entity_id == entity_id


def test_a_link_opens_both_documents_side_by_side(window, ui_case):
    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    note = doc_id_by_name(ui_case, "c_note_verbale.pdf")
    window.workspace.set_active_side(0)
    window.open_pair(LinkedPair(1, "cites", letter, 2, None, note, 2, None, "Zelenograd"))
    left, right = window.workspace.viewers()
    assert (left.document_id, right.document_id) == (letter, note)
    assert right.current_page() == 2


def _preview(qtbot, search):
    assert search is not None
    with qtbot.waitSignal(search.previewShown, timeout=60_000) as shown:
        pass  # found in a background job; the preview opens when it is done
    return shown.args[0]


def test_redact_every_occurrence_previews_then_marks_through_the_undo_stack(window, ui_case, qtbot):
    dialog = _preview(qtbot, redact_every_occurrence(window, "Zelenograd"))
    assert len(dialog.hits) == 2
    with qtbot.waitSignal(window.undo.changed):
        dialog._confirm()
    with ui_case.read() as s:
        reds = s.execute(select(Redaction)).scalars().all()
    assert len(reds) >= 2 and {r.match_text for r in reds} == {"Zelenograd"}
    with qtbot.waitSignal(window.undo.changed):
        window.undo.undo()
    with ui_case.read() as s:
        assert s.execute(select(Redaction)).scalars().all() == []


def test_redact_every_occurrence_of_an_entity_name_reaches_its_aliases(window, ui_case, qtbot):
    from evidence_desk.core.commands.entities import AddAlias

    letter = doc_id_by_name(ui_case, "a_letter.pdf")
    with qtbot.waitSignal(window.undo.changed):
        window.undo.push(Tag(letter, 1, "Zelo Works", "organisation", rect=Rect(70, 100, 200, 120)))
    ui_case.apply(AddAlias("Zelo Works", "Zelenograd"))
    dialog = _preview(qtbot, redact_every_occurrence(window, "Zelo Works"))
    texts = [h.text for h in dialog.hits]
    assert texts.count("Zelenograd") == 2  # the alias, found although "Zelo Works" is not on the page
    assert any(h.source == "mention" for h in dialog.hits)  # and the tagged region


def test_every_occurrence_is_found_off_the_main_thread_and_fills_the_preview(window, ui_case, qtbot, monkeypatch):
    import threading

    from evidence_desk.ui.tools import redact_all

    threads: list[threading.Thread] = []
    real = redact_all.find_for_preview

    def recording(case, text, progress):  # the real search, noting the thread it runs on
        threads.append(threading.current_thread())
        return real(case, text, progress)

    monkeypatch.setattr(redact_all, "find_for_preview", recording)
    search = redact_every_occurrence(window, "Zelenograd")
    dialog = _preview(qtbot, search)
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.model.rowCount() == len(search.job.result.hits) == 2
    assert set(search.job.result.sources) == {(h.document_id, h.page) for h in dialog.hits}
    dialog.reject()
