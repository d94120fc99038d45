"""The user's preferences, shared by the window and the command line: one small JSON file
(`settings.json`) in the platform's config folder (`core.paths.config_home()`, which the
tests point at a temporary folder through EVIDENCE_DESK_HOME).

As Dangerzone's `settings.py`: defaults are merged into what the file holds, so a file
written by an older version gains the new keys; keys this version does not know are kept
and written back, so a newer version's choices survive a run of this one. A file that
cannot be read (not JSON, not an object) is set aside as `settings.json.corrupt` and
replaced by the defaults, with a warning, never a crash. A value of the wrong type falls
back to its default. Writes are atomic (a temporary file, fsync, rename): a crash
mid-write leaves the old file, never half of a new one.

The window keeps only its geometry and dock layout in QSettings (`ui/settings.py`)."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evidence_desk.core.errors import InvalidInputError
from evidence_desk.core.paths import config_home
from evidence_desk.core.vocabulary import EXPORT_PROFILES, normal_reason_code, reason_code_problem

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
THEMES = ("system", "light", "dark")
MAX_RECENT = 10
DEFAULT_OCR_LANGUAGES = "rus+eng+deu"
# Interface languages with a translation ("system": the desktop's language when there is one).
LANGUAGES = ("system", "en", "de", "ru")


def _text_or_none(value: object) -> bool:
    return value is None or (isinstance(value, str) and len(value) <= 200)


def _languages(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip()) and all(
        part.isascii() and part.replace("_", "").isalnum() for part in value.strip().split("+"))


def _minutes(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 24 * 60


def _paths(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(p, str) and p for p in value)


def _reason_codes(value: object) -> bool:
    """The user's own redaction reason codes: [{"code": "…", "label": "…"}, …], codes unique."""
    if not isinstance(value, list) or len(value) > 100:
        return False
    codes = [item.get("code") for item in value if isinstance(item, dict)]
    return len(codes) == len(value) == len(set(codes)) and all(
        isinstance(item.get("code"), str) and item["code"] == normal_reason_code(item["code"])
        and reason_code_problem(item["code"]) is None
        and isinstance(item.get("label", ""), str) and len(item.get("label", "")) <= 200 for item in value)


# key: (default, check). An idle lock of 0 minutes means the window never locks itself.
SCHEMA: dict[str, tuple[Any, Callable[[object], bool]]] = {
    "author": (None, _text_or_none),
    "ocr_languages": (DEFAULT_OCR_LANGUAGES, _languages),
    "theme": ("system", lambda v: v in THEMES),
    "recent_cases": ([], _paths),
    "export_profile": ("publication", lambda v: v in EXPORT_PROFILES),
    "idle_lock_minutes": (0, _minutes),
    "reason_codes": ([], _reason_codes),
    "language": ("system", lambda v: v in LANGUAGES),
}


def defaults() -> dict[str, Any]:
    return {key: (list(default) if isinstance(default, list) else default)
            for key, (default, _check) in SCHEMA.items()}


def settings_path() -> Path:
    return config_home() / SETTINGS_FILE


class Settings:
    """The preferences as loaded from one file. `warning` says what went wrong loading it
    (a corrupt file, a bad value), for the window to show once; None when all was well."""

    def __init__(self, path: Path, values: dict[str, Any], warning: str | None = None) -> None:
        self.path = path
        self.values = values
        self.warning = warning

    @classmethod
    def load(cls, path: Path | None = None) -> Settings:
        path = path or settings_path()
        values, problems = defaults(), []
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path, values)
        except OSError as exc:
            problem = f"the settings file {path} cannot be read ({exc.strerror}); using the defaults"
            log.warning(problem)
            return cls(path, values, problem)
        try:
            stored = json.loads(raw)
            if not isinstance(stored, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            problem = (f"the settings file {path} was damaged ({exc}); it was set aside as "
                       f"{path.name}.corrupt and the defaults are used")
            log.warning(problem)
            with contextlib.suppress(OSError):
                os.replace(path, path.with_name(path.name + ".corrupt"))
            settings = cls(path, values, problem)
            with contextlib.suppress(OSError):
                settings.save()
            return settings
        for key, value in stored.items():
            check = SCHEMA.get(key)
            if check is None or check[1](value):
                values[key] = value  # unknown keys are kept as they are
            else:
                problems.append(f"{key} = {value!r}")
        problem = None
        if problems:
            problem = f"ignored unusable settings in {path} ({', '.join(problems)}); using their defaults"
            log.warning(problem)
        return cls(path, values, problem)

    def get(self, key: str) -> Any:
        if key in self.values:
            return self.values[key]
        return defaults()[key]

    def set(self, key: str, value: Any) -> None:
        """Change one setting in memory (`save()` writes it); refuses a value of the wrong kind."""
        check = SCHEMA.get(key)
        if check is None:
            raise InvalidInputError(f"there is no setting called {key!r}; known: {', '.join(SCHEMA)}")
        if not check[1](value):
            raise InvalidInputError(f"{value!r} is not a valid value for the setting {key}")
        self.values[key] = value

    def save(self) -> None:
        """Write the file atomically: a reader sees the old settings or the new, never half."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(self.values, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise

    # -- the settings by name ---------------------------------------------------------------

    @property
    def author(self) -> str | None:
        value = self.get("author")
        return value.strip() or None if isinstance(value, str) else None

    @property
    def ocr_languages(self) -> str:
        return str(self.get("ocr_languages")).strip()

    @property
    def theme(self) -> str:
        return str(self.get("theme"))

    @property
    def export_profile(self) -> str:
        return str(self.get("export_profile"))

    @property
    def idle_lock_minutes(self) -> int:
        return int(self.get("idle_lock_minutes"))

    @property
    def language(self) -> str:
        return str(self.get("language"))

    @property
    def reason_codes(self) -> list[tuple[str, str]]:
        """(code, label) of the user's own reason codes, offered in every case they open."""
        return [(item["code"], item.get("label") or item["code"]) for item in self.get("reason_codes")]

    @property
    def recent_cases(self) -> list[Path]:
        return [Path(p) for p in self.get("recent_cases")]

    def add_recent_case(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [str(path)] + [p for p in self.get("recent_cases") if Path(p) != path]
        self.set("recent_cases", items[:MAX_RECENT])


def load() -> Settings:
    """The current user's settings (read fresh: the CLI and the window may both change them)."""
    return Settings.load()


def update(key: str, value: Any) -> Settings:
    """Set one setting and save the file at once."""
    settings = load()
    settings.set(key, value)
    settings.save()
    return settings
