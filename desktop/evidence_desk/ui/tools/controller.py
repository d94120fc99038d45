"""The tools: what happens after the user selects a region or text in a viewer.

The current tool decides: *tag* asks for an entity, *redact* for a reason code,
*note* for a text; *select* (the default) offers all three in a small menu after
a text selection. Each ends in a core command applied through the undo
controller (on the database thread) — the same command, with the same checks, that
the command line applies (`Tag`, `MarkRedaction`, `AddNote`).

Dialogs open window-modal with `open()` (never `exec()`), so the event loop
keeps running; `self.dialog` is the open one."""

from __future__ import annotations

from functools import reduce

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from evidence_desk.core.case import Case
from evidence_desk.core.commands.base import Command
from evidence_desk.core.commands.notes import AddNote
from evidence_desk.core.commands.redaction import MarkRedaction, Spot
from evidence_desk.core.commands.tagging import Tag
from evidence_desk.core.errors import EvidenceDeskError
from evidence_desk.core.geometry import Rect
from evidence_desk.ui.tools.entity_picker import EntityPickerDialog
from evidence_desk.ui.tools.note_dialog import NoteDialog
from evidence_desk.ui.tools.reason_dialog import ReasonDialog
from evidence_desk.ui.undo import UndoController

MODES = ("select", "tag", "redact", "note")
# Whether a tool starts by selecting words (False) or by dragging a box (True); B toggles it,
# and scanned pages without a text layer need the box.
BOX_BY_DEFAULT = {"select": False, "tag": False, "redact": False, "note": True}


class Selection:
    """Where the user pointed: a page of a document, a region and/or words with their quote."""

    def __init__(self, doc_id: int, page: int, rects: list[Rect], quote: str | None) -> None:
        self.doc_id = doc_id
        self.page = page
        self.rects = rects
        self.quote = quote or None

    @property
    def bounds(self) -> Rect | None:
        return reduce(Rect.union, self.rects) if self.rects else None


