"""What happens after files are imported: OCR of pages without usable text.

Kept apart from the importer so that importing works (and is tested) without
Tesseract, and so the CLI and the GUI run the same follow-up."""

from __future__ import annotations

from typing import Any

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, ImportReport
from evidence_desk.core.progress import Progress


def after_import(case: Case, report: ImportReport, options: ImportOptions, progress: Progress) -> dict[str, Any]:
    """Run OCR as the import options ask; return extra report fields and messages."""
    doc_ids = [o.document_id for o in report.imported if o.document_id is not None]
    if options.ocr == "never" or not doc_ids:
        return {"messages": []}
    try:
        from evidence_desk.core.ocr.service import ocr_after_import
    except ModuleNotFoundError:
        return {"messages": ["OCR is not available in this build; pages without text were marked for OCR"]}
    return ocr_after_import(case, doc_ids, options, progress)
