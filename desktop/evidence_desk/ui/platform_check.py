"""Before Qt starts: are the system libraries its platform plugin needs installed?

PySide6's wheels carry Qt but not the X11/Wayland/OpenGL libraries Qt's platform
plugins link against. When one is missing Qt prints "could not load the Qt platform
plugin" and aborts, naming neither the library nor the package. This module runs
before PySide6 is imported (it imports no Qt itself): it tries to load each library
the chosen plugin needs and, if any is missing, names the Debian/Ubuntu packages.

The tables below come from the `NEEDED` entries of PySide6's `libqxcb.so`,
`libqoffscreen.so`, `libqwayland.so`, `libqxcb-glx-integration.so` and the Qt
libraries the window loads (tests/ui/test_platform_check.py re-reads them from the
installed wheel, so a new PySide6 that needs a new library fails a test). Libraries
every Debian system has (libc6, libstdc++6, zlib1g, libzstd1) are left out."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.errors import EvidenceDeskError

# Loaded by QtGui, QtWidgets and QtDBus whatever the platform.
COMMON: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}
XCB: dict[str, str] = {
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
WAYLAND: dict[str, str] = {
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
}
PLATFORM_LIBRARIES: dict[str, dict[str, str]] = {
    "xcb": {**COMMON, **XCB},
    "offscreen": COMMON,
    "minimal": COMMON,
    "wayland": {**COMMON, **WAYLAND},
}


class QtPlatformUnavailableError(EvidenceDeskError):
    """Qt's platform plugin cannot start: a system library is not installed, or no display."""


@dataclass(frozen=True)
class MissingLibrary:
    soname: str
    package: str


def chosen_platform(env: Mapping[str, str] | None = None) -> str:
    """The platform plugin Qt will try first: QT_QPA_PLATFORM's first entry, else
    wayland on a Wayland session, else xcb."""
    env = os.environ if env is None else env
    requested = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if requested:
        return requested
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def _loads(soname: str) -> bool:
    bundled = getattr(sys, "_MEIPASS", None)  # a PyInstaller bundle carries most of them itself
    if bundled and (Path(bundled) / soname).exists():
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_libraries(platform: str, libraries: Mapping[str, Mapping[str, str]] = PLATFORM_LIBRARIES
                      ) -> list[MissingLibrary]:
    """The libraries `platform` needs (from `libraries`) that cannot be loaded here."""
    needed = libraries.get(platform, libraries.get("offscreen", {}))
    return [MissingLibrary(soname, package) for soname, package in needed.items() if not _loads(soname)]


def problem(platform: str, missing: list[MissingLibrary]) -> str:
    packages = " ".join(dict.fromkeys(m.package for m in missing))
    names = ", ".join(m.soname for m in missing)
    return (f"the window cannot start: Qt's {platform} platform needs system libraries that are "
            f"not installed ({names}); install them with: sudo apt-get install {packages}")


def check_qt_platform(env: Mapping[str, str] | None = None,
                      libraries: Mapping[str, Mapping[str, str]] = PLATFORM_LIBRARIES) -> None:
    """Raise QtPlatformUnavailableError naming the packages to install; nothing off Linux
    (the Windows and macOS wheels and bundles carry what Qt needs)."""
    if not sys.platform.startswith("linux"):
        return
    env = os.environ if env is None else env
    platform = chosen_platform(env)
    if platform in ("xcb", "wayland") and not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        # Qt would abort with "could not connect to display" (and a core dump).
        raise QtPlatformUnavailableError(
            "the window cannot start: there is no display (DISPLAY and WAYLAND_DISPLAY are unset); "
            "run it in a desktop session, or set QT_QPA_PLATFORM=offscreen for `gui --screenshot`")
    missing = missing_libraries(platform, libraries)
    if missing:
        raise QtPlatformUnavailableError(problem(platform, missing))
