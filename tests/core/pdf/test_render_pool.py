"""The Qt-free render pool: sandbox workers fed by priority, results checked before use."""

from __future__ import annotations

import threading

import pymupdf

from evidence_desk.core.rendering import RenderJob, RenderPool


def _pdf(path, pages=3):  # type: ignore[no-untyped-def]
    doc = pymupdf.open()
    for _ in range(pages):
        doc.new_page(width=100, height=200)
    doc.save(path)
    return str(path)


def test_a_job_is_rendered_in_a_worker_and_handed_back_validated(tmp_path):
    done = threading.Event()
    results = []

    def on_done(job, page, error):  # type: ignore[no-untyped-def]
        # The pixels may live in the worker's shared memory: copy them within the callback.
        results.append((job.key, page.width, page.height, bytes(page.samples), error))
        done.set()

    pool = RenderPool(on_done, workers=1)
    try:
        pool.submit(RenderJob("k", _pdf(tmp_path / "a.pdf"), "application/pdf", 2, scale=2.0, owners={1}))
        assert done.wait(60)
    finally:
        pool.close()
    key, width, height, samples, error = results[0]
    assert key == "k" and error is None
    assert (width, height) == (200, 400) and len(samples) == 200 * 400 * 3
    assert samples[:3] == b"\xff\xff\xff"  # a blank white page


def test_a_duplicate_request_is_merged_and_a_cancelled_one_never_runs(tmp_path):
    gate = threading.Event()
    seen = []
    pool = RenderPool(lambda job, page, error: (seen.append(job.key), gate.set()), workers=1)
    try:
        path = _pdf(tmp_path / "b.pdf", pages=30)
        jobs = [RenderJob(n, path, "application/pdf", n, scale=0.2, owners={"v"}, priority=n)
                for n in range(1, 31)]
        assert pool.submit(jobs[0])
        assert not pool.submit(RenderJob(1, path, "application/pdf", 1, owners={"w"}))
        for job in jobs[1:]:
            pool.submit(job)
        pool.cancel_stale("v", {1, 2})
        assert pool.pending_keys() <= {1, 2}
    finally:
        pool.close()
    assert not set(seen) - {1, 2}
