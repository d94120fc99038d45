"""An encrypted case's file crosses to a render worker once: the worker keeps the last few
files it was sent as bytes, by SHA-256, in its memory only, and later pages of the same file
name it by that key. A worker that no longer holds it (dropped, restarted) says so and is
sent the bytes again; the user sees every page either way."""

from __future__ import annotations

import hashlib
import threading

import pymupdf
import pytest

from evidence_desk.core.entry_points import CLOSE_ALL, RENDER_PAGE
from evidence_desk.core.errors import SourceNotHeldError
from evidence_desk.core.pdf.render_types import held_reference
from evidence_desk.core.rendering import RenderJob, RenderPool
from evidence_desk.core.sandbox import SandboxWorker


def _pdf_bytes(pages: int = 4) -> bytes:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page(width=100, height=200)
        page.insert_text((10, 50), f"page {n + 1}")
    data = doc.tobytes()
    doc.close()
    return data


def test_a_worker_renders_by_key_only_what_it_was_sent_as_bytes():
    data = _pdf_bytes()
    ref = held_reference(hashlib.sha256(data).hexdigest())
    with SandboxWorker() as worker:
        with pytest.raises(SourceNotHeldError):
            worker.call(RENDER_PAGE, ref, "application/pdf", 1, 0.5)
        sent = worker.call(RENDER_PAGE, data, "application/pdf", 1, 0.5)
        by_key = worker.call(RENDER_PAGE, ref, "application/pdf", 2, 0.5)
        assert (by_key.width, by_key.height) == (sent.width, sent.height) == (50, 100)
        worker.call(CLOSE_ALL)  # the window locked: the worker drops what it held
        with pytest.raises(SourceNotHeldError):
            worker.call(RENDER_PAGE, ref, "application/pdf", 3, 0.5)


def _render(pool: RenderPool, results: list, path: str, number: int) -> None:  # type: ignore[type-arg]
    done = threading.Event()
    pool._on_done = lambda job, page, error: (results.append((job.page, page and page.width, error)),
                                              done.set())
    pool.submit(RenderJob((path, number, len(results)), path, "application/pdf", number, scale=0.5, owners={1}))
    assert done.wait(60)


def test_pages_of_a_held_file_render_after_the_worker_dropped_it_or_was_restarted():
    data = _pdf_bytes()
    reads: list[str] = []
    pool = RenderPool(lambda job, page, error: None, workers=1)
    pool.read_sources_with(lambda path: (reads.append(path), data)[1])
    results: list = []  # type: ignore[type-arg]
    try:
        _render(pool, results, "/case/originals/ab/cdef", 1)
        _render(pool, results, "/case/originals/ab/cdef", 2)  # by key
        pool.workers[0].call(CLOSE_ALL)  # it forgets behind the pool's back
        _render(pool, results, "/case/originals/ab/cdef", 3)  # refused by key, sent again
        pool.workers[0].kill()
        _render(pool, results, "/case/originals/ab/cdef", 4)  # a fresh worker holds nothing
        pool.forget_sources()
        _render(pool, results, "/case/originals/ab/cdef", 1)
    finally:
        pool.close()
    assert results == [(1, 50, None), (2, 50, None), (3, 50, None), (4, 50, None), (1, 50, None)]
    assert len(reads) == 2  # decrypted once, and again after forget_sources
