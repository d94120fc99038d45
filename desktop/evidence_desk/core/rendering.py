"""Rendering pages out of process: a small pool of sandbox workers fed by a queue.

The GUI (or any caller) submits `RenderJob`s; worker threads here each drive one
`SandboxWorker` process and hand finished pages to a callback. Nothing here
knows about Qt: the viewer's render service turns the callback into signals.

The pool trusts nothing a worker returns: `validate` checks that exactly
width × height × 3 bytes came back within the pixel bounds (as Qubes' PDF
converter and Dangerzone do), so a compromised parser can only send bad pixels.

Jobs carry the set of owners (viewers) that want them and a priority (lower is
sooner, the distance from the page the user is looking at); an owner that
scrolled away cancels what it no longer needs with `cancel_stale`.

A job names its file by path; `read_sources_with` lets an encrypted case turn that path
into the decrypted bytes the worker gets (on the pool's thread, never the GUI's; the
last few are kept in memory, never on disk). Each worker keeps the last few files it was
sent, by SHA-256 (core/pdf/source.py): a page of a file already sent names it by that key
(`held_reference`) instead of sending its bytes again; a worker that no longer holds it
says so (`SourceNotHeldError`) and gets the bytes once more."""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from multiprocessing import shared_memory

from evidence_desk.core.entry_points import (
    CLOSE_ALL,
    RENDER_INTO,
    RENDER_PAGE,
    RENDER_THUMBNAIL,
    WARM_UP,
)
from evidence_desk.core.errors import (
    EvidenceDeskError,
    SourceNotHeldError,
    WorkerCrashed,
    WorkerError,
)
from evidence_desk.core.pdf.render_types import (
    HELD_MAX_BYTES,
    HELD_SOURCES,
    MAX_PIXELS,
    MAX_SIDE,
    RenderedPage,
    held_reference,
)
from evidence_desk.core.sandbox import Limits, SandboxWorker


@dataclass
class RenderJob:
    key: Hashable  # identifies the picture: same key, same pixels
    path: str
    media_type: str
    page: int  # 1-based
    scale: float = 1.0  # device pixels per PDF point
    rotate: int | None = 0  # see core.pdf.render: 0 = unrotated page
    clip: tuple[float, float, float, float] | None = None
    thumbnail_side: int | None = None  # set: a thumbnail fitting this many pixels
    priority: float = 0.0
    owners: set[Hashable] = field(default_factory=set)


# Called on a pool thread. The page's `samples` may be a memoryview of that worker's
# shared memory: copy what you need before returning (the next job overwrites it).
Callback = Callable[[RenderJob, "RenderedPage | None", "str | None"], None]
SourceReader = Callable[[str], "str | bytes"]
KEPT_SOURCES = 2  # decrypted files kept for the next pages of the same document
FORGET = "\0forget"  # in a worker's held keys: drop everything it holds before the next page



def validate(untrusted: object, max_pixels: int = MAX_PIXELS, shared: memoryview | None = None) -> RenderedPage:
    """The worker's reply, checked field by field; raise WorkerError if it is not sane.

    With `shared` (the segment the worker was told to write into), the reply must
    say so and carry no bytes itself; the page returned reads its pixels from the
    segment, valid until the next job of that worker."""
    if not isinstance(untrusted, RenderedPage):
        raise WorkerError(f"the renderer sent {type(untrusted).__name__}, not a page")
    untrusted_w, untrusted_h = untrusted.width, untrusted.height
    untrusted_stride, untrusted_samples = untrusted.stride, untrusted.samples
    for name, value in (("width", untrusted_w), ("height", untrusted_h), ("stride", untrusted_stride)):
        if type(value) is not int:
            raise WorkerError(f"the renderer sent a {name} that is not a whole number")
    if not (0 < untrusted_w <= MAX_SIDE and 0 < untrusted_h <= MAX_SIDE):
        raise WorkerError(f"the renderer sent an impossible size {untrusted_w} × {untrusted_h}")
    if untrusted_w * untrusted_h > max_pixels:
        raise WorkerError(f"the renderer sent {untrusted_w * untrusted_h:,} pixels, over {max_pixels:,}")
    if untrusted_stride != untrusted_w * 3:
        raise WorkerError("the renderer sent rows of the wrong length")
    if type(untrusted.scale) is not float or type(untrusted.rotate) is not int:
        raise WorkerError("the renderer sent malformed scale or rotation")
    size = untrusted_h * untrusted_stride
    if shared is not None:
        if untrusted.shared is not True or untrusted_samples != b"" or size > len(shared):
            raise WorkerError("the renderer's pixels do not fit its shared buffer")
        return replace(untrusted, samples=shared[:size])
    if type(untrusted_samples) is not bytes or len(untrusted_samples) != size:
        raise WorkerError("the renderer sent the wrong number of bytes for its size")
    return untrusted


