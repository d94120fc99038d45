"""Search-hit snippets with the matched words in bold on a highlight, not between « »
(which are real quotation marks in Russian text, so they could not tell a hit from a quote).

The item's text stays the plain snippet (for screen readers, copying and sorting); the
marked-up copy is in `SNIPPET_HTML_ROLE`, drawn here with a QTextDocument."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from evidence_desk.core.search import SNIPPET_CLOSE, SNIPPET_OPEN

SNIPPET_HTML_ROLE = Qt.ItemDataRole.UserRole + 2
HIT_STYLE = "font-weight:600; background-color:rgba(255, 200, 0, 110);"


def plain_snippet(snippet: str) -> str:
    return " ".join(snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "").split())


def snippet_html(snippet: str) -> str:
    """The snippet as HTML, each ⟨hit⟩ in a highlighted bold span (the rest escaped)."""
    text = html.escape(" ".join(snippet.split()))
    return (text.replace(html.escape(SNIPPET_OPEN), f'<span style="{HIT_STYLE}">')
            .replace(html.escape(SNIPPET_CLOSE), "</span>"))


class SnippetDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, markup: str) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(1)
        doc.setHtml(markup)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        markup = index.data(SNIPPET_HTML_ROLE)
        if not markup:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._document(opt, markup)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        painter.save()
        painter.translate(text_rect.topLeft())
        painter.setClipRect(text_rect.translated(-text_rect.topLeft()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        markup = index.data(SNIPPET_HTML_ROLE)
        if markup:
            size.setHeight(max(size.height(), int(self._document(option, markup).size().height())))
        return size
