"""Redaction: `mark_redaction` (one or more boxes on one or more pages) and
`set_redaction_status` (approve, reject, re-propose, under the second-reviewer rule)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from evidence_desk.core.commands.base import Command, rect_json, region_columns
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import REDACTION_STATUSES, ReasonCode, Redaction, new_uid, now_utc
from evidence_desk.core.documents import check_rect_on_page, resolve_page
from evidence_desk.core.errors import InvalidInputError, NotFoundError
from evidence_desk.core.geometry import Rect
from evidence_desk.core.redaction.review import second_reviewer_in


@dataclass(frozen=True)
class Spot:
    """Where to black out: boxes on one page, with the text they cover when known."""

    doc: str | int
    page: int
    rects: tuple[Rect, ...]
    text: str | None = None


def check_reason(session: Session, reason: str) -> str:
    codes = set(session.execute(select(ReasonCode.code)).scalars())
    if reason not in codes:
        raise InvalidInputError(f"unknown reason code {reason!r}; use one of {', '.join(sorted(codes))} "
                                "or add one first")
    return reason


def check_status(status: str) -> str:
    if status not in REDACTION_STATUSES:
        raise InvalidInputError(f"status must be one of {', '.join(REDACTION_STATUSES)}")
    return status


@dataclass
class MarkRedaction(Command):
    """Black out every box of every spot. A spot with several boxes or a text is one
    group (`group_uid`); with `group_each` every spot is its own group anyway.
    An approval is never recorded by its own author when a second reviewer is required."""

    action = "mark_redaction"

    spots: Sequence[Spot]
    reason: str
    note: str | None = None
    status: str = "proposed"
    label: str | None = None  # what was searched for ("Garbuz"), kept as the boxes' text if a spot has none
    group_each: bool = False
    created_ids: list[int] = field(default_factory=list, init=False)
    recorded_status: str = field(default="", init=False)
    _where: list[dict[str, Any]] = field(default_factory=list, init=False)

    def run(self, rows: Rows) -> None:
        check_reason(rows.session, self.reason)
        status = check_status(self.status)
        if status == "approved" and second_reviewer_in(rows.session):
            status = "proposed"  # export applies it anyway; a colleague approves it
        if not self.spots or not any(spot.rects for spot in self.spots):
            raise InvalidInputError("nothing to redact: no rectangle given")
        decided = now_utc().isoformat() if status != "proposed" else None
        self.created_ids, self._where, self.recorded_status = [], [], status
        for spot in self.spots:
            doc, page = resolve_page(rows.session, spot.doc, spot.page)
            for r in spot.rects:
                check_rect_on_page(r, page)
            text = spot.text or self.label
            group = new_uid() if self.group_each or len(spot.rects) > 1 or text else None
            for r in spot.rects:
                red = rows.insert(Redaction, document_id=doc.id, page_number=spot.page, reason=self.reason,
                                  note=self.note, status=status, author=rows.author, match_text=text,
                                  group_uid=group, decided_at=decided,
                                  reviewer=rows.author if status != "proposed" else None, **region_columns(r))
                self.created_ids.append(red.id)
            self._where.append({"document": doc.id, "page": spot.page, "text": text,
                                "rects": [rect_json(r) for r in spot.rects]})

    @property
    def created_id(self) -> int | None:
        """The redaction's id when exactly one box was marked."""
        return self.created_ids[0] if len(self.created_ids) == 1 else None

    @property
    def document_ids(self) -> list[int]:
        return list(dict.fromkeys(w["document"] for w in self._where))

    def title(self) -> str:
        what = f"“{self.label}”" if self.label else (f"“{self._where[0]['text']}”" if len(self._where) == 1
                                                      and self._where[0]["text"] else "a region")
        docs = self.document_ids
        if len(self._where) == 1:
            where = f"document {self._where[0]['document']}, page {self._where[0]['page']}"
        elif len(docs) == 1:
            where = f"document {docs[0]} ({len(self._where)} places)"
        else:
            where = f"{len(docs)} documents ({len(self._where)} places)"
        return f"Redact {what} on {where}"

    def intent(self) -> dict[str, Any]:
        return {"reason": self.reason, "status": self.recorded_status, "note": self.note, "text": self.label,
                "places": self._where, "redactions": self.created_ids,
                "summary": f"{len(self.created_ids)} box(es), reason {self.reason}"}

    def hidden_texts(self) -> set[str]:
        return {t for t in (self.label, *(w["text"] for w in self._where)) if t}

    @property
    def target(self) -> tuple[str, object | None]:
        docs = self.document_ids
        return ("documents", docs[0]) if len(docs) == 1 else ("case", None)


@dataclass
class SetRedactionStatus(Command):
    """Approve, reject or re-propose redactions. Under the second-reviewer rule the author
    of a redaction cannot approve it."""

    action = "set_redaction_status"

    redaction_ids: Sequence[int]
    status: str
    _changed: list[dict[str, Any]] = field(default_factory=list, init=False)

    def run(self, rows: Rows) -> None:
        check_status(self.status)
        ids = list(dict.fromkeys(self.redaction_ids))
        if not ids:
            raise InvalidInputError("no redactions given")
        found = {r.id: r for r in rows.session.execute(select(Redaction).where(Redaction.id.in_(ids))).scalars()}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFoundError(f"no redaction with id {', '.join(map(str, missing))}; see `redact --list`")
        if self.status == "approved" and second_reviewer_in(rows.session):
            own = [i for i in ids if found[i].author == rows.author]
            if own:
                raise InvalidInputError(
                    f"this case requires a second reviewer: {rows.author} proposed redaction "
                    f"{', '.join(map(str, own))} and cannot approve it; ask a colleague to approve")
        decided = self.status != "proposed"
        stamp = now_utc() if decided else None
        self._changed = []
        for rid in ids:
            red = found[rid]
            self._changed.append({"redaction": rid, "document": red.document_id, "page": red.page_number,
                                  "text": red.match_text, "was": red.status})
            rows.update(red, status=self.status, reviewer=rows.author if decided else None, decided_at=stamp)

    def title(self) -> str:
        verb = {"approved": "Approve", "rejected": "Reject", "proposed": "Re-propose"}[self.status]
        if len(self._changed) == 1:
            one = self._changed[0]
            return f"{verb} redaction {one['redaction']} on document {one['document']}, page {one['page']}"
        return f"{verb} {len(self._changed)} redactions"

    def intent(self) -> dict[str, Any]:
        return {"status": self.status, "redactions": self._changed,
                "summary": f"{self.status} {len(self._changed)} redaction(s)"}

    def hidden_texts(self) -> set[str]:
        return {c["text"] for c in self._changed if c["text"]}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("redactions", self.redaction_ids[0] if len(self.redaction_ids) == 1 else None)
