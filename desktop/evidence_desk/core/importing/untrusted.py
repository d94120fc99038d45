"""Opening a password-protected PDF at import with the user's password (used once, kept
nowhere): a sandbox worker decrypts it in memory and sends the bytes back over its pipe,
and they are staged in its place — sealed as they are written, in an encrypted case, so
no decrypted copy ever touches the disk (not the worker's scratch folder either)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evidence_desk.core.entry_points import UNLOCK_PDF
from evidence_desk.core.errors import RefusedFileError
from evidence_desk.core.sandbox import SandboxWorker
from evidence_desk.core.storage import StagedFile

if TYPE_CHECKING:
    from evidence_desk.core.case import Case
    from evidence_desk.core.importing.importer import ImportOptions

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
