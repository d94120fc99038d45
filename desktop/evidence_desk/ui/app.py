"""The GUI application: QApplication, theme, the case, the main window, the screenshot mode.

`run_gui` is what `evidence-desk gui` calls. With `screenshot`, the window is
shown at 1600×1000, the first two documents open side by side, and once both
first pages are drawn (or a timeout passes) the window is saved as a PNG and
the application quits."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from evidence_desk.core.errors import CancelledError, EvidenceDeskError
from evidence_desk.ui import settings

if TYPE_CHECKING:
    from evidence_desk.core.case import Case
    from evidence_desk.core.case_lock import CaseLock
    from evidence_desk.ui.viewer.render_service import RenderService

# The case, SQLAlchemy and the window are imported inside functions, after the render
# service has started its sandbox workers (they load PyMuPDF meanwhile) and after the
# remembered first page is on screen (ui/first_page.py): a faster first page.

log = logging.getLogger(__name__)
APP_ID = "org.evidencedesk.EvidenceDesk"
SCREENSHOT_SIZE = (1600, 1000)
RENDER_TIMEOUT_MS = 20_000


def qt_application() -> QApplication:
    """The QApplication with its names: enough for the render service and the first page."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Evidence Desk")
    app.setOrganizationName("EvidenceDesk")
    app.setDesktopFileName(APP_ID)  # before any window: the desktop matches windows to it
    return app


def application() -> QApplication:
    """The QApplication with the application's names, translations and theme."""
    from evidence_desk.ui import i18n, theme

    app = qt_application()
    settings.move_old_preferences()
    i18n.install(app)  # before any window: strings are translated when widgets are built
    theme.apply_theme(app, dark=settings.dark_mode())
    if not getattr(app, "_follows_system_theme", False):  # application() runs once per window in tests
        theme.follow_system(app, settings.dark_mode)
        app._follows_system_theme = True  # type: ignore[attr-defined]
    return app


