"""Tools › Entities…: the entity registry in the window (`entity list|alias|rename|merge|split`).

The list shows every entity with its aliases and how often it is tagged and
suggested, filtered by type and by text (name or alias). For the chosen entity
it lists every mention; activating one, or stepping with Previous/Next, shows
that page in the active viewer. Alias, Rename, Merge, Split and Delete are core
commands pushed through the window's undo stack (one step each, undoable from
Edit › Undo or the command line). Reads run on the window's database thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from evidence_desk.core.commands.base import Combined, Command
from evidence_desk.core.commands.changes import Changes
from evidence_desk.core.commands.entities import AddAlias, MergeEntities, RenameEntity, SplitEntity
from evidence_desk.core.commands.entity_delete import DeleteEntity
from evidence_desk.core.queries.entities import (
    EntityDetails,
    EntitySummary,
    entity_details,
    list_entities,
)
from evidence_desk.core.vocabulary import ENTITY_TYPES
from evidence_desk.ui.entities.split_dialog import SplitDialog
from evidence_desk.ui.terms import term

ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("name", "type", "aliases", "mentions", "suggested")


class _CountItem(QTableWidgetItem):
    """Sorts by number, not by text."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return int(self.text() or 0) < int(other.text() or 0)


class EntityManager(QDialog):
    loaded = Signal()  # the list was (re)read and shown
    mentionsShown = Signal(int)  # entity id whose mentions are listed
    commandDone = Signal(object)  # the applied core command

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main = window
        self.case = window.case
        self.entities: list[EntitySummary] = []
        self.details: EntityDetails | None = None
        self.setWindowTitle(self.tr("Entities"))
        self.setModal(False)
        self.resize(1000, 620)

        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter by name or alias"))
        self.filter.setClearButtonEnabled(True)
        self.type_box = QComboBox()
        self.type_box.addItem(self.tr("All types"), None)
        for entity_type in ENTITY_TYPES:
            self.type_box.addItem(term(entity_type), entity_type)
        find_label = QLabel(self.tr("&Find"))
        find_label.setBuddy(self.filter)
        type_label = QLabel(self.tr("T&ype"))
        type_label.setBuddy(self.type_box)
        self.count_label = QLabel()
        top = QHBoxLayout()
        for w in (find_label, self.filter, type_label, self.type_box, self.count_label):
            top.addWidget(w)
        top.setStretch(1, 1)

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Type"), self.tr("Aliases"),
                                              self.tr("Mentions"), self.tr("Suggested")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setMaximumSectionSize(260)
        self.table.setAccessibleName(self.tr("Entities"))

        self.mentions_title = QLabel(self.tr("Choose an entity to see its mentions."))
        self.mentions_title.setWordWrap(True)
        self.mentions = QListWidget()
        self.mentions.setAccessibleName(self.tr("Mentions"))
        self.mentions.setWordWrap(True)
        self.mentions.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.mentions.setAlternatingRowColors(True)
        self.mentions.itemActivated.connect(self._mention_activated)
        self.mentions.itemDoubleClicked.connect(self._mention_activated)
        self.prev_button = QPushButton(self.tr("&Previous Mention"))
        self.next_button = QPushButton(self.tr("&Next Mention"))
        self.prev_button.clicked.connect(lambda: self.step_mention(-1))
        self.next_button.clicked.connect(lambda: self.step_mention(1))
        steps = QHBoxLayout()
        steps.addWidget(self.prev_button)
        steps.addWidget(self.next_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.mentions_title)
        right_layout.addWidget(self.mentions, 1)
        right_layout.addLayout(steps)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([600, 400])

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (("alias", self.tr("Add &Alias…"), self.ask_alias),
                                 ("rename", self.tr("&Rename…"), self.ask_rename),
                                 ("merge", self.tr("&Merge…"), self.ask_merge),
                                 ("split", self.tr("&Split…"), self.ask_split),
                                 ("delete", self.tr("&Delete…"), self.ask_delete)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("&Close"))
        close.clicked.connect(self.close)
        row.addWidget(close)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addLayout(row)

        self.filter.textChanged.connect(lambda _t: self._fill())
        self.type_box.currentIndexChanged.connect(lambda _i: self._fill())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        window.undo.changed.connect(self._case_changed)
        window.team.changed.connect(self._case_changed)  # a colleague's changes too
        self._update_buttons()
        self.reload()

    # -- reading ---------------------------------------------------------------------------

    def reload(self) -> None:
        case = self.case
        self.main.db.submit(lambda: list_entities(case), self._loaded, self._read_failed)

    def _loaded(self, entities: list[EntitySummary]) -> None:
        self.entities = entities
        self._fill()
        self.loaded.emit()

    def _read_failed(self, exc: BaseException) -> None:
        self.error.setText(str(exc))

    def _case_changed(self, changes: Changes) -> None:
        if changes.touches("entities") or changes.touches("mentions"):
            self.reload()

    def visible_entities(self) -> list[EntitySummary]:
        text = self.filter.text().strip().casefold()
        wanted = self.type_box.currentData()
        return [e for e in self.entities
                if (wanted is None or e.type == wanted)
                and (not text or any(text in n.casefold() for n in (e.name, *e.aliases)))]

    def _fill(self) -> None:
        chosen = set(self.selected_ids())
        shown = self.visible_entities()
        self.table.blockSignals(True)
        self.table.setSortingEnabled(False)
        self.table.clearSelection()
        self.table.setRowCount(len(shown))
        for r, e in enumerate(shown):
            cells = (e.name, term(e.type), " · ".join(e.aliases), str(e.mentions), str(e.suggested))
            for c, text in enumerate(cells):
                item = _CountItem(text) if c >= 3 else QTableWidgetItem(text)
                item.setData(ID_ROLE, e.id)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) in chosen:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.count_label.setText(self.tr("{shown} of {total}").format(shown=len(shown), total=len(self.entities)))
        self._selection_changed()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectedItems()})
        return [int(self.table.item(r, 0).data(ID_ROLE)) for r in rows]

    def select_entity(self, entity_id: int) -> bool:
        for r in range(self.table.rowCount()):
            if self.table.item(r, 0).data(ID_ROLE) == entity_id:
                self.table.selectRow(r)
                return True
        return False

    def summary_of(self, entity_id: int) -> EntitySummary | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def _selection_changed(self) -> None:
        self._update_buttons()
        ids = self.selected_ids()
        if len(ids) != 1:
            self.details = None
            self.mentions.clear()
            self.mentions_title.setText(self.tr("Choose an entity to see its mentions.") if not ids else
                                        self.tr("{n} entities chosen.").format(n=len(ids)))
            return
        case, entity_id = self.case, ids[0]
        self.main.db.submit(lambda: entity_details(case, entity_id), self._show_mentions, self._read_failed)

    def _show_mentions(self, details: EntityDetails) -> None:
        if self.selected_ids() != [details.id]:
            return  # the user moved on meanwhile
        self.details = details
        self.mentions.clear()
        for row, m in enumerate(details.mentions):
            where = self.tr("{file} — p. {page}").format(file=m.filename, page=m.page)
            if m.kind == "suggestion":
                where += " " + self.tr("[suggested]")
            text = where + "\n" + (m.quote or self.tr("(region)"))
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, row)
            item.setToolTip(text)
            self.mentions.addItem(item)
        docs = len({m.doc_id for m in details.mentions})
        tagged = sum(1 for m in details.mentions if m.kind == "mention")
        self.mentions_title.setText(self.tr("{name}: {tagged} tagged, {suggested} suggested, in %n document(s)", "", docs)
                                    .format(name=details.name, tagged=tagged, suggested=len(details.mentions) - tagged))
        self.mentionsShown.emit(details.id)

    # -- opening mentions ------------------------------------------------------------------

    def open_mention(self, row: int) -> None:
        if self.details is None or not 0 <= row < len(self.details.mentions):
            return
        self.mentions.setCurrentRow(row)
        m = self.details.mentions[row]
        self.main.open_page(m.doc_id, m.page)
        if m.quote:
            self.main.viewer().highlight_terms([m.quote])

    def step_mention(self, delta: int) -> None:
        if self.details is None or not self.details.mentions:
            return
        count = len(self.details.mentions)
        current = self.mentions.currentRow()
        self.open_mention(0 if current < 0 else (current + delta) % count)

    def _mention_activated(self, item: QListWidgetItem) -> None:
        self.open_mention(int(item.data(ID_ROLE)))

    # -- commands --------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        n = len(self.selected_ids())
        for name, button in self.buttons.items():
            button.setEnabled(n >= 2 if name == "merge" else n == 1)

    def push(self, command: Command) -> None:
        self.error.clear()
        self.main.undo.push(command, on_done=self.commandDone.emit, on_failed=self.error.setText)

    def add_alias(self, entity_id: int, alias: str) -> None:
        self.push(AddAlias(entity_id, alias))

    def rename(self, entity_id: int, name: str) -> None:
        self.push(RenameEntity(entity_id, name))

    def merge(self, keep_id: int, other_ids: list[int]) -> None:
        """Every other into `keep_id`, as one step."""
        merges: list[Command] = [MergeEntities(keep_id, other) for other in other_ids if other != keep_id]
        if not merges:
            return
        keep = self.summary_of(keep_id)
        title = self.tr("Merge {n} entities into “{name}”").format(n=len(merges), name=keep.name if keep else keep_id)
        self.push(merges[0] if len(merges) == 1 else Combined(merges, title, "merge_entities"))

    def split(self, entity_id: int, name: str, mention_ids: list[int], aliases: list[str],
              entity_type: str | None = None) -> None:
        self.push(SplitEntity(entity_id, name, tuple(mention_ids), tuple(aliases), entity_type))

    def delete(self, entity_id: int) -> None:
        self.push(DeleteEntity(entity_id))

    # -- asking (the buttons) --------------------------------------------------------------

    def _one(self) -> EntitySummary | None:
        ids = self.selected_ids()
        return self.summary_of(ids[0]) if len(ids) == 1 else None

    def ask_alias(self) -> None:
        entity = self._one()
        if entity is None:
            return
        alias, ok = QInputDialog.getText(self, self.tr("Add an alias"),
                                         self.tr("Another name for “{name}” (a language, script or spelling):")
                                         .format(name=entity.name))
        if ok and alias.strip():
            self.add_alias(entity.id, alias.strip())

    def ask_rename(self) -> None:
        entity = self._one()
        if entity is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("New name (the old one stays an alias):"),
                                        text=entity.name)
        if ok and name.strip() and name.strip() != entity.name:
            self.rename(entity.id, name.strip())

    def ask_merge(self) -> None:
        chosen = [e for e in (self.summary_of(i) for i in self.selected_ids()) if e is not None]
        if len(chosen) < 2:
            return
        labels = [f"{e.name} ({term(e.type)}, {e.mentions})" for e in chosen]
        label, ok = QInputDialog.getItem(self, self.tr("Merge entities"),
                                         self.tr("Keep this one (the others' mentions and names move to it):"),
                                         labels, 0, False)
        if ok:
            keep = chosen[labels.index(label)]
            self.merge(keep.id, [e.id for e in chosen if e.id != keep.id])

    def ask_split(self) -> None:
        if self.details is None:
            return
        dialog = SplitDialog(self.details, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.split(self.details.id, dialog.new_name(), dialog.mention_ids(), dialog.aliases(),
                       dialog.entity_type())

    def ask_delete(self) -> None:
        entity = self._one()
        if entity is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete entity"),
            self.tr("Delete “{name}” with its {n} mention(s) and its aliases? Undo brings it back.")
            .format(name=entity.name, n=entity.mentions))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(entity.id)
