"""First-page thumbnails for the bundle report, rendered in one sandbox worker.

The pixels come from a worker that parsed a PDF, so they are checked like any
render (`rendering.validate`: exactly width × height × 3 bytes within bounds)
before Pillow encodes them as JPEG. A document that cannot be rendered simply
has no thumbnail; the report says nothing false about it."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from evidence_desk.core.errors import WorkerError
from evidence_desk.core.rendering import validate
from evidence_desk.core.sandbox import Limits, SandboxWorker

THUMBNAIL = "evidence_desk.core.pdf.render.render_thumbnail"
SIDE = 220


def render_thumbnails(pdfs: list[Path], side: int = SIDE, timeout: float = 60.0) -> dict[int, bytes]:
    """index in `pdfs` → JPEG bytes of its first page."""
    out: dict[int, bytes] = {}
    with SandboxWorker(Limits(memory_mb=2048)) as worker:
        for index, pdf in enumerate(pdfs):
            try:
                page = validate(worker.call(THUMBNAIL, str(pdf), "application/pdf", 1, side, timeout=timeout))
            except WorkerError:
                continue
            img = Image.frombytes("RGB", (page.width, page.height), bytes(page.samples), "raw", "RGB", page.stride)
            buf = io.BytesIO()
            img.save(buf, "JPEG", quality=70)
            out[index] = buf.getvalue()
    return out
