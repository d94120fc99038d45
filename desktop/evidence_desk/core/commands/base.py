"""A command: one thing a user does to a case.

A command checks its input against the case as it is inside the write
transaction (so the window and the command line get the same checks), writes
through `Rows` (which records every row's before and after: the exact inverse),
and describes itself for people: `action` is the audit log's verb (`tag`,
`add_note`, …), `title` the history's name for the step ("Tag “Garbuz” on
document 3, page 1"), `intent` the readable data the audit entry records."""

from __future__ import annotations

from typing import Any, ClassVar

from evidence_desk.core.commands.rows import RowEffect, Rows
from evidence_desk.core.geometry import Rect


def region_columns(rect: Rect | None) -> dict[str, float]:
    """A rectangle as the x0/y0/x1/y1 columns of a row (none when there is no rectangle)."""
    return {} if rect is None else dict(zip(("x0", "y0", "x1", "y1"), rect.as_tuple(), strict=True))


def rect_json(rect: Rect | None) -> list[float] | None:
    return None if rect is None else [round(v, 2) for v in rect.as_tuple()]


class Command:
    action: ClassVar[str] = "edit"
    # False for bookkeeping that is audited but not a user's step (the demo's progress markers)
    undoable: ClassVar[bool] = True

    def run(self, rows: Rows) -> None:  # pragma: no cover - abstract
        """Validate (raise an `EvidenceDeskError`) and write through `rows`."""
        raise NotImplementedError

    def title(self) -> str:
        return self.action.replace("_", " ").capitalize()

    def intent(self) -> dict[str, Any]:
        return {}

    def audit_steps(self, effects: list[RowEffect]) -> list[dict[str, Any]]:
        """The rows the audit entry lists (every one, by default)."""
        return [e.to_audit_json() for e in effects]

    def hidden_texts(self) -> set[str]:
        """Texts the intent quotes that a redaction hides: the log keeps their digests."""
        return set()

    @property
    def target(self) -> tuple[str, object | None]:
        """What the audit entry is about: ("documents", 3), ("entities", 7), ("case", None)."""
        return ("case", None)


class Combined(Command):
    """Several commands as one step (one transaction, one audit entry, one undo)."""

    action = "batch"

    def __init__(self, commands: list[Command], title: str, action: str = "batch") -> None:
        self.commands = commands
        self._title = title
        self.action = action  # type: ignore[misc]

    def run(self, rows: Rows) -> None:
        for command in self.commands:
            command.run(rows)

    def title(self) -> str:
        return self._title

    def intent(self) -> dict[str, Any]:
        return {"steps": [{"action": c.action, **c.intent()} for c in self.commands]}

    def hidden_texts(self) -> set[str]:
        return {t for c in self.commands for t in c.hidden_texts()}

    @property
    def target(self) -> tuple[str, object | None]:
        targets = {c.target for c in self.commands}
        return targets.pop() if len(targets) == 1 else ("case", None)
