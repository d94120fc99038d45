"""Where things live by default: the per-user data and config folders (platformdirs).

Tests point `EVIDENCE_DESK_HOME` at a temporary folder so the real user folders
are never touched."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "EvidenceDesk"


def data_home() -> Path:
    override = os.environ.get("EVIDENCE_DESK_HOME")
    if override:
        return Path(override) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_home() -> Path:
    override = os.environ.get("EVIDENCE_DESK_HOME")
    if override:
        return Path(override) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_home() -> Path:
    """Derived data that can be rebuilt at any time (deleting it is always safe)."""
    override = os.environ.get("EVIDENCE_DESK_HOME")
    if override:
        return Path(override) / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_case_dir() -> Path:
    return data_home() / "default-case"


def demo_case_dir() -> Path:
    return data_home() / "demo-case"
