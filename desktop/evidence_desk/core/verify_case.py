"""Checking a whole case: database integrity, the audit chain and its anchor, the log
replayed against the records, the originals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError, OperationalError

from evidence_desk.core import audit
from evidence_desk.core.audit import verify_chain
from evidence_desk.core.audit.log_check import check_log
from evidence_desk.core.case import Case
from evidence_desk.core.case_health import DamagedCaseError
from evidence_desk.core.crypto.stream import DecryptionError
from evidence_desk.core.db.models import Document
from evidence_desk.core.errors import CaseError
from evidence_desk.core.search import index_matches_text


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
    """Every check runs even when an earlier one fails, so one report names everything;
    a damaged database is a problem to report, not an exception."""
    report = VerifyReport(target=str(case.path))
    docs: list[tuple[int, str, str]] = []
    for check in (_check_database, _check_index, _check_chain, _check_anchor, _check_log):
        try:
            check(case, report)
        except OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise CaseError("the case is busy (another program is writing to it, such as an "
                                "import); verify again when it has finished") from exc
            report.problems.append(f"the database is damaged ({_first_line(exc)}); rebuild it with "
                                   f"`evidence-desk repair {case.path}` or restore case.sqlite from a backup")
        except (DatabaseError, DamagedCaseError) as exc:
            report.problems.append(f"the database is damaged ({_first_line(exc)}); rebuild it with "
                                   f"`evidence-desk repair {case.path}` or restore case.sqlite from a backup")
    try:
        with case.read() as s:
            docs = [tuple(r) for r in s.execute(select(Document.id, Document.sha256, Document.filename))]
    except (DatabaseError, DamagedCaseError) as exc:
        report.problems.append(f"the document list cannot be read ({_first_line(exc)})")
    _check_originals(case, report, docs)
    return report


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0][:200]


def _check_database(case: Case, report: VerifyReport) -> None:
    if case.on_server:  # the server checks its pages and enforces every foreign key itself
        return
    with case.read() as s:
        integrity = [r[0] for r in s.execute(text("PRAGMA integrity_check(20)")).all()]
        if integrity != ["ok"]:
            report.problems.append("database integrity check failed: " + "; ".join(integrity[:5]))
        fk = s.execute(text("PRAGMA foreign_key_check")).all()
        if fk:
            report.problems.append(f"{len(fk)} rows point to records that do not exist "
                                   f"(first in table {fk[0][0]})")


def _check_index(case: Case, report: VerifyReport) -> None:
    if not index_matches_text(case):
        report.problems.append("the search index does not match the page text (searches may miss or "
                               "invent hits); rebuild it with `evidence-desk verify --repair-index`")


def _check_chain(case: Case, report: VerifyReport) -> None:
    with case.read() as s:
        chain = verify_chain(s)
    report.checked["audit_entries"] = chain.entries
    if not chain.ok:
        report.problems.append(chain.problem or "audit chain broken")


def _check_anchor(case: Case, report: VerifyReport) -> None:
    """The chain must have grown from the head last anchored outside the database."""
    try:
        anchor = audit.read_anchor(case.path)
    except ValueError as exc:
        report.problems.append(str(exc))
        return
    if anchor is None:
        if case.meta(audit.ANCHORED_META) is not None:
            report.problems.append(f"the audit anchor {audit.ANCHOR_NAME} is missing from the case folder")
        else:
            report.warnings.append("the audit log has no anchor yet (open the case for writing to add one)")
        return
    report.checked["anchor"] = {"entries": anchor.entries, "last_id": anchor.last_id,
                                "head": anchor.head[:16], "at": anchor.at}
    with case.read() as s:
        problem = audit.check_anchor(s, anchor, case.meta("case_uid"))
    if problem:
        report.problems.append(problem)


def _check_log(case: Case, report: VerifyReport) -> None:
    """The log replayed against the records: every record it does not explain, every
    logged change the records lack, by id and kind."""
    with case.read() as s:
        check = check_log(s)
    if not check.replayable:
        report.warnings.append("the audit log cannot be replayed against the records yet (the case was made "
                               "before that was possible; open it for writing once to start)")
        return
    report.checked["replay"] = {"entries": check.entries, "records": check.records,
                                "unexplained": len(check.findings)}
    if check.findings:
        report.checked["unexplained"] = [f.to_json() for f in check.findings[:1000]]
        report.problems.extend(check.messages())


def _check_originals(case: Case, report: VerifyReport, docs: list[tuple[int, str, str]]) -> None:
    report.checked["documents"] = len(docs)
    known = set()
    for doc_id, sha, filename in docs:
        known.add(sha)
        if not case.originals.exists(sha):
            report.problems.append(f"document {doc_id} ({filename}): original file is missing")
            continue
        try:
            actual = case.originals.hash_file(sha)
        except DecryptionError:
            report.problems.append(f"document {doc_id} ({filename}): the encrypted original was altered "
                                   "or damaged (it no longer decrypts)")
            continue
        if actual != sha:
            report.problems.append(f"document {doc_id} ({filename}): original file was altered "
                                   f"(SHA-256 is now {actual[:12]}…)")
    orphans = [sha for sha in case.originals.iter_stored() if sha not in known]
    if orphans:
        report.warnings.append(f"{len(orphans)} stored file(s) belong to no document "
                               "(an import was interrupted; importing the file again reuses it)")
    report.checked["originals"] = len(docs)
