"""The viewer's render service: page pictures off the main thread, out of process.

`RenderService` wraps the Qt-free `core.rendering.RenderPool` (two sandbox
worker processes, each driven by a background thread) and adds what Qt needs:
finished pages arrive as `rendered(key, QImage)` on the main thread, failures as
`failed(key, message)`, and recent pictures stay in an LRU cache bounded by
bytes, so scrolling back is instant and memory stays bounded.

One service is shared by every viewer (and the thumbnail strips) of a window.
A request key is `PageKey(sha256, page, scale, rotate, thumbnail_side)`; viewers
pass an `owner` so that `cancel_stale(owner, keep)` drops only their own
requests for pages they scrolled away from.

Start-up: create the service first (before opening the case and building
windows): its first worker then imports PyMuPDF while the GUI process imports
the rest. Workers are spawned, so they re-run the main module's top level: keep
heavy imports out of it (or under `if __name__ == "__main__"`)."""

from __future__ import annotations

import contextlib
import ctypes
import sys
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from evidence_desk.core.pdf.render_types import RenderedPage
from evidence_desk.core.rendering import RenderJob, RenderPool

# 128 MB of RGB pictures is ~33 fit-width pages on a 1000 px window: scrolling back is
# instant, and the GUI process stays under 400 MB whatever is scrolled through.
DEFAULT_CACHE_BYTES = 128 * 1024 * 1024
TRIM_DELAY_MS = 500


def _return_free_memory_to_the_system() -> None:
    """Give freed heap pages back to the system (glibc keeps them by default).

    Page pictures are 1–10 MB each; once freed, glibc keeps their space for
    reuse, and scrolling through hundreds of pages grows the process well past
    the cache. Forcing such blocks onto mmap would bound it too, but costs a
    page fault per 4 KB on every new picture (~2 ms each); trimming now and then,
    when the user pauses, costs nothing on the way to the screen."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


class PageKey(NamedTuple):
    sha256: str
    page: int
    scale: float  # rounded to 0.01 so tiny zoom differences share a picture
    rotate: int | None = 0
    thumbnail_side: int = 0


def round_scale(scale: float) -> float:
    return round(max(scale, 0.01), 2)


def to_qimage(page: RenderedPage) -> QImage:
    """A QImage owning a copy of the validated pixels (safe on any thread)."""
    image = QImage(page.samples, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()  # detach from the Python bytes, which may be freed


class ImageCache:
    """LRU of QImages bounded by their byte size."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[Hashable, QImage] = OrderedDict()

    def get(self, key: Hashable) -> QImage | None:
        image = self._items.get(key)
        if image is not None:
            self._items.move_to_end(key)
        return image

    def put(self, key: Hashable, image: QImage) -> int:
        """Add a picture; return how many old ones were evicted to make room."""
        evicted_count = 0
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old.sizeInBytes()
        self._items[key] = image
        self.bytes += image.sizeInBytes()
        while self.bytes > self.max_bytes and len(self._items) > 1:
            _, evicted = self._items.popitem(last=False)
            self.bytes -= evicted.sizeInBytes()
            evicted_count += 1
        return evicted_count

    def __contains__(self, key: Hashable) -> bool:
        return key in self._items

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0


class RenderService(QObject):
    rendered = Signal(object, QImage)  # PageKey, picture
    failed = Signal(object, str)  # PageKey, message for a person
    requested = Signal(object)  # PageKey sent to a worker (diagnostics, tests)
    _finished = Signal(object, QImage, str)  # worker thread → main thread (null image: failed)

    def __init__(self, workers: int = 2, cache_bytes: int = DEFAULT_CACHE_BYTES,
                 timeout: float = 30.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = ImageCache(cache_bytes)
        self._trim = QTimer(self, singleShot=True, interval=TRIM_DELAY_MS)
        self._trim.timeout.connect(_return_free_memory_to_the_system)
        self.errors: dict[PageKey, str] = {}
        # Queued: `_from_worker` runs only on the pool's threads, so Qt's automatic connection
        # delivers on this (the main) thread. Not named: the first touch of PySide6's `Qt`
        # namespace costs ~150 ms, and this runs before the first page (ui/first_page.py).
        self._finished.connect(self._deliver)
        self._pool = RenderPool(self._from_worker, workers=workers, timeout=timeout)

    def request(self, key: PageKey, path: str, media_type: str, *, priority: float = 0.0,
                owner: Hashable = None) -> QImage | None:
        """The picture now if cached; otherwise queue it and return None (a signal follows)."""
        image = self.cache.get(key)
        if image is not None:
            return image
        if key in self.errors:
            return None  # already failed; the caller shows the message it was given
        job = RenderJob(key=key, path=path, media_type=media_type, page=key.page, scale=key.scale,
                        rotate=key.rotate, thumbnail_side=key.thumbnail_side or None,
                        priority=priority, owners={owner})
        if self._pool.submit(job):
            self.requested.emit(key)
        return None

    def read_originals_of(self, case: Any) -> None:
        """An encrypted case's files reach the workers decrypted in memory (core.rendering)."""
        store = case.originals
        self._pool.read_sources_with(store.worker_source if store.encrypted else None)

    def forget_pictures(self) -> None:
        """Drop every picture and decrypted file kept in memory (the window locked)."""
        self.cache.clear()
        self._pool.forget_sources()

    def memory_released(self) -> None:
        """Pictures were dropped (pages scrolled away): trim the heap once things settle."""
        if not self._trim.isActive():
            self._trim.start()

    def cancel_stale(self, owner: Hashable, keep: set[PageKey]) -> int:
        return self._pool.cancel_stale(owner, set(keep))

    def pending(self) -> set[Hashable]:
        return self._pool.pending_keys()

    def forget_errors(self, sha256: str | None = None) -> None:
        """Let failed pages be tried again (all, or one document's)."""
        for key in [k for k in self.errors if sha256 is None or k.sha256 == sha256]:
            del self.errors[key]

    def worker_pids(self) -> list[int]:
        return self._pool.worker_pids()

    def _from_worker(self, job: RenderJob, page: RenderedPage | None, error: str | None) -> None:
        # On a worker thread: build the QImage here (QImage is thread-safe, QPixmap is not).
        # No None crosses threads in a signal: a null QImage and "" stand for "nothing".
        image = to_qimage(page) if page is not None else QImage()
        self._finished.emit(job.key, image, error or "")

    @Slot(object, QImage, str)
    def _deliver(self, key: PageKey, image: QImage, error: str) -> None:
        if image.isNull():
            message = error or "the page could not be drawn"
            self.errors[key] = message
            self.failed.emit(key, message)
            return
        if self.cache.put(key, image):
            self.memory_released()
        self.rendered.emit(key, image)

    def close(self) -> None:
        """Stop the workers; call before the application quits."""
        self._pool.close()
        # Results posted by a worker thread just before it stopped must not outlive us.
        QCoreApplication.removePostedEvents(self)
        self.cache.clear()
