"""Pick the entity a selection names: completion over existing entities and their
aliases (`core.entities.registry.complete`), or a new entity with a type.

An existing entity is chosen whenever one is picked (in the list, from the completer,
or by typing its exact name or alias); a new one is created only for a name that
matches none, and only once its type is chosen: the type starts empty."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.case import Case
from evidence_desk.core.entities.names import proposed_name
from evidence_desk.core.queries.entities import EntityMatch, complete
from evidence_desk.core.vocabulary import ENTITY_TYPES
from evidence_desk.ui.dialogs.buttons import ok_cancel
from evidence_desk.ui.terms import term

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1


class EntityPickerDialog(QDialog):
    """After accept: `chosen` is an existing EntityMatch, or None with `new_name`/`new_type` set."""

    def __init__(self, case: Case, quote: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag an entity"))
        self.setMinimumWidth(440)
        self.resize(480, 380)
        self.case = case
        self.chosen: EntityMatch | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Type a name or alias (any language or script)"))
        self._names = QStringListModel(self)
        completer = QCompleter(self._names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        # textChanged, not textEdited: a completer pick sets the text without "editing" it.
        self.name.textChanged.connect(self._update_matches)
        self.matches = QListWidget()
        self.matches.setMinimumHeight(140)
        self.matches.itemDoubleClicked.connect(lambda _i: self.accept())
        self.matches.currentItemChanged.connect(self._sync_type)
        self.type = QComboBox()
        self.type.addItem(self.tr("Choose a type…"), None)
        self._type_from_match = False  # the type box shows the picked entity's type
        for t in ENTITY_TYPES:
            self.type.addItem(t.replace("_", " ").capitalize(), t)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        buttons = ok_cancel(self, self.tr("Tag"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout()
        if quote:
            shown = quote if len(quote) < 120 else quote[:117] + "…"
            form.addRow(self.tr("Selected text"), QLabel(f"“{shown}”"))
        form.addRow(self.tr("Entity"), self.name)
        form.addRow(self.tr("Type (new entity)"), self.type)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Existing entities:")))
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self.type.currentIndexChanged.connect(self._type_chosen)
        if quote:
            self.name.setText((proposed_name(quote) or " ".join(quote.split()))[:200])
        self._update_matches(self.name.text())

    def _update_matches(self, text: str) -> None:
        found = complete(self.case, text.strip(), limit=30) if text.strip() else complete(self.case, "", 30)
        self.matches.clear()
        names: list[str] = []
        for view in found:
            shown = f"{view.name}  ·  {term(view.type)}"
            if view.matched:
                shown += "  " + self.tr("(as “{alias}”)").format(alias=view.matched)
            item = QListWidgetItem(shown)
            item.setData(ENTITY_ROLE, view)
            self.matches.addItem(item)
            names.append(view.name)
            if view.matched:
                names.append(view.matched)
        self._names.setStringList(list(dict.fromkeys(names)))
        wanted = text.strip().casefold()
        exact = next((i for i in range(self.matches.count())
                      if self._view(i).name.casefold() == wanted
                      or (self._view(i).matched or "").casefold() == wanted), None) if wanted else None
        self.matches.setCurrentRow(exact if exact is not None else -1)
        self._update_hint()

    def _view(self, row: int) -> EntityMatch:
        return self.matches.item(row).data(ENTITY_ROLE)  # type: ignore[no-any-return]

    def _sync_type(self, *_args: object) -> None:
        item = self.matches.currentItem()
        if item is not None:
            self.type.setCurrentIndex(self.type.findData(item.data(ENTITY_ROLE).type))
            self._type_from_match = True
        elif self._type_from_match:  # a new entity gets no type from one that is not picked
            self.type.setCurrentIndex(0)
        self._update_hint()

    def _type_chosen(self, _index: int) -> None:
        self._type_from_match = False
        self._update_hint()

    def _update_hint(self) -> None:
        item = self.matches.currentItem()
        name = self.name.text().strip()
        self.type.setEnabled(item is None)
        if item is not None:
            self.hint.setText(self.tr("Tags the existing entity “{name}”.").format(name=item.data(ENTITY_ROLE).name))
        elif name and self.type.currentData() is None:
            self.hint.setText(self.tr("No entity is called “{name}”: choose a type to create one, "
                                      "or pick an existing entity.").format(name=name))
        elif name:
            self.hint.setText(self.tr("Creates a new {type} “{name}”.").format(type=self.type.currentText().lower(), name=name))
        else:
            self.hint.setText(self.tr("Type a name, or pick an existing entity."))
        self.ok_button.setEnabled(self._ready())

    def _ready(self) -> bool:
        if self.matches.currentItem() is not None:
            return True
        return bool(self.name.text().strip()) and self.type.currentData() is not None

    def choose_new(self, name: str, entity_type: str) -> None:
        """Set a new entity (used by keyboard users and tests alike)."""
        self.name.setText(name)
        self._update_matches(name)
        self.matches.setCurrentRow(-1)
        self.type.setCurrentIndex(self.type.findData(entity_type))
        self._update_hint()

    def choose_existing(self, entity_id: int) -> bool:
        for row in range(self.matches.count()):
            if self._view(row).id == entity_id:
                self.matches.setCurrentRow(row)
                return True
        return False

    def accept(self) -> None:
        if not self._ready():
            return
        item = self.matches.currentItem()
        self.chosen = item.data(ENTITY_ROLE) if item is not None else None
        super().accept()

    @property
    def new_name(self) -> str:
        return self.name.text().strip()

    @property
    def new_type(self) -> str:
        return str(self.type.currentData())
