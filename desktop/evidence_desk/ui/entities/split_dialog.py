"""Split an entity: a new entity takes the chosen mentions and aliases (`entity split`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.queries.entities import EntityDetails
from evidence_desk.core.vocabulary import ENTITY_TYPES
from evidence_desk.ui.dialogs.buttons import ok_cancel
from evidence_desk.ui.terms import term

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


def _checkable(text: str, value: object) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(VALUE_ROLE, value)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    return item


class SplitDialog(QDialog):
    def __init__(self, details: EntityDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split “{name}”").format(name=details.name))
        self.setMinimumWidth(520)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("the new entity's name"))
        self.type_box = QComboBox()
        for entity_type in ENTITY_TYPES:
            self.type_box.addItem(term(entity_type), entity_type)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(details.type)))
        self.mention_list = QListWidget()
        for m in details.mentions:
            if m.kind == "mention":
                self.mention_list.addItem(_checkable(
                    self.tr("{file} — p. {page}: {quote}").format(file=m.filename, page=m.page,
                                                                 quote=m.quote or self.tr("(region)")), m.id))
        self.alias_list = QListWidget()
        for alias in details.aliases:
            self.alias_list.addItem(_checkable(alias, alias))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("&New name"), self.name)
        form.addRow(self.tr("T&ype"), self.type_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Mentions that name the new entity:")))
        layout.addWidget(self.mention_list, 2)
        layout.addWidget(QLabel(self.tr("Aliases that belong to the new entity:")))
        layout.addWidget(self.alias_list, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("&Split"), self._confirm))

    @staticmethod
    def _checked(widget: QListWidget) -> list[object]:
        return [widget.item(i).data(VALUE_ROLE) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def mention_ids(self) -> list[int]:
        return [int(v) for v in self._checked(self.mention_list)]  # type: ignore[call-overload]

    def aliases(self) -> list[str]:
        return [str(v) for v in self._checked(self.alias_list)]

    def new_name(self) -> str:
        return self.name.text().strip()

    def entity_type(self) -> str:
        return str(self.type_box.currentData())

    def _confirm(self) -> None:
        if not self.new_name():
            self.error.setText(self.tr("Give the new entity a name."))
        elif not self.mention_ids() and not self.aliases():
            self.error.setText(self.tr("Choose the mentions or aliases the new entity takes."))
        else:
            self.accept()
