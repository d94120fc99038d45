"""Does the case prove its history? The log replayed and compared with the records.

`check_log` is `verify`'s check over the whole case; `check_applied_redactions` is the
export's: the boxes it is about to apply to one document must be exactly the
redactions the log says that document has (not rejected), and no record may differ
from the log. Both read in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from evidence_desk.core.audit.hidden_text import text_key
from evidence_desk.core.audit.records import Finding, State, compare, read_records
from evidence_desk.core.audit.replay import replay, replay_start
from evidence_desk.core.geometry import Rect

MAX_NAMED = 20  # findings named one by one per table and kind; the rest are counted


@dataclass
class LogCheck:
    replayable: bool
    entries: int = 0
    records: int = 0
    findings: list[Finding] = field(default_factory=list)
    expected: State = field(default_factory=dict, repr=False)  # the records as the log has them

    def messages(self) -> list[str]:
        """One line per finding, at most MAX_NAMED of each table and kind, then a count."""
        out: list[str] = []
        groups: dict[tuple[str, str], list[Finding]] = {}
        for f in self.findings:
            groups.setdefault((f.table, f.kind), []).append(f)
        for (table, kind), found in groups.items():
            out.extend(f.message() for f in found[:MAX_NAMED])
            if len(found) > MAX_NAMED:
                out.append(f"… and {len(found) - MAX_NAMED} more {table} {kind} like these")
        return out

    def to_json(self) -> dict[str, Any]:
        return {"replayable": self.replayable, "entries_replayed": self.entries, "records": self.records,
                "findings": [f.to_json() for f in self.findings]}


def check_log(session: Session) -> LogCheck:
    start = replay_start(session)
    if start is None:
        return LogCheck(replayable=False)
    replayed = replay(session, start)
    actual = read_records(session)
    findings = compare(replayed.state, actual, text_key(session, create=False))
    return LogCheck(True, replayed.entries, sum(len(rows) for rows in actual.values()), findings, replayed.state)


def _box(row: dict[str, Any]) -> tuple[int, tuple[float, ...]]:
    rect = Rect.normalized(*(float(row.get(k) or 0) for k in ("x0", "y0", "x1", "y1")))
    return int(row["page_number"]), tuple(round(v, 2) for v in rect.as_tuple())


def check_applied_redactions(session: Session, doc_id: int,
                             applied: Iterable[tuple[int, tuple[float, ...]]]) -> list[str]:
    """Why the redactions about to be applied to document `doc_id` are not exactly those
    the case and its audit log agree on (empty: they are)."""
    check = check_log(session)
    if not check.replayable:
        return []  # an older case opened read-only: nothing to replay against (verify warns)
    problems = [f.message() for f in check.findings if f.table == "redactions" and
                (f.where.startswith(f" on document {doc_id} ") or f.where == f" on document {doc_id}")]
    logged = check.expected["redactions"]
    wanted = sorted(_box(r) for r in logged.values()
                    if r.get("document_id") == doc_id and r.get("status") != "rejected")
    given = sorted((page, tuple(round(v, 2) for v in box)) for page, box in applied)
    if not problems and wanted != given:
        problems.append(f"the export would apply {len(given)} redaction box(es) to document {doc_id}, "
                        f"but the audit log gives it {len(wanted)}")
    return problems
