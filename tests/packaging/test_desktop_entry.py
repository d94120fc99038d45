"""The Linux desktop integration files pass the freedesktop and AppStream validators."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from evidence_desk import __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
APP_ID = "org.evidencedesk.EvidenceDesk"
ICONS = PACKAGING.parent / "resources" / "icons"


@pytest.mark.needs_tool("desktop-file-validate")
def test_desktop_file_is_valid() -> None:
    done = subprocess.run(["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


@pytest.mark.needs_tool("appstreamcli")
def test_appstream_metainfo_is_valid_offline() -> None:
    done = subprocess.run(["appstreamcli", "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_names_the_desktop_file_the_licence_and_this_version() -> None:
    root = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("project_license") == "AGPL-3.0-or-later"
    assert __version__ in [r.get("version") for r in root.iter("release")]


def test_the_icon_the_desktop_file_names_exists_in_every_size() -> None:
    entry = (PACKAGING / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in entry
    assert (ICONS / f"{APP_ID}.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", png
        width, height = int.from_bytes(png.read_bytes()[16:20], "big"), int.from_bytes(png.read_bytes()[20:24], "big")
        assert (width, height) == (size, size), png
