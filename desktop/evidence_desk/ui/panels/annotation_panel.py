"""The annotation panel: a dockable set of tabs built from the registry's entries."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from evidence_desk.core.commands.changes import Changes
from evidence_desk.ui.panels.base import (
    AnnotationTab,
    PanelContext,
    PanelSpec,
    build_panel,
    tell_entity,
    tell_location,
    tell_refresh,
)


class AnnotationPanel(QDockWidget):
    def __init__(self, ctx: PanelContext, entries: Sequence[type[AnnotationTab] | PanelSpec],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Annotations"), parent)
        self.setObjectName("AnnotationPanel")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.pages: list[QWidget] = []
        for entry in entries:
            title, widget = build_panel(entry, ctx)
            self.pages.append(widget)
            self.tabs.addTab(widget, QCoreApplication.translate("Panels", title))
        self.setWidget(self.tabs)
        ctx.undo.changed.connect(self.refresh)

    def set_location(self, doc_id: int | None, page: int | None) -> None:
        for tab in self.pages:
            tell_location(tab, doc_id, page)

    def set_entity(self, entity_id: int | None) -> None:
        for tab in self.pages:
            tell_entity(tab, entity_id)

    def refresh(self, changes: Changes | None = None) -> None:
        for tab in self.pages:
            tell_refresh(tab, changes)

    def tab(self, cls: type[QWidget]) -> QWidget:
        return next(t for t in self.pages if isinstance(t, cls))

    def show_tab(self, cls: type[QWidget]) -> QWidget:
        tab = self.tab(cls)
        self.tabs.setCurrentWidget(tab)
        self.show()
        self.raise_()
        return tab