class Session:
    """The open case and its window; opening another case replaces both.

    The render service (its sandbox workers) is started first and outlives the
    windows: its workers import PyMuPDF while this process imports the rest."""

    def __init__(self, app: QApplication, author: str | None, *, passphrase: str | None = None,
                 interactive: bool = True, render_service: RenderService | None = None) -> None:
        """`render_service`: one to share (tests do); by default the session starts its own."""
        from evidence_desk.ui.viewer.render_service import RenderService

        self.app = app
        self.author = author
        self.passphrase = passphrase  # an encrypted case's, given on the command line
        self.interactive = interactive  # False: never ask (a screenshot run)
        self._owns_renderer = render_service is None
        self.render_service = render_service or RenderService()
        self.case: Case | None = None
        self.lock: CaseLock | None = None
        self.window = None
        self.first_frame = None  # ui/first_page.FirstFrame until the full window takes its place
        self._closing = _RememberOnClose()
        self._creating: object | None = None  # the job making an encrypted new case

    def show_first_page(self, path: Path) -> object | None:
        """Show the page this case's window showed last, before the case and the window are
        built (ui/first_page.py); return the frame once that page is painted, else None
        (nothing remembered, an encrypted case, the original gone, the worker failed)."""
        from evidence_desk.ui.first_page import FirstFrame, recall

        first = recall(path)
        if first is None:
            return None
        frame = FirstFrame(path, first, self.render_service)
        self.first_frame = frame
        loop = QEventLoop()
        frame.drawn.connect(loop.quit)
        frame.failed.connect(loop.quit)
        frame.show()
        if not frame.settled():
            loop.exec()
        frame.disconnect_service()
        if not frame.is_drawn:
            return None
        log.info("first page shown: page %d at scale %s, %d × %d px", first.page, first.scale,
                 frame.picture.width(), frame.picture.height())  # type: ignore[union-attr]
        return frame

    def create(self, request: object) -> None:
        """Case › New Case…: a folder (a plain case) is made and opened at once; a NewCase with a
        passphrase is made and encrypted on a worker thread first (Argon2id and the conversion
        take a second or more), then opened with that passphrase, which is not kept."""
        from evidence_desk.ui.dialogs.case_dialogs import NewCase

        if not isinstance(request, NewCase) or request.passphrase is None:
            self.open(Path(getattr(request, "path", request)), create=True)  # type: ignore[arg-type]
            return
        from PySide6.QtCore import QCoreApplication, Qt
        from PySide6.QtWidgets import QProgressDialog

        from evidence_desk.core.crypto.create import create_case
        from evidence_desk.ui.jobs import run_in_thread

        parent = self.window
        busy = QProgressDialog(QCoreApplication.translate("Session", "Creating the encrypted case {path}…").format(
            path=request.path), "", 0, 0, parent)
        busy.setCancelButton(None)  # the conversion is checked as a whole; it is not cut short
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        busy.setMinimumDuration(0)
        busy.show()

        def created(_report: object) -> None:
            busy.close()
            self.open(request.path, create=False, passphrase=request.passphrase)

        def failed(message: str) -> None:
            busy.close()
            if parent is not None:
                parent.show_error(message)  # type: ignore[attr-defined]

        self._creating = run_in_thread(
            lambda: create_case(request.path, author=self.author, passphrase=request.passphrase),
            created, failed, parent)  # type: ignore[arg-type]

    def open(self, path: Path, *, create: bool = True, passphrase: str | None = None) -> bool:
        """Open (or, with `create`, start) the case at `path` in a new window that replaces the
        current one. A folder that is no case, or a case too new, leaves the current window as
        it was and says why there; with no window yet the error is raised to the caller.

        The window holds the case's lock (core/case_lock.py) while it shows the case: a second
        window on the same case, or a case on read-only media, opens read-only and says so."""
        from evidence_desk.core.case_lock import open_for_window
        from evidence_desk.ui.lock.passphrase_dialog import CaseOpener
        from evidence_desk.ui.main_window import MainWindow

        # One opener for both tries (for writing, then read-only if the lock is held elsewhere):
        # an encrypted case's passphrase is asked once.
        opener = CaseOpener(path, create=create, author=self.author, passphrase=passphrase or self.passphrase,
                            parent=self.window, interactive=self.interactive)

        try:
            case, lock, notice = open_for_window(path, author=self.author, opener=opener)
        except EvidenceDeskError as exc:
            if self.window is None:
                raise
            self.window.show_error(str(exc))
            return False
        if case is None:  # the passphrase dialog was cancelled
            if self.window is None:
                raise CancelledError("the encrypted case was not opened (no passphrase)")
            return False
        _adopt_reason_codes(case)
        old_window, old_case, old_lock = self.window, self.case, self.lock
        self.case, self.lock = case, lock
        self.window = MainWindow(case, self.render_service, read_only_notice=notice)
        self.window.caseSwitchRequested.connect(lambda p: self.open(p, create=False))
        self.window.caseCreateRequested.connect(self.create)
        self.window.caseCloseRequested.connect(self.close_case)
        self.window.installEventFilter(self._closing)
        _show_demo_notice(case, self.window)
        settings.add_recent_case(case.path)
        self._take_over_first_frame(self.window)
        self._replace(old_window, old_case, old_lock)
        return True

    def _take_over_first_frame(self, window: object) -> None:
        """The full window opens the page the first frame showed, and takes its place."""
        frame, self.first_frame = self.first_frame, None
        if frame is None:
            return
        first = frame.first  # type: ignore[attr-defined]
        # Shown first, so "fit width" measures the real view (the page is then drawn from the
        # render service's cache), and before the frame closes: Qt quits with its last window.
        # Nothing is painted in between: painting waits for the event loop.
        window.show()  # type: ignore[attr-defined]
        if any(row.id == first.doc_id for row in window.browser.model.rows):  # type: ignore[attr-defined]
            window.open_document(first.doc_id, None, first.page)  # type: ignore[attr-defined]
        frame.close()  # type: ignore[attr-defined]
        frame.deleteLater()  # type: ignore[attr-defined]

    def close_case(self) -> None:
        """Case › Close Case: the case is closed (its lock released) and a window offering
        new, open and recent cases takes the place of its window."""
        from evidence_desk.ui.case_menu import NoCaseWindow

        old_window, old_case, old_lock = self.window, self.case, self.lock
        self.case, self.lock = None, None
        self.window = NoCaseWindow()
        self.window.caseSwitchRequested.connect(lambda p: self.open(p, create=False))
        self.window.caseCreateRequested.connect(self.create)
        self._replace(old_window, old_case, old_lock)

    def _replace(self, old_window: object, old_case: Case | None, old_lock: CaseLock | None) -> None:
        if old_window is not None:
            # Shown before the old one closes: Qt quits the application when its last
            # visible window closes, which is how New/Open Case used to end the program.
            self.window.show()  # type: ignore[union-attr]
            old_window.close()  # type: ignore[attr-defined]
            old_window.deleteLater()  # type: ignore[attr-defined]
        if old_case is not None:
            old_case.close()
        if old_lock is not None:
            old_lock.release()

    def close(self) -> None:
        if self.first_frame is not None:  # the case could not be opened after all
            self.first_frame.close()  # type: ignore[attr-defined]
            self.first_frame = None
        if self.case is not None:
            self.case.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self._owns_renderer:
            self.render_service.close()


