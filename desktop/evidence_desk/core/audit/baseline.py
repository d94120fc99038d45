"""Where the replay of an older case starts: a baseline entry holding every tracked record.

A case made before its every change was logged with the rows it wrote cannot be
replayed from its first entry. On its first writable open it gets one `audit.baseline`
entry, in the chain like any other, with every tracked record as it stands then
(redacted text as digests); the replay starts there. A repaired case gets one too,
since what repair could not rebuild is no longer in its records. A new case needs none:
its `case.create` entry says it is replayable from the start."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from evidence_desk.core.audit import chain
from evidence_desk.core.audit.hidden_text import HIDDEN_COLUMNS, KEY_META, hide_columns, text_key
from evidence_desk.core.audit.records import read_records
from evidence_desk.core.audit.replay import BASELINE, replay_start
from evidence_desk.core.db.models import AuditEntry, CaseMeta

if TYPE_CHECKING:
    from evidence_desk.core.case import Case


def ensure_baseline(case: Case) -> None:
    """Give the case its digest key, and a baseline if its log cannot be replayed yet."""
    with case.read() as s:
        if s.get(CaseMeta, KEY_META) is not None and replay_start(s) is not None:
            return
    with case.write() as s:  # checked again under the write lock: another process may have done it
        text_key(s)
        if replay_start(s) is None:
            write_baseline(s, case.author, "the case was made before its audit log could be replayed")


def write_baseline(session: Session, author: str, why: str) -> AuditEntry:
    """A baseline entry with the records as they are now, in the caller's transaction."""
    key = text_key(session)
    assert key is not None
    records: dict[str, list[dict[str, Any]]] = {}
    for table, rows in read_records(session).items():
        hidden = table in HIDDEN_COLUMNS
        records[table] = [hide_columns(table, row, key) or row if hidden else row for row in rows.values()]
    count = sum(len(rows) for rows in records.values())
    before = session.execute(select(func.count(AuditEntry.id))).scalar_one()
    return chain.append(session, author=author, action=BASELINE, target_type="case", target_id=None,
                        data={"records": records, "after_entries": before,
                              "summary": f"replay starts here: {count} records as they stood ({why})"})
