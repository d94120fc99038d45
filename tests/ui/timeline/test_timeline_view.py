"""The timeline widget: events in date order on a strip and in a table, filtered by entity."""

from __future__ import annotations

from evidence_desk.ui.panels.common import ROW_ID_ROLE
from evidence_desk.ui.timeline.timeline_view import TimelineView


def _dates(view: TimelineView) -> list[str]:
    return [view.table.item(r, 0).text() for r in range(view.table.rowCount())]


def test_events_are_listed_in_date_order_and_drawn_on_the_strip(qtbot, reviewed):
    case, _, _ = reviewed
    view = TimelineView(case)
    qtbot.addWidget(view)
    view.resize(800, 400)
    view.show()
    dates = _dates(view)
    assert dates and dates == sorted(dates) and dates[0] == "2019-11-20"
    assert view.strip.x_of(dates[0]) < view.strip.x_of(dates[-1])
    assert not view.strip.grab().isNull()


def test_choosing_an_entity_filters_the_events(qtbot, reviewed):
    case, docs, plant = reviewed
    view = TimelineView(case)
    qtbot.addWidget(view)
    everything = len(view.events)
    index = view.filter.findData(plant)
    assert index > 0
    view.filter.setCurrentIndex(index)
    assert view.entity_id == plant and 0 < len(view.events) <= everything
    assert {e.doc_id for e in view.events} <= set(docs.values())
    view.set_entity(None)
    assert view.filter.currentIndex() == 0 and len(view.events) == everything


def test_activating_an_event_names_its_document_and_page(qtbot, reviewed):
    case, _, _ = reviewed
    view = TimelineView(case)
    qtbot.addWidget(view)
    first = view.table.item(0, 0)
    event = view.events[int(first.data(ROW_ID_ROLE))]
    with qtbot.waitSignal(view.event_activated) as blocker:
        view.table.itemActivated.emit(first)
    assert blocker.args == [event.doc_id, event.page or 1]
    assert event.date == first.text()
