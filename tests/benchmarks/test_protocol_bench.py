"""The sandbox wire protocol's cost on page rendering (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_protocol_bench.py -s

Both sides render the same pages of the same PDF at the same scale in a worker process
that already has PyMuPDF loaded and send the pixels back through a pipe; what differs
is only the transport: pickle (`Connection.send`/`recv`, what the sandbox used before)
against the length-framed MessagePack reply decoded into `RenderedPage` with its
bounds checked (`SandboxWorker.call`, with bubblewrap when installed). The render
pool's shared-memory path, which sends no pixels at all, is measured too."""

from __future__ import annotations

import multiprocessing as mp
import statistics
import time
from multiprocessing import shared_memory
from pathlib import Path

import pytest

from evidence_desk.core.entry_points import RENDER_INTO, RENDER_PAGE
from evidence_desk.core.pdf.render_types import MAX_PIXELS
from evidence_desk.core.rendering import validate
from evidence_desk.core.sandbox import SandboxWorker, jailed
from tests.benchmarks import pickle_render_worker
from tests.core.pdfs import write_text_pdf

pytestmark = pytest.mark.benchmark
PAGES, SCALE, ROUNDS = 10, 2.0, 5


def _median_ms(run) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000 / PAGES)
    return statistics.median(samples)


def test_render_cost_of_the_wire_protocol_against_pickle(tmp_path: Path) -> None:
    pdf = write_text_pdf(tmp_path / "pages.pdf", [f"Page {i}: radar parts, invoice {i}. " * 40 for i in range(PAGES)])
    ctx = mp.get_context("forkserver")
    parent, child = ctx.Pipe()
    old = ctx.Process(target=pickle_render_worker.serve, args=(child,), daemon=True)
    old.start()

    def pickled() -> None:
        for page in range(1, PAGES + 1):
            parent.send((str(pdf), page, SCALE))
            status, rendered = parent.recv()
            assert status == "ok" and rendered.width > 0

    with SandboxWorker() as worker:
        def wire() -> None:
            for page in range(1, PAGES + 1):
                validate(worker.call(RENDER_PAGE, str(pdf), "application/pdf", page, SCALE, timeout=60))

        segment = shared_memory.SharedMemory(create=True, size=MAX_PIXELS * 3)
        try:
            def shared() -> None:
                for page in range(1, PAGES + 1):
                    reply = worker.call(RENDER_INTO, segment.name, segment.size, str(pdf), "application/pdf",
                                        page, SCALE, timeout=60)
                    validate(reply, shared=segment.buf)

            pickled(), wire(), shared()  # warm both workers and the page caches
            old_ms, new_ms, shm_ms = _median_ms(pickled), _median_ms(wire), _median_ms(shared)
        finally:
            segment.close()
            segment.unlink()
    parent.send(None)
    old.join(5)
    print(f"\nrender {PAGES} pages at scale {SCALE} (ms per page, median of {ROUNDS}; jailed={jailed()}): "
          f"pickle {old_ms:.1f}, wire protocol {new_ms:.1f} (ratio {new_ms / old_ms:.2f}), "
          f"wire + shared memory {shm_ms:.1f} (ratio {shm_ms / old_ms:.2f})")
    assert new_ms > 0 and old_ms > 0
