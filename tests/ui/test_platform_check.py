"""The start-up check names the Debian package of every Qt platform library that is missing."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest

from evidence_desk.cli.main import main
from evidence_desk.ui import platform_check
from evidence_desk.ui.platform_check import (
    PLATFORM_LIBRARIES,
    QtPlatformUnavailableError,
    check_qt_platform,
    chosen_platform,
)

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check runs on Linux only")

ABSENT = "libevidence-desk-absent.so.7"  # no such library anywhere: dlopen really fails
# Present on every Debian system (Essential or needed by apt): not worth a check.
BASE = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "ld-linux", "libstdc++.so",
        "libgcc_s.so", "libz.so", "libzstd.so")


def elf_needed(path: Path) -> list[str]:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file (what `readelf -d` lists)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, path
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    needed: list[str] = []
    for _name, sh_type, _flags, _addr, offset, size, link, *_rest in sections:
        if sh_type != 6:  # SHT_DYNAMIC
            continue
        strtab_offset = sections[link][4]
        for pos in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, pos)
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strtab_offset + value)
                needed.append(data[strtab_offset + value:end].decode())
    return needed


def _qt_dir() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "Qt"


def _system_needs(*files: Path) -> set[str]:
    names = {n for f in files for n in elf_needed(f)}
    return {n for n in names if not n.startswith(("libQt6", "libicu")) and not n.startswith(BASE)}


def test_every_library_the_xcb_plugin_links_against_has_a_package() -> None:
    qt = _qt_dir()
    files = [qt / "plugins/platforms/libqxcb.so", *sorted((qt / "plugins/xcbglintegrations").glob("*.so")),
             *(qt / "lib" / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "DBus", "XcbQpa", "Svg"))]
    assert _system_needs(*files) <= set(PLATFORM_LIBRARIES["xcb"])


def test_every_library_the_offscreen_and_wayland_plugins_link_against_has_a_package() -> None:
    qt = _qt_dir()
    core = [qt / "lib" / f"libQt6{m}.so.6" for m in ("Core", "Gui", "Widgets", "DBus")]
    assert _system_needs(qt / "plugins/platforms/libqoffscreen.so", *core) <= set(PLATFORM_LIBRARIES["offscreen"])
    wayland = [qt / "plugins/platforms/libqwayland.so", qt / "lib/libQt6WaylandClient.so.6", *core]
    assert _system_needs(*wayland) <= set(PLATFORM_LIBRARIES["wayland"])


def test_this_machine_has_what_the_offscreen_and_xcb_platforms_need() -> None:
    check_qt_platform({"QT_QPA_PLATFORM": "offscreen"})
    check_qt_platform({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})


def test_a_missing_library_is_named_with_its_debian_package() -> None:
    libraries = {"xcb": {**PLATFORM_LIBRARIES["xcb"], ABSENT: "libevidence-desk-absent7"}}
    with pytest.raises(QtPlatformUnavailableError) as caught:
        check_qt_platform({"DISPLAY": ":0"}, libraries)
    message = str(caught.value)
    assert ABSENT in message and message.endswith("sudo apt-get install libevidence-desk-absent7")
    assert "libxcb1" not in message  # only what is missing


def test_without_a_display_the_window_says_so_instead_of_aborting() -> None:
    with pytest.raises(QtPlatformUnavailableError, match=r"no display .*QT_QPA_PLATFORM=offscreen"):
        check_qt_platform({})
    check_qt_platform({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"})


def test_the_platform_is_the_one_qt_will_choose() -> None:
    assert chosen_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert chosen_platform({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert chosen_platform({"QT_QPA_PLATFORM": "xcb:display=:1"}) == "xcb"
    assert chosen_platform({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}) == "wayland"
    assert chosen_platform({"DISPLAY": ":0"}) == "xcb"


def test_gui_command_names_the_missing_package_in_one_error_line(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setitem(platform_check.PLATFORM_LIBRARIES, "offscreen",
                        {**PLATFORM_LIBRARIES["offscreen"], ABSENT: "libevidence-desk-absent7"})
    code = main(["--case", str(tmp_path / "case"), "gui", "--screenshot", str(tmp_path / "shot.png")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert err.startswith("error: the window cannot start") and "libevidence-desk-absent7" in err
    assert not (tmp_path / "case").exists() and not (tmp_path / "shot.png").exists()