class RenderPool:
    """N worker processes, each driven by one thread; jobs picked by priority."""

    def __init__(self, on_done: Callback, workers: int = 2, memory_mb: int = 2048,
                 timeout: float = 30.0, max_pixels: int = MAX_PIXELS) -> None:
        self._on_done = on_done
        self._timeout = timeout
        self._max_pixels = max_pixels
        self._cond = threading.Condition()
        self._pending: dict[Hashable, tuple[RenderJob, int]] = {}
        self._in_flight: dict[Hashable, RenderJob] = {}
        self._order = itertools.count()
        self._closed = False
        self._first_ready = threading.Event()
        self._read_source: SourceReader | None = None
        self._sources: OrderedDict[str, tuple[str | bytes, str | None]] = OrderedDict()
        # Per worker, the keys of the files it holds as far as this side knows (its thread's own).
        self._held: dict[int, OrderedDict[str, None]] = {}
        self._sources_lock = threading.Lock()
        self.workers = [SandboxWorker(Limits(memory_mb=memory_mb)) for _ in range(workers)]
        self._threads = [
            threading.Thread(target=self._run, args=(w,), name=f"render-{i}", daemon=True)
            for i, w in enumerate(self.workers)
        ]
        for thread in self._threads:
            thread.start()

    def read_sources_with(self, reader: SourceReader | None) -> None:
        """Give each worker `reader(job.path)` instead of the path (None: the path itself)."""
        with self._sources_lock:
            self._read_source = reader
        self.forget_sources()

    def forget_sources(self) -> None:
        """Drop the decrypted files kept in memory (the window locked), here and in the
        workers (each drops what it holds before its next page: `close_all`)."""
        with self._sources_lock:
            self._sources.clear()
            for held in self._held.values():
                held.clear()
                held[FORGET] = None

    def _source(self, path: str) -> tuple[str | bytes, str | None]:
        """What the worker reads for `path`, and the SHA-256 of it when it is bytes."""
        with self._sources_lock:
            reader = self._read_source
            if reader is None:
                return path, None
            kept = self._sources.get(path)
            if kept is not None:
                self._sources.move_to_end(path)
                return kept
        source = reader(path)  # decrypting a large file: outside the lock
        digest = hashlib.sha256(source).hexdigest() if isinstance(source, bytes) else None
        with self._sources_lock:
            if self._read_source is reader:
                self._sources[path] = (source, digest)
                while len(self._sources) > KEPT_SOURCES:
                    self._sources.popitem(last=False)
        return source, digest

    def _wire_source(self, worker: SandboxWorker, source: str | bytes, digest: str | None) -> str | bytes:
        """What to send: a path as is; bytes the worker already holds, by their key."""
        with self._sources_lock:
            held = self._held.setdefault(id(worker), OrderedDict())
            forget = held.pop(FORGET, 0) is None
        if forget:
            worker.call(CLOSE_ALL, timeout=self._timeout)
        if digest is None or not isinstance(source, bytes) or len(source) > HELD_MAX_BYTES:
            return source
        with self._sources_lock:
            if digest in held:
                held.move_to_end(digest)
                return held_reference(digest)
            held[digest] = None  # the worker keeps what it is sent now
            while len(held) > HELD_SOURCES:
                held.popitem(last=False)
        return source

    def _unheld(self, worker: SandboxWorker) -> None:
        """The worker holds nothing (it was restarted, or said so): bytes go again."""
        with self._sources_lock:
            self._held.get(id(worker), OrderedDict()).clear()

    # -- queue -----------------------------------------------------------------------------

    def submit(self, job: RenderJob) -> bool:
        """Queue a job; False if the same picture is already queued or being drawn
        (its owners and priority are merged, and one result serves everyone)."""
        with self._cond:
            if job.key in self._in_flight:
                self._in_flight[job.key].owners |= job.owners
                return False
            queued = self._pending.get(job.key)
            if queued is not None:
                queued[0].owners |= job.owners
                if job.priority < queued[0].priority:
                    queued[0].priority = job.priority
                return False
            self._pending[job.key] = (job, next(self._order))
            self._cond.notify()
            return True

    def cancel_stale(self, owner: Hashable, keep: set[Hashable]) -> int:
        """Forget `owner`'s queued jobs whose keys are not in `keep`; return how many were dropped."""
        dropped = 0
        with self._cond:
            for key in list(self._pending):
                job = self._pending[key][0]
                if owner in job.owners and key not in keep:
                    job.owners.discard(owner)
                    if not job.owners:
                        del self._pending[key]
                        dropped += 1
        return dropped

    def pending_keys(self) -> set[Hashable]:
        with self._cond:
            return set(self._pending) | set(self._in_flight)

    def _next(self) -> RenderJob | None:
        with self._cond:
            while not self._pending and not self._closed:
                self._cond.wait()
            if self._closed:
                return None
            key = min(self._pending, key=lambda k: (self._pending[k][0].priority, self._pending[k][1]))
            job, _ = self._pending.pop(key)
            self._in_flight[key] = job
            return job

    # -- workers ---------------------------------------------------------------------------

    def _run(self, worker: SandboxWorker) -> None:
        try:  # address space only: memory pages are touched as renders need them
            segment = shared_memory.SharedMemory(create=True, size=self._max_pixels * 3)
        except OSError:  # no /dev/shm: pixels come through the pipe instead
            segment = None
        try:
            self._serve(worker, segment)
        finally:
            if segment is not None:
                with contextlib.suppress(BufferError):  # a view kept past its callback
                    segment.close()
                with contextlib.suppress(OSError):
                    segment.unlink()

    def _serve(self, worker: SandboxWorker, segment: shared_memory.SharedMemory | None) -> None:
        # Start the first worker at once (while the GUI builds) and the others after it,
        # so they do not compete for the CPU with the first page.
        if worker is not self.workers[0]:
            self._first_ready.wait(self._timeout)
        with contextlib.suppress(EvidenceDeskError):
            worker.call(WARM_UP, timeout=self._timeout)
        self._first_ready.set()
        while (job := self._next()) is not None:
            page, error = self._render(worker, job, segment)
            with self._cond:
                self._in_flight.pop(job.key, None)
            if not self._closed:
                self._on_done(job, page, error)

    def _render(self, worker: SandboxWorker, job: RenderJob,
                segment: shared_memory.SharedMemory | None) -> tuple[RenderedPage | None, str | None]:
        for attempt in (1, 2, 3):
            try:
                source = self._wire_source(worker, *self._source(job.path))
                if segment is not None:
                    reply = worker.call(RENDER_INTO, segment.name, segment.size, source,
                                        job.media_type, job.page, job.scale, job.rotate, job.clip,
                                        self._max_pixels, job.thumbnail_side, timeout=self._timeout)
                    return validate(reply, self._max_pixels, segment.buf), None
                if job.thumbnail_side:
                    reply = worker.call(RENDER_THUMBNAIL, source, job.media_type, job.page,
                                        job.thumbnail_side, timeout=self._timeout)
                else:
                    reply = worker.call(RENDER_PAGE, source, job.media_type, job.page,
                                        job.scale, job.rotate, job.clip, self._max_pixels,
                                        timeout=self._timeout)
                return validate(reply, self._max_pixels), None
            except SourceNotHeldError:
                self._unheld(worker)
            except WorkerCrashed as exc:
                # A worker killed from outside (or by the memory limit) gets one fresh try;
                # a file that crashes it twice is reported.
                self._unheld(worker)  # a fresh worker holds nothing
                if attempt >= 2 or self._closed:
                    return None, f"the renderer failed: {exc}"
            except EvidenceDeskError as exc:
                return None, str(exc)
            except Exception as exc:  # never let a bad reply kill the thread
                return None, f"{type(exc).__name__}: {exc}"
        return None, "the renderer failed"  # pragma: no cover - loop always returns

    def worker_pids(self) -> list[int]:
        """Process ids of the running workers (for diagnostics and tests)."""
        return [pid for worker in self.workers if (pid := worker.pid) is not None]

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._pending.clear()
            self._cond.notify_all()
        self._first_ready.set()
        # A worker busy on a slow page holds its lock until its call returns:
        # end the processes first so closing never waits for a render.
        for worker in self.workers:
            worker.kill()
        for thread in self._threads:
            thread.join(5)
        for worker in self.workers:
            worker.close()
