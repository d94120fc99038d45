"""What a sandbox worker does with a file someone else chose to send, at import.

`parse_untrusted`: probe and extract a staged file, a chunk of pages per call; what comes
back is plain data, checked on the wire.

`unlock`: open a password-protected PDF with the user's password (used once, kept nowhere):
the worker decrypts it in memory and sends the bytes back over its pipe, and they are staged
in its place — sealed as they are written, in an encrypted case, so no decrypted copy ever
touches the disk (not the worker's scratch folder either)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evidence_desk.core.entry_points import EXTRACT_PAGES, PROBE, UNLOCK_PDF
from evidence_desk.core.errors import RefusedFileError
from evidence_desk.core.sandbox import SandboxWorker
from evidence_desk.core.storage import OriginalStore, StagedFile

if TYPE_CHECKING:
    from evidence_desk.core.case import Case
    from evidence_desk.core.importing.importer import ImportOptions
    from evidence_desk.core.pdf.extract_types import DocumentProbe, ExtractedPage
    from evidence_desk.core.progress import Progress

FRAMING = 64 * 1024  # a reply's bytes beyond the file itself (MessagePack and the reply's fields)


def unlock(worker: SandboxWorker, case: Case, staged: StagedFile, password: bytes,
           opts: ImportOptions) -> StagedFile:
    """A decrypted copy of an encrypted PDF, staged in its place. The password goes to the
    worker over its pipe as bytes; the decrypted file comes back the same way, refused from
    its length header if it is over the import limit, and is staged (hashed, and sealed in an
    encrypted case) from memory."""
    source = case.originals.worker_source(staged.temp_path)
    data = worker.call(UNLOCK_PDF, source, password, opts.max_bytes, timeout=opts.timeout,
                       max_reply=opts.max_bytes + FRAMING)
    if data is None:
        raise RefusedFileError("the password is wrong for this PDF", "bad_password")
    return case.originals.stage_bytes(data, "the decrypted PDF", max_bytes=opts.max_bytes)


def parse_untrusted(worker: SandboxWorker, staged: StagedFile, media_type: str, opts: ImportOptions,
                    progress: Progress, store: OriginalStore) -> tuple[DocumentProbe, list[ExtractedPage]]:
    """Probe and extract a staged file in the sandbox worker, a chunk of pages per call
    (each call under the wall clock); what comes back is plain data. In an encrypted case
    the worker is given the decrypted bytes, never a path to plaintext."""
    src = store.worker_source(staged.temp_path)
    probe = worker.call(PROBE, src, media_type, opts.max_pages, timeout=opts.timeout)
    pages: list[ExtractedPage] = []
    for start in range(0, probe.page_count, opts.chunk_pages):
        progress.raise_if_cancelled()
        stop = min(probe.page_count, start + opts.chunk_pages)
        pages.extend(worker.call(EXTRACT_PAGES, src, media_type, start, stop,
                                 words_as_json=True, timeout=opts.timeout))
    return probe, pages
