"""The reviewer window. It composes the parts and wires their signals; the work
itself lives in the parts (browser, workspace, panels, tools, jobs) and in core."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.queries.team_changes import TeamChanges
from evidence_desk.ui import about, accessibility, case_menu, layout, settings, theme, welcome
from evidence_desk.ui.actions import build_actions, with_mnemonics
from evidence_desk.ui.browser import CaseBrowser
from evidence_desk.ui.browser.thumbnails import ThumbnailLoader
from evidence_desk.ui.db_executor import DbExecutor
from evidence_desk.ui.importing import ImportController, local_paths
from evidence_desk.ui.jobs import Job, JobManager, JobStatusWidget
from evidence_desk.ui.lock.idle_lock import attach_idle_lock
from evidence_desk.ui.ocr_resume import OcrResumeOffer
from evidence_desk.ui.panels.annotation_panel import AnnotationPanel
from evidence_desk.ui.panels.base import (
    PanelContext,
    build_panel,
    tell_entity,
    tell_location,
    tell_refresh,
)
from evidence_desk.ui.panels.registry import ANNOTATION_TABS, DOCK_PANELS
from evidence_desk.ui.read_only import apply_read_only
from evidence_desk.ui.team_refresh import TeamRefresh
from evidence_desk.ui.tools.controller import ToolController
from evidence_desk.ui.undo import UndoController
from evidence_desk.ui.viewer.render_service import RenderService
from evidence_desk.ui.workspace import ElidedLabel, Workspace

# What the viewers draw over pages (entities: a renamed entity's name in a tooltip).
OVERLAY_KINDS = ("mentions", "redactions", "notes", "entities")
DOCK_AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
              "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}


class MainWindow(QMainWindow):
    # The application replaces this window with one on the chosen case (ui/app.py Session).
    caseSwitchRequested = Signal(object)  # Path of an existing case
    caseCreateRequested = Signal(object)  # Path of an empty or new folder
    caseCloseRequested = Signal()

    def __init__(self, case: Case, render_service: RenderService | None = None, *,
                 read_only_notice: str | None = None) -> None:
        """`render_service`: share one between windows (tests do); by default the window owns one.
        `read_only_notice`: why the case opened read-only (another window holds its lock)."""
        super().__init__()
        self.case = case
        self.setWindowTitle(self.tr("{name} — Evidence Desk").format(name=case.path.name)
                            + (self.tr(" [read-only]") if case.read_only else ""))
        self.setAcceptDrops(not case.read_only)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.db = DbExecutor(self)  # the one thread for the window's database writes and slow reads
        self.undo = UndoController(case, self.db, self)
        self._owns_renderer = render_service is None
        self.render_service = render_service or RenderService(parent=self)
        self.render_service.read_originals_of(case)  # before the first thumbnail is asked for
        self.workspace = Workspace(case, self.render_service, self)
        self.setCentralWidget(self.workspace)
        self.tools = ToolController(case, self.undo, self)
        for viewer in self.workspace.viewers():
            self.tools.attach(viewer)
        self._build_status_bar()
        self.jobs = JobManager(self.job_status, self)
        self.jobs.jobFinished.connect(self._job_finished)
        self.importer = ImportController(case, self.jobs, self)
        self.importer.imported.connect(lambda _report: self.browser.reload())
        self.ocr_resume = OcrResumeOffer(case, self.jobs, self.statusBar())
        self.ocr_resume.resumed.connect(lambda _report: self.refresh_views())

        self.browser = CaseBrowser(case)
        self.browser_dock = self._dock(QT_TRANSLATE_NOOP("Panels", "Case"), "CaseBrowser", self.browser, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.thumbnails = ThumbnailLoader(case, self.render_service, self.browser.model, self)
        self.browser.thumbnailsWanted.connect(self.thumbnails.load)
        self.thumbnails.load([row.id for row in self.browser.model.rows])  # the first reload ran already
        self.browser.openRequested.connect(lambda doc, side: self.open_document(doc, side))
        self.browser.hitActivated.connect(self.open_hit)
        self.workspace.documentRequested.connect(lambda doc, side, page: self.open_document(doc, side, page))

        self.ctx = PanelContext(case, self.undo, self.open_page, self.tools, self, self.render_service,
                                open_pair=self.open_pair, select_entity=self.select_entity,
                                case_changed=lambda: self.refresh_views())
        self.annotations = AnnotationPanel(self.ctx, ANNOTATION_TABS, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations)
        self.extra_docks: list[QWidget] = []
        self.docks_by_title: dict[str, QDockWidget] = {}
        self.hidden_by_default: list[QDockWidget] = []
        for spec in DOCK_PANELS:
            title, widget = build_panel(spec, self.ctx)
            self.extra_docks.append(widget)
            dock = self._dock(title, f"{title}Dock", widget, DOCK_AREAS[spec.area])
            if spec.tab_with in self.docks_by_title:
                self.tabifyDockWidget(self.docks_by_title[spec.tab_with], dock)
                self.docks_by_title[spec.tab_with].raise_()
            self.docks_by_title[title] = dock
            if not spec.visible:
                self.hidden_by_default.append(dock)
                dock.hide()

        self.workspace.locationChanged.connect(self._location_changed)
        self.workspace.activeViewerChanged.connect(lambda _v: self._show_zoom())
        for viewer in self.workspace.viewers():
            viewer.zoomChanged.connect(lambda _z: self._show_zoom())
            viewer.overlayActivated.connect(self._overlay_activated)
        self.undo.changed.connect(self._case_changed)
        self.undo.failed.connect(self.show_error)
        self.tools.message.connect(lambda m: self.statusBar().showMessage(m, 5000))
        self.tools.modeChanged.connect(lambda _m: self.mode_label.setText(self.tools.describe()))

        self.edit_commands: list[QAction] = []  # menu commands that change the case (build_actions fills it)
        self.actions_ = build_actions(self)
        self.read_only_banner = None
        if case.read_only:
            self.read_only_banner = apply_read_only(self, read_only_notice)
            self.workspace.layout().insertWidget(0, self.read_only_banner)
        toggles = [d.toggleViewAction() for d in self.findChildren(QDockWidget)] + [self.toolbar.toggleViewAction()]
        for toggle in with_mnemonics(toggles):
            self.panels_menu.addAction(toggle)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.compact = False  # docks folded into tabs for a narrow window (layout.adapt)
        layout.fit_to_screen(self)
        self.default_state = self.saveState(layout.LAYOUT_VERSION)
        self.persist_layout = True
        self.restore_layout()
        self.actions_.dark.setChecked(settings.dark_mode())
        self._location_changed(None, None)
        welcome.install(self)
        accessibility.name_controls(self)
        self.idle_lock = attach_idle_lock(self, case)
        # Others' changes (a colleague, the command line, another window): read from the audit log.
        self.team = TeamRefresh(case, self.db, self, paused=lambda: self.idle_lock is not None
                                and self.idle_lock.is_locked)
        self.team.arrived.connect(self._team_changed)

    # -- composition helpers -------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: object, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(QCoreApplication.translate("Panels", title), self)  # `title` is its English key
        dock.setObjectName(name)
        dock.setWidget(widget)  # type: ignore[arg-type]
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.location_label = ElidedLabel()  # a long file name must not widen the window
        self.zoom_label = QLabel()
        self.mode_label = QLabel(self.tr("Tool: select (text)"))
        self.job_status = JobStatusWidget()
        self.location_label.setMinimumWidth(120)
        for w in (self.job_status, self.location_label, self.zoom_label, self.mode_label):
            bar.addPermanentWidget(w, 1 if w is self.location_label else 0)

    # -- opening documents ---------------------------------------------------------------------

    def viewer(self):  # type: ignore[no-untyped-def]
        return self.workspace.active_viewer()

    def open_document(self, doc_id: int, side: int | None = None, page: int = 1):  # type: ignore[no-untyped-def]
        """Show `doc_id` on a side (None: the active one); returns that side's viewer."""
        try:
            viewer = self.workspace.open(doc_id, self.browser.title_of(doc_id), side, page)
        except EvidenceDeskError as exc:  # e.g. removed meanwhile by the command line
            self.show_error(str(exc))
            return self.viewer()
        self.browser.select(doc_id)
        return viewer

    def open_page(self, doc_id: int, page: int) -> None:
        """Show `page` of `doc_id` in the active viewer (opening the document if needed)."""
        viewer = self.viewer()
        if viewer.document_id == doc_id:
            viewer.go_to_page(page)
        else:
            self.open_document(doc_id, None, page)

    def open_hit(self, doc_id: int, page: int, terms: list[str]) -> None:
        viewer = self.viewer()
        if viewer.document_id != doc_id:
            viewer = self.open_document(doc_id, None, page)
        viewer.highlight_terms(terms)
        viewer.show_search_hits(page, terms)

    def open_pair(self, pair: Any) -> None:
        """A link's two documents side by side: this one where it is, the other on the other side."""
        this_side = self.workspace.slots.index(self.workspace.active)
        self.open_document(pair.this_doc, this_side, pair.this_page).go_to_page(pair.this_page)
        self.open_document(pair.other_doc, 1 - this_side, pair.other_page).go_to_page(pair.other_page)
        if pair.reference:
            for viewer in self.workspace.viewers():
                viewer.highlight_terms([pair.reference])

    def select_entity(self, entity_id: int | None) -> None:
        self.annotations.set_entity(entity_id)
        for widget in self.extra_docks:
            tell_entity(widget, entity_id)

    def open_selected(self, side: int) -> None:
        ids = self.browser.selected_ids()
        if ids:
            self.open_document(ids[0], side)

    def activate_other_viewer(self) -> None:
        other = 1 - self.workspace.slots.index(self.workspace.active)
        self.workspace.set_active_side(other)
        self.viewer().setFocus()

    def step_page(self, delta: int) -> None:
        viewer = self.viewer()
        if viewer.document_id is not None:
            viewer.go_to_page(max(1, viewer.current_page() + delta))

    def ask_page(self) -> None:
        viewer = self.viewer()
        if viewer.document_id is None:
            return
        page, ok = QInputDialog.getInt(self, self.tr("Go to page"), self.tr("Page:"), viewer.current_page(), 1, 100_000)
        if ok:
            viewer.go_to_page(page)

    # -- reacting to changes -------------------------------------------------------------------

    def _location_changed(self, doc_id: int | None, page: int | None) -> None:
        self.annotations.set_location(doc_id, page)
        for widget in self.extra_docks:
            tell_location(widget, doc_id, page)
        side = self.tr("left") if self.workspace.active is self.workspace.slots[0] else self.tr("right")
        self.location_label.setText(self.tr("No document") if doc_id is None
                                    else self.tr("{side}: {title} · p. {page}").format(
                                        side=side, title=self.browser.title_of(doc_id), page=page))
        self._show_zoom()

    def _show_zoom(self) -> None:
        viewer = self.viewer()
        # The same number as the viewer's zoom box: 100 % is the page's actual size on screen.
        self.zoom_label.setText(f"{viewer.zoom_percent():.0f}%" if viewer.document_id is not None else "")

    def _case_changed(self, changes: Changes) -> None:
        if changes.touches("documents") or changes.touches("redactions"):  # redactions: failed-redaction badges
            self.browser.reload()
        self.refresh_views(changes, panels=False)  # the annotation panel listens to the undo stack itself

    def _team_changed(self, news: TeamChanges) -> None:
        """Others' changes (TeamChanges): refresh what they touched, say who did what."""
        self._case_changed(news.changes)
        self.annotations.refresh(news.changes)
        text = self.team.describe(news)
        if text:
            self.statusBar().showMessage(text, 8000)

    def refresh_views(self, changes: Changes | None = None, panels: bool = True) -> None:
        """Redraw what shows what `changes` touched (None: everything): viewer overlays,
        docks (and the annotation tabs)."""
        changes = changes if changes is not None else Changes.everything()
        for viewer in self.workspace.viewers():
            if viewer.document_id is not None and changes.touches_document(viewer.document_id, *OVERLAY_KINDS):
                viewer.refresh_overlays()
        for widget in self.extra_docks:
            tell_refresh(widget, changes)
        if panels:
            self.annotations.refresh(changes)

    def _overlay_activated(self, kind: str, record_id: int) -> None:
        from evidence_desk.ui.panels.mentions_panel import MentionsTab
        from evidence_desk.ui.panels.notes_panel import NotesTab
        from evidence_desk.ui.panels.redactions_panel import RedactionsTab

        cls = {"mention": MentionsTab, "note": NotesTab, "redaction": RedactionsTab}.get(kind)
        if cls is None:
            return
        tab = self.annotations.show_tab(cls)
        if not tab.table.select_record(record_id):  # type: ignore[attr-defined]
            tab.scope.doc_button.setChecked(True)  # type: ignore[attr-defined]  # on another page
            tab.table.select_record(record_id)  # type: ignore[attr-defined]

    def _job_finished(self, job: Job) -> None:
        if job.error and job.error != "cancelled":
            self.show_error(f"{job.title} failed: {job.error}")
        elif job.error == "cancelled":
            self.statusBar().showMessage(self.tr("{title}: cancelled").format(title=job.title), 5000)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10_000)
        box = QMessageBox(QMessageBox.Icon.Warning, "Evidence Desk", message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- commands ------------------------------------------------------------------------------

    def note_on_page(self) -> None:
        viewer = self.viewer()
        if viewer.document_id is not None:
            self.tools.start_note(viewer.document_id, viewer.current_page())

    def note_on_document(self) -> None:
        viewer = self.viewer()
        if viewer.document_id is not None:
            self.tools.start_note(viewer.document_id, None)

    def import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import files"), str(Path.home()),
            self.tr("Documents (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.webp *.bmp *.gif);;All files (*)"))
        if files:
            self.importer.start([Path(f) for f in files])

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder"), str(Path.home()))
        if folder:
            self.importer.start([Path(folder)])

    def new_case(self) -> None:
        case_menu.new_case(self)

    def open_case(self) -> None:
        case_menu.open_case(self)

    def close_case(self) -> None:
        self.caseCloseRequested.emit()

    def _fill_recent(self) -> None:
        case_menu.fill_recent(self, self.recent_menu)

    def set_page_thumbnails(self, on: bool) -> None:
        for viewer in self.workspace.viewers():
            viewer.set_thumbnails_visible(on)

    def set_dark(self, on: bool) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply_theme(app, dark=on)
        settings.set_dark_mode(on)

    def about(self) -> None:
        about.show_about(self)

    # -- drag and drop of files to import ------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and local_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if paths:
            event.acceptProposedAction()
            self.importer.start(paths)

    # -- layout persistence, closing -----------------------------------------------------------

    def save_layout(self) -> None:
        if self.persist_layout:
            layout.save(self)

    def restore_layout(self) -> None:
        layout.restore(self)

    def reset_layout(self) -> None:
        layout.reset(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        layout.adapt(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.idle_lock is not None:
            self.idle_lock.stop()
        self.save_layout()
        self.team.stop()
        self.jobs.shutdown()
        self.db.shutdown()
        for viewer in self.workspace.viewers():
            viewer.close_document()
        if self._owns_renderer:
            self.render_service.close()
        super().closeEvent(event)
