"""Case settings: `add_reason_code`, `set_case_setting` (e.g. the second-reviewer rule),
and the bookkeeping marks a long build leaves (`mark_case`, not undoable)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.rows import Rows
from evidence_desk.core.db.models import CaseMeta, ReasonCode
from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.vocabulary import normal_reason_code, reason_code_problem

# Settings a user may change by command (other case_meta keys belong to the program).
SETTINGS = {"redaction_second_reviewer": "second reviewer for redactions"}


@dataclass
class AddReasonCode(Command):
    action = "add_reason_code"

    code: str
    label: str = ""

    def run(self, rows: Rows) -> None:
        code = normal_reason_code(self.code)
        if (problem := reason_code_problem(code)) is not None:
            raise InvalidInputError(problem)
        if rows.get(ReasonCode, code) is not None:
            raise InvalidInputError(f"the reason code {code!r} exists already")
        self.code, self.label = code, self.label.strip() or code
        rows.insert(ReasonCode, code=code, label=self.label, builtin=False)

    def title(self) -> str:
        return f"Add reason code “{self.code}”"

    def intent(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("reason_codes", self.code)


def _set_meta(rows: Rows, key: str, value: str) -> None:
    row = rows.get(CaseMeta, key)
    if row is None:
        rows.insert(CaseMeta, key=key, value=value)
    else:
        rows.update(row, value=value)


@dataclass
class SetCaseSetting(Command):
    action = "set_case_setting"

    key: str
    value: str

    def run(self, rows: Rows) -> None:
        if self.key not in SETTINGS:
            raise InvalidInputError(f"unknown case setting {self.key!r}; use one of {', '.join(SETTINGS)}")
        _set_meta(rows, self.key, self.value)

    def title(self) -> str:
        return f"Set {SETTINGS.get(self.key, self.key)} to {self.value}"

    def intent(self) -> dict[str, Any]:
        return {"setting": self.key, "value": self.value}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("case_meta", self.key)


@dataclass
class MarkCase(Command):
    """A program's note in `case_meta` (the demo build's progress): audited, never a step to undo."""

    undoable = False

    key: str
    value: str | None  # None: the mark is removed
    action_name: str = "mark_case"

    @property
    def action(self) -> str:  # type: ignore[override]
        return self.action_name

    def run(self, rows: Rows) -> None:
        if self.value is not None:
            _set_meta(rows, self.key, self.value)
        elif (row := rows.get(CaseMeta, self.key)) is not None:
            rows.delete(row)

    def intent(self) -> dict[str, Any]:
        return {"key": self.key, "value": self.value}

    @property
    def target(self) -> tuple[str, object | None]:
        return ("case_meta", self.key)
