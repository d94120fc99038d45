"""What happens after files are imported: OCR of pages without usable text, then the
reading of the new documents (suggestions, document details, citation links).

Kept apart from the importer so that importing works (and is tested) without
Tesseract, and so the CLI and the GUI run the same follow-up."""

from __future__ import annotations

from typing import Any

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, ImportReport
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.names import ner_missing
from evidence_desk.core.suggest.pipeline import analyse_documents


def after_import(case: Case, report: ImportReport, options: ImportOptions, progress: Progress,
                 *, analyse: bool = True) -> dict[str, Any]:
    """Run OCR as the import options ask, then read the imported documents; return extra
    report fields and messages."""
    doc_ids = [o.document_id for o in report.imported if o.document_id is not None]
    if not doc_ids:
        return {"messages": []}
    out: dict[str, Any] = {"messages": []}
    if options.ocr != "never":
        try:
            from evidence_desk.core.ocr.service import ocr_after_import
        except ModuleNotFoundError:
            out["messages"].append("OCR is not available in this build; pages without text were marked for OCR")
        else:
            ocr = ocr_after_import(case, doc_ids, options, progress)
            out.update({k: v for k, v in ocr.items() if k != "messages"})
            out["messages"].extend(ocr.get("messages", []))
    if analyse and not progress.cancelled:
        analysis = analyse_documents(case, doc_ids, progress)
        out["analysis"] = analysis.to_json()
        out["messages"].append(analysis.summary())
        if ner_missing():
            out["messages"].append("Russian names were found by their legal forms only: the Natasha name model "
                                   "could not be loaded in this build")
    return out
