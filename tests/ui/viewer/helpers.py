"""Driving the page view like a user: positions given in PDF points of a page."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from evidence_desk.ui.viewer.page_view import PageView


def view_point(view: PageView, page: int, x: float, y: float) -> QPoint:
    """Viewport position of point (x, y) in unrotated PDF points of `page`."""
    return view.mapFromScene(view.item(page).mapToScene(QPointF(x, y)))


def drag(view: PageView, page: int, start: tuple[float, float], end: tuple[float, float]) -> None:
    a, b = view_point(view, page, *start), view_point(view, page, *end)
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    middle = QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2)
    QTest.mouseMove(viewport, middle)
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def click(view: PageView, page: int, x: float, y: float) -> None:
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view_point(view, page, x, y))
