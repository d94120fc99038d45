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


# Phrases that name a licence text (for a wheel whose metadata declares none, e.g. sqlcipher3).
KNOWN_TEXTS = (
    ("Altered source versions must be plainly marked", "Zlib"),
    ("Permission is hereby granted, free of charge", "MIT"),
    ("Apache License", "Apache-2.0"),
    ("Redistribution and use in source and binary forms", "BSD"),
    ("GNU LESSER GENERAL PUBLIC LICENSE", "LGPL"),
    ("GNU GENERAL PUBLIC LICENSE", "GPL"),
)


def _licence_from_text(dist: metadata.Distribution) -> str | None:
    for entry in dist.files or []:
        parts = Path(str(entry)).parts
        if parts and parts[0].endswith(".dist-info") and ("licenses" in parts or "LICEN" in parts[-1].upper()):
            try:
                text = Path(str(dist.locate_file(entry))).read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            for phrase, name in KNOWN_TEXTS:
                if phrase.lower() in " ".join(text.split()).lower():
                    return f"{name} (from its licence text)"
    return None


def licence_of(dist: metadata.Distribution) -> str:
    """The licence a distribution declares (expression, field or classifiers), else the one
    its licence file's text names."""
    declared = dist.metadata.get("License-Expression") or dist.metadata.get("License")
    if declared and declared.strip().upper() not in ("UNKNOWN", "NONE"):  # old setuptools wrote UNKNOWN
        return declared.splitlines()[0]
    classifiers = [c.split(" :: ")[-1] for c in dist.metadata.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return ", ".join(classifiers) or _licence_from_text(dist) or "see its files"


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
