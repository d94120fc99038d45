"""Opening a password-protected PDF at import with the user's password (used once, kept
nowhere): a sandbox worker writes a decrypted copy, which is staged in its place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from evidence_desk.core.confine import scratch_dir
from evidence_desk.core.entry_points import UNLOCK_PDF
from evidence_desk.core.errors import RefusedFileError
from evidence_desk.core.sandbox import SandboxWorker
from evidence_desk.core.storage import StagedFile

if TYPE_CHECKING:
    from evidence_desk.core.case import Case
    from evidence_desk.core.importing.importer import ImportOptions


def unlock(worker: SandboxWorker, case: Case, staged: StagedFile, password: bytes,
           opts: ImportOptions) -> StagedFile:
    """A decrypted copy of an encrypted PDF, staged in its place. The password goes to the
    worker over its pipe as bytes; the worker writes the decrypted copy in its scratch folder,
    from where it is staged (hashed) into the case and deleted."""
    fd, name = tempfile.mkstemp(dir=scratch_dir(), prefix="unlocked-", suffix=".pdf")
    os.close(fd)
    out = Path(name)
    try:
        source = case.originals.worker_source(staged.temp_path)
        if not worker.call(UNLOCK_PDF, source, password, str(out), timeout=opts.timeout):
            raise RefusedFileError("the password is wrong for this PDF", "bad_password")
        return case.originals.stage(out, max_bytes=opts.max_bytes)
    finally:
        out.unlink(missing_ok=True)
