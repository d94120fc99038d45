"""The reading that follows every import and OCR run: suggestions (names, dates, amounts,
reference numbers, document details) and "cites" links between documents.

It runs by itself, as one job with progress, so that a package the user brings
arrives knowing its documents. Nothing it finds counts until accepted, with two
exceptions the user controls: citation links drawn from confident own references
(automatic links, removed again when a reading changes), and — when the case's
setting says so — entity suggestions that match a known alias exactly."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import CaseMeta, Suggestion
from evidence_desk.core.links.registry import build_reference_links
from evidence_desk.core.progress import Progress
from evidence_desk.core.suggest.store import decide, refresh_suggestions

AUTO_ACCEPT_KEY = "suggest.auto_accept"
AUTO_ACCEPT_CHOICES = ("off", "exact-aliases")


@dataclass
class AnalysisReport:
    documents: int = 0
    pages_read: int = 0
    pages_unchanged: int = 0
    pending: dict[str, int] = field(default_factory=dict)  # kind → pending suggestions (these documents)
    own_references: int = 0
    citations: int = 0  # new "cites" links
    auto_accepted: int = 0

    def summary(self) -> str:
        p = self.pending
        names = p.get("entity", 0) + p.get("name", 0)
        text = (f"found {self.own_references} own reference{'s' if self.own_references != 1 else ''}, "
                f"{self.citations} citation{'s' if self.citations != 1 else ''} (linked), "
                f"{p.get('reference', 0)} reference numbers, {names} names, {p.get('date', 0)} dates, "
                f"{p.get('amount', 0)} amounts, {p.get('field', 0)} document details to review")
        if self.auto_accepted:
            text += f"; {self.auto_accepted} exact alias matches accepted automatically"
        return text

    def to_json(self) -> dict[str, Any]:
        return {"documents": self.documents, "pages_read": self.pages_read,
                "pages_unchanged": self.pages_unchanged, "pending": dict(self.pending),
                "own_references": self.own_references, "citations": self.citations,
                "auto_accepted": self.auto_accepted}


def auto_accept_setting(case: Case) -> str:
    with case.read() as s:
        row = s.get(CaseMeta, AUTO_ACCEPT_KEY)
        return row.value if row is not None and row.value in AUTO_ACCEPT_CHOICES else "off"


def set_auto_accept(case: Case, value: str) -> None:
    if value not in AUTO_ACCEPT_CHOICES:
        from evidence_desk.core.errors import InvalidInputError

        raise InvalidInputError(f"auto-accept must be one of {', '.join(AUTO_ACCEPT_CHOICES)}")
    with case.write() as s:
        row = s.get(CaseMeta, AUTO_ACCEPT_KEY)
        if row is None:
            s.add(CaseMeta(key=AUTO_ACCEPT_KEY, value=value))
        else:
            row.value = value


def analyse_documents(case: Case, doc_ids: list[int] | None, progress: Progress | None = None,
                      *, force: bool = False) -> AnalysisReport:
    """Read `doc_ids` (all when None): refresh suggestions (incrementally), accept what the user
    set to accept automatically, and link documents that cite each other's numbers."""
    progress = progress or Progress()
    counts = refresh_suggestions(case, doc_ids, progress, force=force)
    report = AnalysisReport(pages_read=counts["pages_read"], pages_unchanged=counts["pages_unchanged"])
    if auto_accept_setting(case) == "exact-aliases":
        with case.read() as s:
            query = select(Suggestion.id).where(Suggestion.kind == "entity", Suggestion.status == "pending",
                                                Suggestion.confidence >= 1.0)
            if doc_ids is not None:
                query = query.where(Suggestion.document_id.in_(doc_ids))
            exact = list(s.execute(query).scalars())
        if exact:
            decide(case, exact, True)
            report.auto_accepted = len(exact)
    progress.raise_if_cancelled()
    report.citations = len(build_reference_links(case, doc_ids, progress, prune=True))
    with case.read() as s:
        query = select(Suggestion.kind, func.count()).where(Suggestion.status == "pending")
        own = select(func.count(func.distinct(Suggestion.document_id))).where(
            Suggestion.status == "pending", Suggestion.kind == "field", Suggestion.field == "reference")
        if doc_ids is not None:
            query = query.where(Suggestion.document_id.in_(doc_ids))
            own = own.where(Suggestion.document_id.in_(doc_ids))
        report.pending = dict(s.execute(query.group_by(Suggestion.kind)).all())  # type: ignore[arg-type]
        report.own_references = int(s.execute(own).scalar_one())
    report.documents = len(doc_ids) if doc_ids is not None else 0
    return report
