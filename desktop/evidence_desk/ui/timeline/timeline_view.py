"""A timeline of documents and dated events, filterable by entity.

A strip across the top places every event on a date axis (one dot per event,
coloured by kind); the table below lists them in order. Choosing an entity in
the filter shows only events from documents that mention it. Activating an
event emits `event_activated(doc, page)` (page 1 for a document's own date)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from evidence_desk.core.case import Case
from evidence_desk.core.queries.entities import list_entities
from evidence_desk.core.queries.timeline import TimelineEvent, timeline
from evidence_desk.ui.panels.common import ROW_ID_ROLE, ROW_PAGE_ROLE, RecordTable
from evidence_desk.ui.terms import term

KIND_COLOURS = {"document": "#2f6fb5", "dated_mention": "#b8860b", "custody": "#6c757d"}
KIND_LABELS = {"document": QT_TRANSLATE_NOOP("TimelineView", "Document"),
               "dated_mention": QT_TRANSLATE_NOOP("TimelineView", "Date in text"),
               "custody": QT_TRANSLATE_NOOP("TimelineView", "Custody")}


def _ordinal(iso: str) -> int | None:
    parts = [*iso.split("-"), "01", "01"][:3]
    try:
        return date(int(parts[0]), int(parts[1] or 1), int(parts[2] or 1)).toordinal()
    except ValueError:
        return None


class TimelineStrip(QWidget):
    """The events on a date axis; years marked underneath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[TimelineEvent] = []
        self.setMinimumHeight(56)

    def sizeHint(self) -> QSize:
        return QSize(600, 64)

    def set_events(self, events: list[TimelineEvent]) -> None:
        self.events = events
        self.update()

    def span(self) -> tuple[int, int] | None:
        """The axis runs over the documents' own dates (their dates and the dates in their text).
        Custody events are mostly "imported today": counted in, they would squash years of
        correspondence to the left. They set the axis only when nothing else is dated."""
        own = [d for d in (_ordinal(e.date) for e in self.events if e.kind != "custody") if d is not None]
        days = own or [d for d in (_ordinal(e.date) for e in self.events) if d is not None]
        return (min(days), max(days)) if days else None

    def x_of(self, iso: str) -> float | None:
        """Where a date falls on the axis; None off the axis (a custody event after the letters)."""
        span, day = self.span(), _ordinal(iso)
        if span is None or day is None or not span[0] <= day <= span[1]:
            return None
        lo, hi = span
        margin = 12.0
        width = max(1.0, self.width() - 2 * margin)
        return margin + (0.5 if hi == lo else (day - lo) / (hi - lo)) * width

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        axis_y = self.height() - 20.0
        painter.setPen(QPen(self.palette().windowText().color(), 1))
        painter.drawLine(QPointF(8, axis_y), QPointF(self.width() - 8, axis_y))
        span = self.span()
        if span is not None:
            for year in range(date.fromordinal(span[0]).year, date.fromordinal(span[1]).year + 1):
                x = self.x_of(f"{year}-01-01")
                if x is not None and 0 <= x <= self.width():
                    painter.drawLine(QPointF(x, axis_y - 3), QPointF(x, axis_y + 3))
                    painter.drawText(QRectF(x - 20, axis_y + 4, 40, 14), Qt.AlignmentFlag.AlignCenter, str(year))
        stacked: dict[int, int] = {}
        for ev in self.events:
            x = self.x_of(ev.date)
            if x is None:
                continue
            level = stacked.get(round(x / 6), 0)
            stacked[round(x / 6)] = level + 1
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(KIND_COLOURS.get(ev.kind, "#333333")))
            painter.drawEllipse(QPointF(x, axis_y - 8 - 7 * (level % 4)), 3.5, 3.5)
        painter.end()


class TimelineView(QWidget):
    refresh_on = ("documents", "mentions", "entities", "provenance")  # (see core.commands.changes)
    event_activated = Signal(int, int)  # document id, page

    def __init__(self, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.entity_id: int | None = None
        self.events: list[TimelineEvent] = []
        self.filter = QComboBox()
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.strip = TimelineStrip()
        self.table = RecordTable((self.tr("Date"), self.tr("Kind"), self.tr("Event"), self.tr("Detail")), stretch=2)
        self.table.itemActivated.connect(self._activated)
        self.table.itemDoubleClicked.connect(self._activated)
        self.summary = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Entity:")))
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.strip)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        self.refresh()

    def set_entity(self, entity_id: int | None) -> None:
        self.entity_id = entity_id
        index = self.filter.findData(entity_id)
        if index >= 0 and index != self.filter.currentIndex():
            self.filter.blockSignals(True)
            self.filter.setCurrentIndex(index)
            self.filter.blockSignals(False)
        self._load_events()

    def refresh(self) -> None:
        """Re-read entities and events (after edits)."""
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(self.tr("All entities"), None)
        for row in list_entities(self.case):
            if row.mentions:
                self.filter.addItem(f"{row.name} ({term(row.type)})", row.id)
        index = self.filter.findData(self.entity_id)
        self.filter.setCurrentIndex(max(0, index))
        if index < 0:
            self.entity_id = None
        self.filter.blockSignals(False)
        self._load_events()

    def _filter_changed(self, _index: int) -> None:
        self.entity_id = self.filter.currentData()
        self._load_events()

    def _load_events(self) -> None:
        self.events = timeline(self.case, self.entity_id)
        self.strip.set_events(self.events)
        self.table.fill([
            (i, ev.page or 1, (ev.date, self.tr(KIND_LABELS[ev.kind]) if ev.kind in KIND_LABELS else ev.kind, ev.title, ev.detail),
             KIND_COLOURS.get(ev.kind))
            for i, ev in enumerate(self.events)
        ])
        self.table.sortItems(0)
        docs = len({e.doc_id for e in self.events})
        self.summary.setText(self.tr("%n event(s)", "", len(self.events)) + " " + self.tr("in %n document(s)", "", docs)
                             if self.events else self.tr("No dated documents or events yet."))

    def _activated(self, item: QTableWidgetItem) -> None:
        ev = self.events[int(item.data(ROW_ID_ROLE))]
        self.event_activated.emit(ev.doc_id, int(item.data(ROW_PAGE_ROLE) or 1))
