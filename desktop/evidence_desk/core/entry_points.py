"""Every function a sandbox worker runs, with the type its reply must decode into.

The worker-side modules (PyMuPDF, Pillow, Tesseract) are never imported here: a call
names its module and function, and the parent accepts only a reply of the declared
type (see `core/wire.py`). Add an entry here, next to its reply type, to make a new
function callable in a worker."""

from __future__ import annotations

from evidence_desk.core.ocr.ocr_types import PageOcr
from evidence_desk.core.pdf.extract_types import DocumentProbe, ExtractedPage
from evidence_desk.core.pdf.redact_plan import Coverage, ExportOutcome, VerifyOutcome
from evidence_desk.core.pdf.render_types import MAX_PIXELS, RenderedPage
from evidence_desk.core.wire import MAX_REQUEST, EntryPoint

_RENDER = "evidence_desk.core.pdf.render"
_EXTRACT = "evidence_desk.core.pdf.extract"
# A page in the pipe (no shared memory): its pixels and a little framing.
_RENDER_REPLY = MAX_PIXELS * 3 + 64 * 1024

WARM_UP: EntryPoint[bool] = EntryPoint(_RENDER, "warm_up", bool)
RENDER_PAGE: EntryPoint[RenderedPage] = EntryPoint(_RENDER, "render_page", RenderedPage, _RENDER_REPLY)
RENDER_THUMBNAIL: EntryPoint[RenderedPage] = EntryPoint(_RENDER, "render_thumbnail", RenderedPage,
                                                        _RENDER_REPLY)
RENDER_INTO: EntryPoint[RenderedPage] = EntryPoint(_RENDER, "render_into", RenderedPage, 64 * 1024)
CLOSE_ALL: EntryPoint[bool] = EntryPoint(_RENDER, "close_all", bool)

PROBE: EntryPoint[DocumentProbe] = EntryPoint(_EXTRACT, "probe", DocumentProbe)
EXTRACT_PAGES: EntryPoint[list[ExtractedPage]] = EntryPoint(_EXTRACT, "extract_pages", list[ExtractedPage])
# A decrypted PDF comes back whole, up to the import limit (each call bounds it further
# with the import's own limit: `SandboxWorker.call(max_reply=…)`).
UNLOCK_PDF: EntryPoint[bytes | None] = EntryPoint("evidence_desk.core.pdf.unlock", "unlock_pdf", bytes | None,
                                                  MAX_REQUEST)

EXPORT_DOCUMENT: EntryPoint[ExportOutcome] = EntryPoint(
    "evidence_desk.core.pdf.redact_apply", "export_document", ExportOutcome, 1024 * 1024)
VERIFY_FILE: EntryPoint[VerifyOutcome] = EntryPoint(
    "evidence_desk.core.pdf.redact_verify", "verify_file", VerifyOutcome)
VERIFY_EXPORT: EntryPoint[VerifyOutcome] = EntryPoint(
    "evidence_desk.core.pdf.redact_verify", "verify_export", VerifyOutcome)
COVERED: EntryPoint[Coverage] = EntryPoint("evidence_desk.core.pdf.covered", "covered", Coverage, 1024 * 1024)
FAILED_BOXES: EntryPoint[list[tuple[int, tuple[float, float, float, float], str]]] = EntryPoint(
    "evidence_desk.core.pdf.xray", "failed_boxes", list[tuple[int, tuple[float, float, float, float], str]])

OCR_PAGE: EntryPoint[PageOcr] = EntryPoint("evidence_desk.core.ocr.page_ocr", "ocr_page", PageOcr)
