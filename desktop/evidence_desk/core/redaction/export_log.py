"""The export's check (4): the redactions applied are exactly those in the case and its
audit log.

Before a document is redacted, the log is checked (its chain whole, grown from the
anchored head) and replayed: the boxes the export is about to apply must be the
redactions the log gives the document (every one not rejected), and no redaction of
it may differ from the log. `DELETE FROM redactions;` behind the application's back
would otherwise export the name in clear. The chain's head at that moment (entries,
hash) goes into the verification report, so the exported file names the history it
was made from."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from evidence_desk.core import audit
from evidence_desk.core.audit.log_check import check_applied_redactions
from evidence_desk.core.case import Case
from evidence_desk.core.errors import EvidenceDeskError


class RedactionsDisagreeError(EvidenceDeskError):
    """The document's redactions are not the ones its audit log records; nothing was exported."""


def check_export_redactions(case: Case, doc_id: int, pages: Iterable[Any]) -> dict[str, Any]:
    """Raise RedactionsDisagreeError unless the boxes of `pages` (the export plan's) are the
    logged ones; return what the verification report says about it."""
    boxes = [(page.number, tuple(box)) for page in pages for box in page.boxes]
    with case.read() as s:
        chain = audit.verify_chain(s)
        anchor_problem = _anchor_problem(case, s)
        problems = [] if chain.ok else [chain.problem or "the audit chain is broken"]
        problems += [anchor_problem] if anchor_problem else []
        if not problems:
            problems = check_applied_redactions(s, doc_id, boxes)
        head = audit.chain_head(s, case.meta("case_uid"))
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise RedactionsDisagreeError(f"document {doc_id}'s redactions disagree with the audit log: {problems[0]}"
                                      f"{more}; nothing was exported (`evidence-desk verify` names every "
                                      "difference)")
    return {"redactions_match_log": len(boxes),
            "audit_anchor": None if head is None else {"entries": head.entries, "last_id": head.last_id,
                                                       "head": head.head, "case_uid": head.case_uid}}


def _anchor_problem(case: Case, session: Any) -> str | None:
    try:
        anchor = audit.read_anchor(case.path)
    except ValueError as exc:
        return str(exc)
    return None if anchor is None else audit.check_anchor(session, anchor, case.meta("case_uid"))