class _RememberOnClose(QObject):
    """Before a case's window closes (and its viewers let go of their documents), note the
    page it shows: the next start draws that page first (ui/first_page.py)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and getattr(watched, "case", None) is not None:
            from evidence_desk.ui.first_page import remember

            try:
                remember(watched)
            except Exception:  # a start-up shortcut must never keep a window from closing
                log.exception("the first page to show next time was not remembered")
        return False


def _adopt_reason_codes(case: Case) -> None:
    """The user's own reason codes (Edit › Settings) join every case they open."""
    from evidence_desk.core import settings as core_settings
    from evidence_desk.core.redaction.marking import missing_reason_codes

    if case.read_only:
        return
    for command in missing_reason_codes(case, core_settings.load().reason_codes):
        try:
            case.apply(command)
        except EvidenceDeskError as exc:  # e.g. the case is locked by another writer just now
            log.warning("reason code %s not added to %s: %s", command.code, case.path, exc)


def _show_demo_notice(case: Case, window: object) -> None:
    """A demo built without Tesseract says so until its scans are read (core/demo/late_ocr.py)."""
    from evidence_desk.core.demo.late_ocr import pending_notice

    notice = pending_notice(case)
    if notice:
        window.statusBar().showMessage(notice)  # type: ignore[attr-defined]


def open_side_by_side(window: object, count: int = 2) -> list[object]:
    """Open the first `count` documents left and right; return their viewers."""
    from evidence_desk.core.queries.documents import list_documents

    docs = list_documents(window.case)  # type: ignore[attr-defined]
    return [window.open_document(d.id, side) for side, d in enumerate(docs[:count])]  # type: ignore[attr-defined]


def page_drawn(viewer: object) -> bool:
    """True once the viewer's current page shows its picture (or the reason it has none)."""
    view = getattr(viewer, "page_view", None)
    if view is None or getattr(viewer, "document_id", None) is None or not view.page_count():
        return False
    item = view.item(viewer.current_page())  # type: ignore[attr-defined]
    return item.pixmap is not None or getattr(item, "error", None) is not None


def wait_until_drawn(window: object, viewers: list[object], timeout_ms: int = RENDER_TIMEOUT_MS) -> bool:
    """Run the event loop until every viewer's page and the browser's thumbnails are drawn
    (render service signals), or the timeout."""

    def drawn() -> bool:
        return all(page_drawn(v) for v in viewers) and not window.thumbnails.pending()  # type: ignore[attr-defined]

    if drawn():
        return True
    service = window.render_service  # type: ignore[attr-defined]
    loop = QEventLoop()

    def check(*_args: object) -> None:
        if drawn():
            QTimer.singleShot(0, loop.quit)  # after the viewers' own slots have run

    service.rendered.connect(check)
    service.failed.connect(check)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    service.rendered.disconnect(check)
    service.failed.disconnect(check)
    return drawn()


def take_screenshot(window: object, out: Path) -> bool:
    window.persist_layout = False  # type: ignore[attr-defined]  # a screenshot must not change the user's layout
    window.resize(*SCREENSHOT_SIZE)  # type: ignore[attr-defined]
    window.show()  # type: ignore[attr-defined]
    window.reset_layout()  # type: ignore[attr-defined]  # the default layout, whatever the user saved
    QApplication.processEvents()
    viewers = open_side_by_side(window)
    drawn = wait_until_drawn(window, viewers)
    QApplication.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(out), "PNG") and drawn  # type: ignore[attr-defined]


def _quit_on_termination(app: QApplication) -> None:
    """Ctrl+C in the terminal or a SIGTERM from the session manager closes the window
    the normal way (layout saved, render workers and their shared memory released)
    instead of killing the process mid-write. Python runs signal handlers only between
    bytecodes, so a timer wakes the interpreter while Qt's loop waits."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_args: app.closeAllWindows() or app.quit())
    waker = QTimer(app)
    waker.timeout.connect(lambda: None)
    waker.start(300)


def run_gui(case_path: Path, screenshot: Path | None = None, author: str | None = None,
            passphrase: str | None = None) -> int:
    # The render workers first, then the remembered page; the translations and the theme
    # after it (the first frame shows a page and nothing to translate or to style), and
    # the case and the window last. A screenshot shows its own documents.
    session = Session(qt_application(), author, passphrase=passphrase, interactive=screenshot is None)
    if screenshot is None:
        session.show_first_page(Path(case_path))
    app = application()
    try:
        session.open(Path(case_path))
    except CancelledError:
        return 1
    except EvidenceDeskError as exc:
        if screenshot is not None:
            raise
        QMessageBox.critical(None, "Evidence Desk", str(exc))
        return 1
    assert session.window is not None
    try:
        if screenshot is not None:
            ok = take_screenshot(session.window, Path(screenshot))
            session.window.close()
            if not ok:
                sys.stderr.write("warning: the pages were not drawn in time; the screenshot may be partial\n")
            return 0
        session.window.show()
        log.info("window shown")
        _quit_on_termination(app)
        return int(app.exec())
    finally:
        session.close()