class ToolController(QObject):
    modeChanged = Signal(str)
    applied = Signal(object)  # the core Command, after it was applied
    message = Signal(str)  # errors and results for the status bar
    dialogOpened = Signal(object)

    def __init__(self, case: Case, undo: UndoController, window: QWidget) -> None:
        super().__init__(window)
        self.case = case
        self.undo = undo
        self.window = window
        self.mode = "select"
        self.box = False
        self.viewers: list[QWidget] = []
        self.dialog: QDialog | None = None
        self.menu: QMenu | None = None
        self.read_only = False  # a case open read-only: only selecting and copying (ui/read_only.py)

    def attach(self, viewer: QWidget) -> None:
        self.viewers.append(viewer)
        viewer.regionSelected.connect(  # type: ignore[attr-defined]
            lambda page, rect, v=viewer: self.on_region(v, page, rect))
        viewer.textSelected.connect(  # type: ignore[attr-defined]
            lambda page, rects, quote, v=viewer: self.on_text(v, page, rects, quote))
        viewer.set_tool(self.viewer_tool)  # type: ignore[attr-defined]

    @property
    def viewer_tool(self) -> str:
        return "rect" if self.box else "select"

    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(mode)
        if self.read_only and mode != "select":
            self.message.emit(self.tr("The case is open read-only: it cannot be changed from this window"))
            mode = "select"
        self.mode = mode
        self.box = BOX_BY_DEFAULT[mode]
        self._apply()

    def set_box(self, on: bool) -> None:
        """Select by dragging a box (True) or over words (False)."""
        self.box = on
        self._apply()

    def _apply(self) -> None:
        for viewer in self.viewers:
            viewer.set_tool(self.viewer_tool)  # type: ignore[attr-defined]
            if self.mode == "select":  # Esc also drops a selection left on the page
                clear = getattr(getattr(viewer, "page_view", None), "clear_selection", None)
                if clear is not None:
                    clear()
        self.modeChanged.emit(self.mode)

    def describe(self) -> str:
        """The status bar's account of the tool, in the interface language (one whole phrase
        per tool and way of selecting, so a translation need not assemble it)."""
        phrases = {
            ("select", False): self.tr("Tool: select (text)"), ("select", True): self.tr("Tool: select (box)"),
            ("tag", False): self.tr("Tool: tag (text)"), ("tag", True): self.tr("Tool: tag (box)"),
            ("redact", False): self.tr("Tool: redact (text)"), ("redact", True): self.tr("Tool: redact (box)"),
            ("note", False): self.tr("Tool: note (text)"), ("note", True): self.tr("Tool: note (box)"),
        }
        return phrases[(self.mode, self.box)]

    # -- selections from viewers -------------------------------------------------------------

    def on_region(self, viewer: QWidget, page: int, rect: Rect) -> None:
        doc_id = viewer.document_id  # type: ignore[attr-defined]
        if doc_id is None:
            return
        sel = Selection(doc_id, page, [rect], None)
        if self.mode == "select":
            self._offer(sel)
        else:
            self.start(self.mode, sel)

    def on_text(self, viewer: QWidget, page: int, rects: list[Rect], quote: str) -> None:
        doc_id = viewer.document_id  # type: ignore[attr-defined]
        if doc_id is None or not rects:
            return
        sel = Selection(doc_id, page, list(rects), quote)
        if self.mode == "select":
            self._offer(sel)
        else:
            self.start(self.mode, sel)

    def act_on_selection(self, what: str) -> QDialog | None:
        """Tag or redact what the active viewer has selected (or its current find hit), from the
        keyboard: Tools › Tag Selection / Redact Selection."""
        viewer = getattr(self.window, "viewer", lambda: None)()
        picked = viewer.current_selection() if viewer is not None and viewer.document_id is not None else None
        if picked is None:
            self.message.emit(self.tr("Select words first (drag, or find them with Ctrl+F and Enter)"))
            return None
        page, rects, quote = picked
        return self.start(what, Selection(viewer.document_id, page, rects, quote))

    def _offer(self, sel: Selection) -> None:
        menu = QMenu(self.window)
        for what, text in (("tag", self.tr("&Tag an entity…")), ("redact", self.tr("Propose a &redaction…")),
                           ("note", self.tr("Add a &note…"))):
            menu.addAction(text, lambda w=what: self.start(w, sel)).setEnabled(not self.read_only)
        if sel.quote:
            menu.addAction(self.tr("&Copy text"), lambda: QApplication.clipboard().setText(sel.quote or ""))
        self.menu = menu
        menu.popup(QCursor.pos())

    def start(self, what: str, sel: Selection) -> QDialog | None:
        if self.read_only:
            self.message.emit(self.tr("The case is open read-only: it cannot be changed from this window"))
            return None
        if what == "tag":
            return self.start_tag(sel)
        if what == "redact":
            return self.start_redact(sel)
        return self.start_note(sel.doc_id, sel.page, sel)

    # -- the three tools -----------------------------------------------------------------------

    def start_tag(self, sel: Selection) -> QDialog:
        dialog = EntityPickerDialog(self.case, sel.quote, self.window)
        return self._open(dialog, lambda: self._finish_tag(dialog, sel))

    def _finish_tag(self, dialog: EntityPickerDialog, sel: Selection) -> None:
        rect = sel.bounds
        if dialog.chosen is not None:
            tag = Tag(sel.doc_id, sel.page, rect=rect, quote=sel.quote, entity_id=dialog.chosen.id)
            name = dialog.chosen.name
        else:
            tag = Tag(sel.doc_id, sel.page, dialog.new_name, dialog.new_type, rect=rect, quote=sel.quote)
            name = dialog.new_name
        self._push(tag, f"Tag {name}")

    def start_redact(self, sel: Selection) -> QDialog:
        summary = (f"“{sel.quote}” ({len(sel.rects)} box(es))" if sel.quote
                   else f"a region on page {sel.page}")
        dialog = ReasonDialog(self.case, self.undo, summary, self.window)
        return self._open(dialog, lambda: self._push(
            MarkRedaction([Spot(sel.doc_id, sel.page, tuple(sel.rects), sel.quote)], dialog.code,
                          note=dialog.note_text, status="proposed"),
            "Propose redaction"))

    def start_note(self, doc_id: int, page: int | None, sel: Selection | None = None) -> QDialog:
        available = tuple(s for s, ok in (("region", sel is not None and sel.bounds is not None),
                                           ("page", page is not None), ("document", True)) if ok)
        dialog = NoteDialog(available, available[0], self.window)

        def finish() -> None:
            scope = dialog.scope
            rect = sel.bounds if sel is not None and scope == "region" else None
            self._push(AddNote(doc_id, dialog.text.toPlainText(),
                               page if scope in ("region", "page") else None, rect), "Add note")

        return self._open(dialog, finish)

    # -- plumbing -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog, on_accept: object) -> QDialog:
        self.dialog = dialog

        def done(result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if result == QDialog.DialogCode.Accepted:
                try:
                    on_accept()  # type: ignore[operator]
                except EvidenceDeskError as exc:
                    self.message.emit(str(exc))

        dialog.finished.connect(done)
        dialog.open()
        self.dialogOpened.emit(dialog)
        return dialog

    def _push(self, command: Command, text: str) -> None:
        """Apply on the database thread; a refusal (bad input) arrives as the undo controller's
        `failed`, which the window shows."""

        def done(applied: Command) -> None:
            self.applied.emit(applied)
            self.message.emit(self.tr("{what}: done").format(what=text))

        self.undo.push(command, on_done=done)
