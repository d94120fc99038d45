"""Opening a password-protected PDF with the password the user gave, in a sandbox worker.

The password arrives as bytes over the worker's pipe and lives only in this call: it is
never written to a file, a log or the case. What the case keeps is a decrypted copy
(MuPDF rewrites the file without its encryption), so every later step — viewer, OCR,
export — reads it like any other document and nobody is asked again.

The decrypted copy is never written to disk here: it goes back over the pipe as bytes
(`core/wire.py` checks its length against the import limit before reading it), and the
parent stages it straight into the case — sealed, in an encrypted case."""

from __future__ import annotations

import pymupdf

from evidence_desk.core.errors import RefusedFileError


def _candidates(password: bytes) -> list[str]:
    """PDF passwords are bytes; MuPDF takes text. UTF-8 first (PDF 2.0, AES-256), then
    Latin-1, which maps every byte one to one (the older RC4/AES-128 handlers)."""
    out = []
    for encoding in ("utf-8", "latin-1"):
        try:
            text = password.decode(encoding)
        except UnicodeDecodeError:
            continue
        if text not in out:
            out.append(text)
    return out


def unlock_pdf(path: str | bytes, password: bytes, max_bytes: int) -> bytes | None:
    """The bytes of a decrypted copy of the PDF at `path` (or its bytes, in an encrypted
    case), made in memory; None when the password is wrong."""
    try:
        doc = (pymupdf.open(stream=path, filetype="pdf") if isinstance(path, bytes)
               else pymupdf.open(path, filetype="pdf"))
    except Exception as exc:
        raise RefusedFileError("not a readable PDF", "malformed") from exc
    try:
        if not doc.needs_pass:
            raise RefusedFileError("the PDF is not password-protected", "malformed")
        if not any(doc.authenticate(text) for text in _candidates(password)):
            return None
        data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_NONE, garbage=1)
        if len(data) > max_bytes:
            raise RefusedFileError(f"decrypted, it is larger than the import limit of "
                                   f"{max_bytes // (1024 * 1024)} MiB", "huge")
        return data
    finally:
        doc.close()
