"""The icons the window and the desktop use: the application icon and toolbar icons drawn
in `currentColor`, so one SVG follows the light and the dark palette."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
TOOLBAR = sorted((ICONS / "toolbar").glob("*.svg"))
# The toolbar's actions (ui/actions.py) each have an icon of their name.
TOOLBAR_ACTIONS = {"import_files", "open_left", "open_right", "swap", "linked", "single", "zoom_out",
                   "zoom_in", "fit_width", "fit_page", "rotate", "tool_select", "tool_tag", "tool_redact",
                   "tool_note", "box", "undo", "redo"}
COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgb\(|\b(black|white|red|blue|green)\b")


def _draw(svg: bytes, colour: str) -> QImage:
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.replace(b"currentColor", colour.encode()))).render(painter, QRectF(0, 0, 48, 48))
    painter.end()
    return image


def test_every_toolbar_action_has_an_icon() -> None:
    assert {p.stem for p in TOOLBAR} >= TOOLBAR_ACTIONS


@pytest.mark.parametrize("svg", TOOLBAR, ids=lambda p: p.stem)
def test_toolbar_icon_is_drawn_only_in_the_palettes_colour(svg: Path, qapp) -> None:
    text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.get("viewBox") == "0 0 24 24" and root.get("stroke") == "currentColor"
    assert not COLOUR.search(text), "a fixed colour would not follow the dark palette"
    for colour in ("#202020", "#e8e8e8"):  # light and dark palette text colours
        image = _draw(text.encode(), colour)
        want = QColor(colour)
        painted = [c for x in range(48) for y in range(48) if (c := QColor.fromRgba(image.pixel(x, y))).alpha() > 200]
        assert len(painted) > 40
        assert all(max(abs(c.red() - want.red()), abs(c.green() - want.green()), abs(c.blue() - want.blue())) <= 6
                   for c in painted)


def test_application_icon_renders_at_every_size(qapp) -> None:
    svg = (ICONS / "org.evidencedesk.EvidenceDesk.svg").read_bytes()
    assert QSvgRenderer(QByteArray(svg)).isValid()
    for size in (16, 256):
        png = QImage(str(ICONS / "hicolor" / f"{size}x{size}" / "apps" / "org.evidencedesk.EvidenceDesk.png"))
        assert (png.width(), png.height()) == (size, size)
        assert QColor(png.pixel(size // 2, size // 2)).alpha() == 255
