"""The case's undo/redo history, kept in the case so it survives a restart and is
shared by the window and the command line (`undo`, `redo`, `history`).

Each applied command is one step holding the rows it wrote (before and after).
Undo restores the `before` of every row, redo the `after`, in one transaction,
after checking that each row is still exactly as the step left it: if another
process (or a later step) changed it, the undo is refused with a message naming
what changed and who changed it, and nothing is written. Undo and redo are
audited like any change. A new command after an undo drops the redo branch."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from evidence_desk.core import audit
from evidence_desk.core.audit.hidden_text import hidden_texts, log_payload
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.commands.rows import RowEffect, restore
from evidence_desk.core.db.models import AuditEntry, HistoryStep
from evidence_desk.core.errors import HistoryConflictError, NotFoundError

if TYPE_CHECKING:
    from evidence_desk.core.case import Case

# How far back "who changed it" looks among later steps.
_BLAME_WINDOW = 500


@dataclass(frozen=True)
class Step:
    id: int
    at: str
    author: str
    action: str
    name: str
    state: str  # done|undone
    undone_order: int | None = None  # redo takes the highest first

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "author": self.author, "action": self.action,
                "name": self.name, "state": self.state}


def _step(row: HistoryStep) -> Step:
    return Step(row.id, row.at, row.author, row.action, row.name, row.state, row.undone_order)


def record(session: Session, *, author: str, action: str, name: str, effects: list[RowEffect],
           audit_id: int | None) -> int:
    """Add a done step in the caller's transaction, dropping every undone step (the redo branch)."""
    session.execute(delete(HistoryStep).where(HistoryStep.state == "undone"))
    row = HistoryStep(at=datetime.now(UTC).isoformat(timespec="seconds"), author=author, action=action,
                      name=name, state="done", audit_id=audit_id, effects=[e.to_json() for e in effects])
    session.add(row)
    session.flush()
    return row.id


class History:
    def __init__(self, case: Case) -> None:
        self.case = case

    # -- reading ---------------------------------------------------------------------------

    def steps(self, limit: int | None = None) -> list[Step]:
        """Every step, oldest first (the last `limit` when given); without the rows they hold."""
        columns = (HistoryStep.id, HistoryStep.at, HistoryStep.author, HistoryStep.action, HistoryStep.name,
                   HistoryStep.state, HistoryStep.undone_order)
        with self.case.read() as s:
            query = select(*columns).order_by(HistoryStep.id.desc())
            if limit is not None:
                query = query.limit(limit)
            rows = s.execute(query).all()
        return [Step(*row) for row in reversed(rows)]

    def undo_step(self) -> Step | None:
        """The step `undo()` would undo: the latest done one."""
        with self.case.read() as s:
            row = s.execute(select(HistoryStep).where(HistoryStep.state == "done")
                            .order_by(HistoryStep.id.desc()).limit(1)).scalar_one_or_none()
        return None if row is None else _step(row)

    def redo_step(self) -> Step | None:
        """The step `redo()` would redo: the one undone last."""
        with self.case.read() as s:
            row = s.execute(select(HistoryStep).where(HistoryStep.state == "undone")
                            .order_by(HistoryStep.undone_order.desc(), HistoryStep.id.desc())
                            .limit(1)).scalar_one_or_none()
        return None if row is None else _step(row)

    @property
    def can_undo(self) -> bool:
        return self.undo_step() is not None

    @property
    def can_redo(self) -> bool:
        return self.redo_step() is not None

    @property
    def undo_name(self) -> str | None:
        step = self.undo_step()
        return None if step is None else step.name

    @property
    def redo_name(self) -> str | None:
        step = self.redo_step()
        return None if step is None else step.name

    # -- undo and redo ---------------------------------------------------------------------

    def undo(self, step_id: int | None = None) -> Changes:
        """Undo the latest done step (or step `step_id`, which the window names so that it
        undoes what its menu showed even if another process added a step since)."""
        return self._flip(step_id, undo=True)

    def redo(self, step_id: int | None = None) -> Changes:
        return self._flip(step_id, undo=False)

    def _flip(self, step_id: int | None, *, undo: bool) -> Changes:
        verb = "undo" if undo else "redo"
        want = "done" if undo else "undone"
        with self.case.write() as s:
            if step_id is None:
                query = select(HistoryStep).where(HistoryStep.state == want)
                query = query.order_by(HistoryStep.id.desc()) if undo else query.order_by(
                    HistoryStep.undone_order.desc(), HistoryStep.id.desc())
                row = s.execute(query.limit(1)).scalar_one_or_none()
                if row is None:
                    raise NotFoundError(f"nothing to {verb}")
            else:
                row = s.get(HistoryStep, step_id)
                if row is None:
                    raise NotFoundError(f"no step {step_id} in the history (see `history`)")
                if row.state != want:
                    raise HistoryConflictError(f"“{row.name}” is already {'undone' if undo else 'done'}; "
                                               f"{verb} refused")
            effects = [RowEffect.from_json(e) for e in row.effects]
            try:
                kept = restore(s, effects, to_before=undo, who_changed=_blamer(s, row))
            except HistoryConflictError as exc:
                raise HistoryConflictError(f"cannot {verb} “{row.name}”: {exc}; {verb} refused") from exc
            if kept != effects:  # an undone compact insert keeps its full row for the redo
                row.effects, effects = [e.to_json() for e in kept], kept
            if undo:
                top = s.execute(select(func.max(HistoryStep.undone_order))).scalar_one_or_none()
                row.state, row.undone_order = "undone", (top or 0) + 1
            else:
                row.state, row.undone_order = "done", None
            shown = list(reversed(effects)) if undo else effects
            plain = [_flipped(e, undo).to_audit_json() for e in shown]
            _, steps = log_payload(s, {}, plain)  # redacted text as digests, and not quoted by the name
            audit.append(s, author=self.case.author, action=verb, target_type="history", target_id=row.id,
                         data={"step": row.id, "name": _unquoted(row.name, hidden_texts(plain)), "of": row.action,
                               "by": row.author, "steps": steps})
        return Changes.of(effects)


def _unquoted(name: str, texts: set[str]) -> str:
    """The step's name for the log, without the redacted text it may quote ("Redact “…” on …")."""
    for text in sorted(texts, key=len, reverse=True):
        name = name.replace(text, "…")
    return name


def _flipped(effect: RowEffect, undo: bool) -> RowEffect:
    return RowEffect(effect.table, effect.pk, effect.after, effect.before) if undo else effect


def _blamer(session: Session, step: HistoryStep) -> Callable[[str, Any], str | None]:
    """Who changed a row since `step`: a later step of the history that wrote it, else the
    latest audit entry about it."""

    def blame(table: str, pk: Any) -> str | None:
        later = session.execute(select(HistoryStep).where(HistoryStep.id > step.id, HistoryStep.state == "done")
                                .order_by(HistoryStep.id.desc()).limit(_BLAME_WINDOW)).scalars()
        for other in later:
            if any(e.get("table") == table and e.get("id") == pk for e in other.effects):
                return f"{other.author}, “{other.name}”"
        since = step.audit_id or 0
        entry = session.execute(select(AuditEntry).where(AuditEntry.id > since)
                                .where(AuditEntry.target_type == table, AuditEntry.target_id == str(pk))
                                .order_by(AuditEntry.id.desc()).limit(1)).scalar_one_or_none()
        if entry is not None:
            return f"{entry.author}, {entry.action}"
        return "another program or process"

    return blame
