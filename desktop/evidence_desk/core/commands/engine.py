"""Applying a command: one write transaction holding the command's rows, its audit
entry (the intent plus every row before and after) and its history step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from evidence_desk.core import audit
from evidence_desk.core.commands import history
from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.commands.rows import Rows

if TYPE_CHECKING:
    from evidence_desk.core.case import Case


def apply_command(case: Case, command: Command) -> Changes:
    with case.write() as s:
        rows = Rows(s, case.author)
        command.run(rows)
        if not rows.effects:
            return Changes()
        target_type, target_id = command.target
        entry = audit.append(s, author=case.author, action=command.action, target_type=target_type,
                             target_id=target_id,
                             data={"intent": command.intent(), "steps": command.audit_steps(rows.effects)})
        if command.undoable:
            history.record(s, author=case.author, action=command.action, name=command.title(),
                           effects=rows.effects, audit_id=entry.id)
    return Changes.of(rows.effects)
