"""Child of the no-plaintext test: a whole working session on a case — import a born-digital
PDF, a password-protected PDF (with its password) and a scan, OCR the scan, render every page out of process, search — then it says
what it found and waits for a line on stdin (so the parent can search the disk while the
session, its workers and their temporary folders are still alive).

    python -m tests.core.crypto.session_child CASE PDF SCAN LOCKED PASSWORD PASSPHRASE WORD…"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.ocr.service import ocr_documents
from evidence_desk.core.progress import Progress
from evidence_desk.core.queries.pages import page_sources
from evidence_desk.core.rendering import RenderJob, RenderPool
from evidence_desk.core.search import search


def _render_all(case: Case, doc_ids: list[int]) -> list[str]:
    sources = page_sources(case, [(d, 1) for d in doc_ids])
    done, errors, left = threading.Event(), [], [len(sources)]

    def on_done(job, page, error):  # type: ignore[no-untyped-def]
        if error or page is None:
            errors.append(str(error))
        left[0] -= 1
        if not left[0]:
            done.set()

    pool = RenderPool(on_done, workers=1)
    pool.read_sources_with(case.originals.worker_source)
    try:
        for key, src in sources.items():
            pool.submit(RenderJob(key, str(src.path), src.media_type, src.number, scale=1.5, owners={1}))
        done.wait(120)
    finally:
        pool.close()
    return errors


def main(case_dir: str, pdf: str, scan: str, locked: str, password: str, passphrase: str | None) -> None:
    with Case.open(Path(case_dir), passphrase=passphrase) as case:
        report = import_paths(case, [Path(pdf), Path(scan), Path(locked)], ImportOptions(ocr="never"),
                              password=password.encode())
        doc_ids = [o.document_id for o in report.imported]
        ocr = ocr_documents(case, [doc_ids[1]], "eng", Progress(), mode="always", workers=1)
        errors = _render_all(case, doc_ids)
        words = sys.argv[7:]
        found = {w: len(search(case, w)) for w in words}
        print(json.dumps({"docs": doc_ids, "refused": [o.reason for o in report.refused], "ocr_pages": ocr.pages_done, "render_errors": errors,
                          "found": found}), flush=True)
        sys.stdin.readline()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6] or None)
