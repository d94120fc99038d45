"""A new case, encrypted at rest from the start when a passphrase is given: what `case new
CASE [--encrypt]` and the window's New Case… (Encrypt this case) both do."""

from __future__ import annotations

from pathlib import Path

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.crypto.convert import ConversionReport, convert
from evidence_desk.core.crypto.header import is_encrypted
from evidence_desk.core.errors import InvalidInputError

MIN_PASSPHRASE = 8


def passphrase_problem(passphrase: str) -> str | None:
    """Why `passphrase` cannot protect a case, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"the passphrase is too short (at least {MIN_PASSPHRASE} characters)"
    if not passphrase.strip():
        return "the passphrase is only spaces"
    return None


def create_case(folder: Path, *, author: str | None = None,
                passphrase: str | None = None) -> ConversionReport | None:
    """Create the case at `folder` (new or empty); with `passphrase`, encrypt it before anyone
    can put a document in it. Everything is checked before anything is created, so a refused
    call leaves no half-made case. Returns the conversion's report when encrypted."""
    if (folder / DB_NAME).exists() or is_encrypted(folder):
        raise InvalidInputError(f"{folder} already holds a case")
    if passphrase is not None and (problem := passphrase_problem(passphrase)):
        raise InvalidInputError(f"{problem}; nothing was created")
    case = Case.open(folder, create=True, author=author)
    try:
        return convert(case, passphrase) if passphrase is not None else None
    finally:
        case.close()
