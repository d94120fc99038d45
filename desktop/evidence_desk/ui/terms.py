"""The case's closed vocabularies (core/vocabulary.py) as the window names them, translated.

The case stores codes ("diplomatic_note", "in_review", "state_body"); the window shows
their names in the interface language. A code without a name here (a newer version's)
is shown as it is, with '_' as spaces."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

# QT_TRANSLATE_NOOP marks the names for pyside6-lupdate; `term` translates them at use.
TERMS = {
    # document kinds
    "letter": QT_TRANSLATE_NOOP("Terms", "letter"),
    "diplomatic_note": QT_TRANSLATE_NOOP("Terms", "diplomatic note"),
    "invoice": QT_TRANSLATE_NOOP("Terms", "invoice"),
    "contract": QT_TRANSLATE_NOOP("Terms", "contract"),
    "export_permit": QT_TRANSLATE_NOOP("Terms", "export permit"),
    "end_user_certificate": QT_TRANSLATE_NOOP("Terms", "end-user certificate"),
    "report": QT_TRANSLATE_NOOP("Terms", "report"),
    "other": QT_TRANSLATE_NOOP("Terms", "other"),
    # review statuses
    "new": QT_TRANSLATE_NOOP("Terms", "new"),
    "in_review": QT_TRANSLATE_NOOP("Terms", "in review"),
    "reviewed": QT_TRANSLATE_NOOP("Terms", "reviewed"),
    "flagged": QT_TRANSLATE_NOOP("Terms", "flagged"),
    # entity types
    "person": QT_TRANSLATE_NOOP("Terms", "person"),
    "organisation": QT_TRANSLATE_NOOP("Terms", "organisation"),
    "state_body": QT_TRANSLATE_NOOP("Terms", "state body"),
    "place": QT_TRANSLATE_NOOP("Terms", "place"),
    "equipment": QT_TRANSLATE_NOOP("Terms", "equipment"),
    "permit": QT_TRANSLATE_NOOP("Terms", "permit"),
    "bank_account": QT_TRANSLATE_NOOP("Terms", "bank account"),
    "amount": QT_TRANSLATE_NOOP("Terms", "amount"),
    "date": QT_TRANSLATE_NOOP("Terms", "date"),
    "reference": QT_TRANSLATE_NOOP("Terms", "reference"),
    # redaction and mention statuses
    "proposed": QT_TRANSLATE_NOOP("Terms", "proposed"),
    "approved": QT_TRANSLATE_NOOP("Terms", "approved"),
    "rejected": QT_TRANSLATE_NOOP("Terms", "rejected"),
    "suggested": QT_TRANSLATE_NOOP("Terms", "suggested"),
    "accepted": QT_TRANSLATE_NOOP("Terms", "accepted"),
    # link kinds
    "cites": QT_TRANSLATE_NOOP("Terms", "cites"),
    "replies_to": QT_TRANSLATE_NOOP("Terms", "replies to"),
    "pays_for": QT_TRANSLATE_NOOP("Terms", "pays for"),
    "ships_under": QT_TRANSLATE_NOOP("Terms", "ships under"),
    "supplies": QT_TRANSLATE_NOOP("Terms", "supplies"),
    "pays": QT_TRANSLATE_NOOP("Terms", "pays"),
    "signs_for": QT_TRANSLATE_NOOP("Terms", "signs for"),
    # verification of provenance, custody events
    "unverified": QT_TRANSLATE_NOOP("Terms", "unverified"),
    "corroborated": QT_TRANSLATE_NOOP("Terms", "corroborated"),
    "authenticated": QT_TRANSLATE_NOOP("Terms", "authenticated"),
    "disputed": QT_TRANSLATE_NOOP("Terms", "disputed"),
    "received": QT_TRANSLATE_NOOP("Terms", "received"),
    "copied": QT_TRANSLATE_NOOP("Terms", "copied"),
    "transferred": QT_TRANSLATE_NOOP("Terms", "transferred"),
    "verified": QT_TRANSLATE_NOOP("Terms", "verified"),
    "disclosed": QT_TRANSLATE_NOOP("Terms", "disclosed"),
    # export profiles
    "publication": QT_TRANSLATE_NOOP("Terms", "publication"),
    "internal": QT_TRANSLATE_NOOP("Terms", "internal"),
}


def term(code: str | None) -> str:
    """The name of a vocabulary code in the interface language (lower case)."""
    if not code:
        return ""
    name = TERMS.get(code)
    return QCoreApplication.translate("Terms", name) if name else code.replace("_", " ")


def term_title(code: str | None) -> str:
    """`term`, its first letter in capitals (for lists and column cells)."""
    name = term(code)
    return name[:1].upper() + name[1:]
