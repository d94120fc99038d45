"""Graphics items for what the case says about a page: mentions, redactions, notes,
search hits and the current selection.

Every item is a child of its `PageItem`, whose local coordinates are PDF points of
the unrotated page, so items are placed with stored rectangles as they are and
follow zoom and rotation for free. Items carry `(kind, id)` in their data so a
click can tell the main window what was activated."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem

from evidence_desk.core.geometry import Rect
from evidence_desk.ui.theme import ENTITY_COLOURS  # one palette: the viewers and the mentions panel
from evidence_desk.ui.viewer.doc_model import Overlay

KIND_ROLE = 0
ID_ROLE = 1

SEARCH_HIT = QColor(255, 230, 0, 110)
CURRENT_HIT = QColor(255, 140, 0, 150)
SELECTION = QColor(40, 120, 255, 70)
FAILED_REDACTION = "#e0157a"  # magenta: neither an entity colour nor a redaction's black or red
Z_OVERLAY, Z_SEARCH, Z_SELECTION = 10, 20, 30
MENTION_MARGIN = 1.5  # pt between the tagged words and their outline
MENTION_FILL_ALPHA = 28  # of 255: a tint, never a cover


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x0, rect.y0, rect.width, rect.height)


def _cosmetic(colour: QColor | str, width: float = 1.5, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width, style)
    pen.setCosmetic(True)  # the same thickness at every zoom
    return pen


def entity_colour(entity_type: str) -> QColor:
    return QColor(ENTITY_COLOURS.get(entity_type, "#555555"))


def make_overlay_item(overlay: Overlay, page_width: float, parent: QGraphicsItem) -> QGraphicsItem | None:
    if overlay.kind == "mention":
        item = _mention(overlay, parent)
    elif overlay.kind == "redaction":
        item = _redaction(overlay, parent)
    elif overlay.kind == "note":
        item = _note_pin(overlay, page_width, parent)
    elif overlay.kind == "failed_redaction":
        item = _failed_redaction(overlay, parent)
    else:
        return None
    if item is None:
        return None
    item.setData(KIND_ROLE, overlay.kind)
    item.setData(ID_ROLE, overlay.id)
    item.setToolTip(overlay.label)
    item.setZValue(Z_OVERLAY)
    return item


def _mention(overlay: Overlay, parent: QGraphicsItem) -> QGraphicsItem | None:
    """An outline just outside the tagged words and a faint tint: at fit width the words stay
    readable, and a dark entity colour (place, date) never looks like a redaction's black."""
    assert overlay.rect is not None
    colour = entity_colour(overlay.style)
    r = overlay.rect
    item = QGraphicsRectItem(QRectF(r.x0 - MENTION_MARGIN, r.y0 - MENTION_MARGIN,
                                    r.width + 2 * MENTION_MARGIN, r.height + 2 * MENTION_MARGIN), parent)
    dashed = overlay.status == "suggested"
    item.setPen(_cosmetic(colour, 1.5, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine))
    fill = QColor(colour).lighter(160)
    fill.setAlpha(MENTION_FILL_ALPHA)
    item.setBrush(QBrush(fill))
    return item


def _redaction(overlay: Overlay, parent: QGraphicsItem) -> QGraphicsItem | None:
    assert overlay.rect is not None
    item = QGraphicsRectItem(qrect(overlay.rect), parent)
    if overlay.status == "approved":
        item.setPen(_cosmetic("#000000", 1.0))
        item.setBrush(QBrush(QColor("#000000")))
    elif overlay.status == "rejected":
        item.setPen(_cosmetic("#888888", 1.0, Qt.PenStyle.DotLine))
        item.setBrush(Qt.BrushStyle.NoBrush)
    else:  # proposed: hatched, the text still readable underneath
        item.setPen(_cosmetic("#c00000", 1.5))
        brush = QBrush(QColor(0, 0, 0, 200), Qt.BrushStyle.BDiagPattern)
        item.setBrush(brush)
    return item


def _failed_redaction(overlay: Overlay, parent: QGraphicsItem) -> QGraphicsItem:
    """A box that only looks like a redaction: a thick red dashed frame around it."""
    assert overlay.rect is not None
    r = overlay.rect
    item = QGraphicsRectItem(QRectF(r.x0 - 2, r.y0 - 2, r.width + 4, r.height + 4), parent)
    item.setPen(_cosmetic(FAILED_REDACTION, 3.0, Qt.PenStyle.DashLine))
    fill = QColor(FAILED_REDACTION)
    fill.setAlpha(35)
    item.setBrush(QBrush(fill))
    return item


def _note_pin(overlay: Overlay, page_width: float, parent: QGraphicsItem) -> QGraphicsItem:
    # A pin at the region's top-left corner, or at the page's top-right for a page note.
    # It ignores zoom so it stays clickable at any size.
    anchor = QPointF(overlay.rect.x0, overlay.rect.y0) if overlay.rect else QPointF(page_width - 16, 16)
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(0, 0), QPointF(-7, -14), QPointF(7, -14), QPointF(0, 0)]))
    path.addEllipse(QPointF(0, -16), 8, 8)
    item = QGraphicsPathItem(path, parent)
    item.setPos(anchor)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    item.setPen(_cosmetic("#7a5c00", 1.0))
    item.setBrush(QBrush(QColor("#ffd24a")))
    if overlay.rect is not None:
        outline = QGraphicsRectItem(qrect(overlay.rect), parent)
        outline.setPen(_cosmetic("#c79a00", 1.0, Qt.PenStyle.DashLine))
        outline.setData(KIND_ROLE, "note")
        outline.setData(ID_ROLE, overlay.id)
        outline.setToolTip(overlay.label)
        outline.setZValue(Z_OVERLAY)
    return item


def make_box(rect: Rect, colour: QColor, z: float, parent: QGraphicsItem, kind: str) -> QGraphicsRectItem:
    """A plain filled box (search hits, text selection, rubber band)."""
    item = QGraphicsRectItem(qrect(rect), parent)
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setBrush(QBrush(colour))
    item.setZValue(z)
    item.setData(KIND_ROLE, kind)
    return item


def marked_picture(image: QImage, rects: Iterable[Rect], sx: float, sy: float, *,
                   fill: QColor | None = None) -> QPixmap:
    """A page picture (`sx`, `sy` pixels per point) with regions outlined, and filled if asked:
    the thumbnails of the entity view and of the redaction preview."""
    pixmap = QPixmap.fromImage(image)
    painter = QPainter(pixmap)
    painter.setPen(QPen(QColor(200, 0, 0), 2))
    if fill is not None:
        painter.setBrush(QBrush(fill))
    for rect in rects:
        px = rect.scaled(sx, sy)
        painter.drawRect(QRectF(px.x0 - 1, px.y0 - 1, max(2.0, px.width) + 2, max(2.0, px.height) + 2))
    painter.end()
    return pixmap
