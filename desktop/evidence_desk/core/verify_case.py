"""Checking a whole case: database integrity, the audit chain, the originals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text

from evidence_desk.core.audit import verify_chain
from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Document


@dataclass
class VerifyReport:
    target: str
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checked: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "target": self.target, "problems": self.problems,
                "warnings": self.warnings, "checked": self.checked}


def verify_case(case: Case) -> VerifyReport:
    report = VerifyReport(target=str(case.path))
    with case.read() as s:
        integrity = [r[0] for r in s.execute(text("PRAGMA integrity_check")).all()]
        if integrity != ["ok"]:
            report.problems.append("database integrity check failed: " + "; ".join(integrity[:5]))
        fk = s.execute(text("PRAGMA foreign_key_check")).all()
        if fk:
            report.problems.append(f"{len(fk)} rows point to records that do not exist (first in table {fk[0][0]})")
        try:
            s.execute(text("INSERT INTO pages_fts(pages_fts, rank) VALUES('integrity-check', 1)"))
            s.rollback()
        except Exception as exc:  # the check raises when the index and the pages disagree
            s.rollback()
            report.problems.append(f"the search index does not match the page text ({exc.__class__.__name__}); "
                                   "rebuild it with `verify --repair-index`")
        chain = verify_chain(s)
        report.checked["audit_entries"] = chain.entries
        if not chain.ok:
            report.problems.append(chain.problem or "audit chain broken")
        docs = s.execute(select(Document.id, Document.sha256, Document.filename)).all()
    report.checked["documents"] = len(docs)
    known = set()
    for doc_id, sha, filename in docs:
        known.add(sha)
        if not case.originals.exists(sha):
            report.problems.append(f"document {doc_id} ({filename}): original file is missing")
            continue
        actual = case.originals.hash_file(sha)
        if actual != sha:
            report.problems.append(f"document {doc_id} ({filename}): original file was altered "
                                   f"(SHA-256 is now {actual[:12]}…)")
    orphans = [sha for sha in case.originals.iter_stored() if sha not in known]
    if orphans:
        report.warnings.append(f"{len(orphans)} stored file(s) belong to no document "
                               "(an import was interrupted; importing the file again reuses it)")
    report.checked["originals"] = len(docs)
    return report
