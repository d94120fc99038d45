"""The closed lists a case's records draw from: document kinds, review statuses,
entity types, mention and redaction statuses, and the profiles a bundle is exported with.

Plain tuples without SQLAlchemy, so the window and the command line offer the same
choices the database checks (`core.db.models` imports them from here)."""

from __future__ import annotations

DOCUMENT_KINDS = (
    "letter",
    "diplomatic_note",
    "invoice",
    "contract",
    "export_permit",
    "end_user_certificate",
    "report",
    "other",
)
REVIEW_STATUSES = ("new", "in_review", "reviewed", "flagged")
ENTITY_TYPES = (
    "person",
    "organisation",
    "state_body",
    "place",
    "equipment",
    "contract",
    "permit",
    "bank_account",
    "amount",
    "date",
    "reference",
)
REDACTION_STATUSES = ("proposed", "approved", "rejected")
MENTION_STATUSES = ("suggested", "accepted", "rejected")
EXPORT_PROFILES = ("publication", "internal")  # publication: redacted files only, no source identity


def normal_reason_code(text: str) -> str:
    """A reason code as the case stores it: trimmed, lower case, spaces as '_'."""
    return text.strip().lower().replace(" ", "_")


def reason_code_problem(code: str) -> str | None:
    """Why `code` (already normal) cannot be a reason code, or None when it can."""
    if not code or len(code) > 32 or not code.replace("_", "").replace("-", "").isalnum():
        return "a reason code is 1–32 letters, digits, '-' or '_'"
    return None
