"""A document's details (kind, date, reference, sender, …): `set_details`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import DOCUMENT_KINDS, REVIEW_STATUSES
from evidence_desk.core.documents import EDITABLE_FIELDS, resolve
from evidence_desk.core.errors import InvalidInputError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_details(changes: dict[str, Any]) -> None:
    unknown = set(changes) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidInputError(f"cannot edit {', '.join(sorted(unknown))}")
    if changes.get("kind") not in (None, *DOCUMENT_KINDS):
        raise InvalidInputError(f"kind must be one of {', '.join(DOCUMENT_KINDS)}")
    if "review_status" in changes and changes["review_status"] not in REVIEW_STATUSES:
        raise InvalidInputError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
    if changes.get("doc_date") and not _DATE.match(str(changes["doc_date"])):
        raise InvalidInputError("the date is YYYY, YYYY-MM or YYYY-MM-DD")


@dataclass
class SetDetails(Command):
    """Set some of a document's details; fields already holding the value are left alone."""

    action = "set_details"

    doc: str | int
    changes: dict[str, Any]
    document_id: int | None = field(default=None, init=False)
    _was: dict[str, Any] = field(default_factory=dict, init=False)

    def run(self, rows: Rows) -> None:
        check_details(self.changes)
        doc = resolve(rows.session, self.doc)
        self.document_id = doc.id
        changed = {k: v for k, v in self.changes.items() if getattr(doc, k) != v}
        self._was = {k: getattr(doc, k) for k in changed}
        if changed:
            rows.update(doc, **changed)

    def title(self) -> str:
        names = ", ".join(k.replace("doc_", "").replace("_", " ") for k in self._was) or "details"
        return f"Set {names} of document {self.document_id or self.doc}"

    def intent(self) -> dict[str, Any]:
        return {"document": self.document_id, "was": self._was,
                "now": {k: self.changes[k] for k in self._was}}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("documents", self.document_id)
