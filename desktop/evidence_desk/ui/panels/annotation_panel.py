"""The annotation panel: a dockable set of tabs built from a list of tab classes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDockWidget, QTabWidget, QWidget

from evidence_desk.ui.panels.base import AnnotationTab, PanelContext


class AnnotationPanel(QDockWidget):
    def __init__(self, ctx: PanelContext, tab_classes: Sequence[type[AnnotationTab]],
                 parent: QWidget | None = None) -> None:
        super().__init__("Annotations", parent)
        self.setObjectName("AnnotationPanel")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.pages: list[AnnotationTab] = []
        for cls in tab_classes:
            tab = cls(ctx)
            self.pages.append(tab)
            self.tabs.addTab(tab, cls.title)
        self.setWidget(self.tabs)
        ctx.undo.changed.connect(lambda _edit: self.refresh())

    def set_location(self, doc_id: int | None, page: int | None) -> None:
        for tab in self.pages:
            tab.set_location(doc_id, page)

    def refresh(self) -> None:
        for tab in self.pages:
            tab.refresh()

    def tab(self, cls: type[AnnotationTab]) -> AnnotationTab:
        return next(t for t in self.pages if isinstance(t, cls))

    def show_tab(self, cls: type[AnnotationTab]) -> AnnotationTab:
        tab = self.tab(cls)
        self.tabs.setCurrentWidget(tab)
        self.show()
        self.raise_()
        return tab
