"""A demo built where Tesseract (or one of its languages) is missing: it says so, and its
scans are read the next time the demo is built or opened with Tesseract installed.

The build records why OCR was skipped in `case_meta` (key `demo_ocr_pending`); the
CLI's summary and the window's status bar show that notice. `complete_pending_ocr`
runs OCR on the pages still waiting for it, re-runs the demo's tagging over the new
text, and removes the notice."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select

from evidence_desk.core.case import Case
from evidence_desk.core.commands.settings import MarkCase
from evidence_desk.core.db.models import Page
from evidence_desk.core.ocr import tesseract
from evidence_desk.core.ocr.service import ocr_documents
from evidence_desk.core.progress import Progress

OCR_PENDING_KEY = "demo_ocr_pending"


def ocr_unavailable(languages: str) -> str | None:
    """Why OCR in `languages` cannot run here (naming what to install), or None if it can."""
    try:
        tesseract.binary()
        tesseract.check_languages(languages)
    except tesseract.OcrUnavailableError as exc:
        return str(exc)
    return None


def record_skipped(case: Case, reason: str) -> None:
    case.apply(MarkCase(OCR_PENDING_KEY, reason, action_name="demo.ocr_skipped"))


def _pages_waiting(case: Case) -> int:
    with case.read() as s:
        return int(s.execute(select(func.count()).select_from(Page).where(Page.needs_ocr)).scalar_one())


def pending_notice(case: Case) -> str | None:
    """One sentence for the user when this demo's scans were never read, else None."""
    reason = case.meta(OCR_PENDING_KEY)
    if reason is None:
        return None
    return (f"This demo was built without OCR, so its {_pages_waiting(case)} scanned pages have no text "
            f"yet: {reason.rstrip('.')}. Once Tesseract is installed, `evidence-desk demo` (or "
            "`evidence-desk --demo`) reads them.")


def complete_pending_ocr(case: Case, languages: str, progress: Progress,
                         enrich: Callable[[Case, Progress], object] | None) -> bool:
    """OCR the demo's waiting pages if its build skipped OCR and Tesseract is now here.
    Returns True when it did; False when nothing was pending or OCR still cannot run."""
    if case.meta(OCR_PENDING_KEY) is None or ocr_unavailable(languages) is not None:
        return False
    report = ocr_documents(case, None, languages, progress, "auto")
    if report.cancelled:
        progress.raise_if_cancelled()
    if enrich is not None:  # the scans' new text brings new mentions, dates and references
        enrich(case, progress)
    case.apply(MarkCase(OCR_PENDING_KEY, None, action_name="demo.ocr_completed"))
    return True
