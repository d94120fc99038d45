"""Turning the user's paths (files and folders) into a list of candidate files."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from evidence_desk.core.errors import InvalidInputError


def discover(paths: Iterable[Path | str]) -> list[Path]:
    """Files in the order given; folders walked recursively in name order.

    Hidden files and folders are skipped (".DS_Store", ".git"); symlinked folders
    are not followed, so a link loop cannot make the walk endless."""
    found: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            raise InvalidInputError(f"{path}: no such file or folder")
        if path.is_file():
            candidates = [path]
        else:
            candidates = []
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                candidates.extend(Path(root) / f for f in sorted(files) if not f.startswith("."))
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen and candidate.is_file():
                seen.add(key)
                found.append(candidate)
    return found
