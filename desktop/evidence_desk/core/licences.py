"""What Evidence Desk ships and under which licences: the runtime dependency closure, read
from the installed distributions' metadata (so it names the exact versions in use).

packaging/licences.py copies their texts into a bundle at build time; the About box lists
them, and in a bundle points at the copied texts (`shipped_folder()`)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from evidence_desk.core.resources import PACKAGE

LICENCE = "AGPL-3.0-or-later"
SUMMARY_FILE = "THIRD-PARTY-LICENSES.txt"


def normal_name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure(root: str = "evidence-desk") -> list[metadata.Distribution]:
    """`root` and every distribution it requires at run time on this platform (no extras)."""
    from packaging.markers import Marker  # a runtime dependency of pikepdf and others
    from packaging.requirements import Requirement

    seen: dict[str, metadata.Distribution] = {}
    todo = [root]
    while todo:
        name = normal_name(todo.pop())
        if name in seen:
            continue
        dist = metadata.distribution(name)
        seen[name] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is not None and not Marker(str(req.marker)).evaluate({"extra": ""}):
                continue
            todo.append(req.name)
    return [seen[n] for n in sorted(seen)]


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares (expression, field or classifiers)."""
    declared = dist.metadata.get("License-Expression") or dist.metadata.get("License")
    if declared and declared.strip().upper() not in ("UNKNOWN", "NONE"):  # old setuptools wrote UNKNOWN
        return declared.splitlines()[0]
    classifiers = [c.split(" :: ")[-1] for c in dist.metadata.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or "see its files"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def components() -> list[Component]:
    """The third-party distributions this installation runs on (Evidence Desk itself left out)."""
    try:
        dists = runtime_closure()
    except (metadata.PackageNotFoundError, ImportError):  # metadata not shipped: nothing to read
        return []
    return [Component(d.metadata["Name"], d.version, licence_of(d)) for d in dists
            if normal_name(d.metadata["Name"]) != "evidence-desk"]


def shipped_folder() -> Path | None:
    """The folder of licence texts a PyInstaller bundle carries (None from a source checkout)."""
    base = Path(getattr(sys, "_MEIPASS", "")) if getattr(sys, "frozen", False) else None
    folder = base / "licences" if base else None
    return folder if folder is not None and (folder / SUMMARY_FILE).is_file() else None


def licence_text() -> str | None:
    """The text of Evidence Desk's own licence (the repository's LICENSE)."""
    for candidate in (Path(getattr(sys, "_MEIPASS", "")) / "LICENSE", PACKAGE.parents[1] / "LICENSE",
                      PACKAGE / "LICENSE"):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8", errors="replace")
    return None
