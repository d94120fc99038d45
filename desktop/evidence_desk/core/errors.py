"""One exception family for every error a user can cause.

Messages are written for a person: they say what went wrong and what to do.
The CLI prints them on one line; the GUI shows them in a dialog or banner."""

from __future__ import annotations


class EvidenceDeskError(Exception):
    """Base class of every user-facing error."""


class CaseError(EvidenceDeskError):
    """The case folder or its database cannot be used."""


class CaseTooNewError(CaseError):
    """The case was written by a newer version of Evidence Desk."""


class NotFoundError(EvidenceDeskError):
    """A document, page, entity or other record does not exist."""


class AmbiguousError(EvidenceDeskError):
    """A reference (such as a SHA-256 prefix) matches more than one record."""


class InvalidInputError(EvidenceDeskError):
    """An argument or value is not acceptable."""


class RefusedFileError(EvidenceDeskError):
    """An untrusted file was refused (broken, encrypted, too large, hung the parser)."""

    def __init__(self, reason: str, code: str = "malformed") -> None:
        super().__init__(reason)
        self.code = code


class WorkerError(EvidenceDeskError):
    """A sandboxed worker process failed."""


class WorkerTimeout(WorkerError):
    """A sandboxed worker did not answer within its time limit."""


class WorkerCrashed(WorkerError):
    """A sandboxed worker died (crash, memory limit, kill)."""


class CancelledError(EvidenceDeskError):
    """The user cancelled a long-running job."""


class DiskFullError(EvidenceDeskError):
    """Not enough disk space to finish writing."""


class BundleError(EvidenceDeskError):
    """A bundle cannot be made, read or merged."""


class BundleRefusedError(BundleError):
    """An untrusted bundle failed a check; nothing was written to the case."""


class HistoryConflictError(EvidenceDeskError):
    """An undo or redo was refused because the rows it would restore changed since."""


class PassphraseError(EvidenceDeskError):
    """An encrypted case cannot be opened without its passphrase."""


class PassphraseRequiredError(PassphraseError):
    """The case is encrypted and no passphrase was given."""


class WrongPassphraseError(PassphraseError):
    """The passphrase given does not open this case."""


class SourceNotHeldError(EvidenceDeskError):
    """A worker was asked to render a file it was sent earlier and no longer holds (it was
    restarted, or dropped the file from its few kept ones): the caller sends the bytes again."""
