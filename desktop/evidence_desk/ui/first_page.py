"""The first page before the rest of the window: a quick start.

Building the window needs the case (SQLAlchemy, the schema check, the audit anchor)
and then the browser, both viewers and a dozen panels: seconds on a busy laptop. The
page the user looked at last needs none of it. So the window remembers, when it
closes, which page of which original its active viewer showed, at what scale and
where on the window (`remember`, a line in the application's QSettings file, no
database); the next start reads it back (`recall`) before anything heavy is
imported, asks the render service — whose sandboxed worker is just importing
PyMuPDF on the other core — for exactly that picture, and shows it in a
`FirstFrame` at the window's saved geometry and the page's place. The full window
is built meanwhile, opens the same document at the same page (the picture is in
the render service's cache by then, so it is drawn at once) and takes the frame's
place.

The PDF is parsed only in the sandboxed render worker, as for any page (SECURITY.md):
this process reads nothing but the file's name. An encrypted case keeps nothing here
(a content hash or a page number in a plaintext file would say something about it):
its windows remember nothing and its start waits for the passphrase as before."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QPoint, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QMainWindow, QWidget

from evidence_desk.ui import settings
from evidence_desk.ui.viewer.render_service import PageKey, RenderService, round_scale

log = logging.getLogger(__name__)
GROUP = "firstPage"
ENCRYPTION_HEADER = "encryption.json"  # core/case_health.py: its presence marks an encrypted case
BACKDROP = QColor("#5c6066")  # the page view's background (ui/viewer/page_view.py)
WAIT_MS = 10_000  # a worker that cannot draw the page in this time: the full window goes on without it


@dataclass(frozen=True)
class FirstPage:
    """Where the window last showed a page of a case, enough to draw it again without the case."""

    doc_id: int
    sha256: str
    media_type: str
    page: int
    scale: float  # device pixels per PDF point, as the viewer asked the render service
    x: int  # the page's top-left corner in the window, logical pixels
    y: int

    def key(self) -> PageKey:
        return PageKey(self.sha256, self.page, round_scale(self.scale), 0, 0)


def _entry(case_path: Path) -> str:
    # The case's path hashed: a key QSettings can hold whatever characters the path has.
    return f"{GROUP}/{hashlib.sha256(str(Path(case_path).resolve()).encode()).hexdigest()[:32]}"


def is_encrypted(case_path: Path) -> bool:
    return (Path(case_path) / ENCRYPTION_HEADER).is_file()


def original_path(case_path: Path, sha256: str) -> Path:
    return Path(case_path) / "originals" / sha256[:2] / sha256[2:]  # core/storage.py OriginalStore


def recall(case_path: Path) -> FirstPage | None:
    """The page to show first, or None: nothing remembered, an encrypted case, the original gone."""
    case_path = Path(case_path)
    if is_encrypted(case_path):
        return None
    raw = settings.app_settings().value(_entry(case_path))
    if not isinstance(raw, str):
        return None
    try:
        first = FirstPage(**json.loads(raw))
    except (TypeError, ValueError):
        return None
    if len(first.sha256) != 64 or not all(c in "0123456789abcdef" for c in first.sha256):
        return None  # only a hash names a file under originals/
    if first.page < 1 or not 0.01 <= first.scale <= 20 or not original_path(case_path, first.sha256).is_file():
        return None
    return first


def forget(case_path: Path) -> None:
    s = settings.app_settings()
    s.remove(_entry(case_path))
    s.sync()


def remember(window: Any) -> None:
    """Note the page the window's active viewer shows (on closing; nothing for an encrypted case)."""
    case = getattr(window, "case", None)
    if case is None:
        return
    path = Path(case.path)
    viewer = window.viewer()
    view = getattr(viewer, "page_view", None)
    document = getattr(view, "document", None)
    if is_encrypted(path) or getattr(case, "encrypted", False) or document is None or not view.page_count():
        forget(path)
        return
    page = viewer.current_page()
    corner = view.mapFromScene(view.item(page).sceneBoundingRect().topLeft())
    at = view.viewport().mapTo(window, corner)
    first = FirstPage(doc_id=int(viewer.document_id), sha256=document.sha256, media_type=document.media_type,
                      page=page, scale=view.render_scale(), x=max(at.x(), 0), y=max(at.y(), 0))
    s = settings.app_settings()
    s.setValue(_entry(path), json.dumps(asdict(first)))
    s.sync()


class FirstFrame(QMainWindow):
    """The window's first look: its title, its geometry, the remembered page where it was.

    `drawn` is emitted once the page has been painted, `failed` when it could not be
    (the worker's message, or a timeout)."""

    drawn = Signal()
    failed = Signal(str)

    def __init__(self, case_path: Path, first: FirstPage, service: RenderService) -> None:
        super().__init__()
        self.case_path = Path(case_path)
        self.first = first
        self.service = service
        self.picture: QPixmap | None = None
        self.is_drawn = False
        self.is_failed = False
        self.setWindowTitle(self.tr("{name} — Evidence Desk").format(name=self.case_path.name))
        self.canvas = _Canvas(self)
        self.setCentralWidget(self.canvas)
        geometry = settings.app_settings().value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1280, 720)
        service.rendered.connect(self._rendered)
        service.failed.connect(self._failed)
        self._timeout = QTimer(self, singleShot=True, interval=WAIT_MS)
        self._timeout.timeout.connect(lambda: self._failed(self.first.key(), "timed out"))
        self._timeout.start()
        image = service.request(first.key(), str(original_path(self.case_path, first.sha256)), first.media_type,
                                owner="first-page")
        if image is not None:
            self._rendered(first.key(), image)

    def settled(self) -> bool:
        """Drawn on screen, or given up on."""
        return self.is_drawn or self.is_failed

    def _rendered(self, key: object, image: QImage) -> None:
        if key != self.first.key() or self.picture is not None:
            return
        self.picture = QPixmap.fromImage(image)
        self.picture.setDevicePixelRatio(self.devicePixelRatioF() or 1.0)
        self.canvas.update()

    def _failed(self, key: object, message: str) -> None:
        if key != self.first.key() or self.settled():
            return
        self.is_failed = True
        self._timeout.stop()
        log.info("first page not drawn before the window: %s", message)
        self.failed.emit(message)

    def painted(self) -> None:
        if self.picture is not None and not self.settled():
            self.is_drawn = True
            self._timeout.stop()
            self.drawn.emit()

    def page_corner(self) -> QPoint:
        return self.canvas.mapTo(self, self.canvas.corner())

    def disconnect_service(self) -> None:
        for signal, slot in ((self.service.rendered, self._rendered), (self.service.failed, self._failed)):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self._timeout.stop()


class _Canvas(QWidget):
    def __init__(self, frame: FirstFrame) -> None:
        super().__init__(frame)
        self.frame = frame
        self.setAutoFillBackground(False)

    def corner(self) -> QPoint:
        """Where the page goes: its remembered place in the window, kept on screen."""
        wanted = self.mapFrom(self.frame, QPoint(self.frame.first.x, self.frame.first.y))
        return QPoint(max(0, min(wanted.x(), self.width() - 40)), max(0, min(wanted.y(), self.height() - 40)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKDROP)
        picture = self.frame.picture
        if picture is not None:
            painter.drawPixmap(self.corner(), picture)
        painter.end()
        if picture is not None:
            QTimer.singleShot(0, self.frame.painted)  # after this frame reached the backing store
