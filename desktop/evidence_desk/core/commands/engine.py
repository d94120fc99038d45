"""Applying a command: one write transaction holding the command's rows, its audit
entry (the intent plus every row before and after) and its history step."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from evidence_desk.core import audit
from evidence_desk.core.audit.hidden_text import log_payload, replay_rows
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
        listed = command.audit_steps(rows.effects)
        # Redacted text is logged as a keyed digest (the log travels in bundles).
        intent, steps = log_payload(s, command.intent(), listed, command.hidden_texts())
        data: dict[str, Any] = {"intent": intent, "steps": steps}
        if not listed:  # a command listing no rows (the bundle merge): `verify` still replays them
            data["replay"] = replay_rows(s, rows.effects)
        entry = audit.append(s, author=case.author, action=command.action, target_type=target_type,
                             target_id=target_id, data=data)
        if command.undoable:
            history.record(s, author=case.author, action=command.action, name=command.title(),
                           effects=rows.effects, audit_id=entry.id)
    return Changes.of(rows.effects)
