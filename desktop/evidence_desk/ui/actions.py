"""The window's commands: actions with shortcuts, the menus and the toolbar.

Kept out of `main_window.py` so the window only composes. Every action calls a
method of the window or of one of its parts; nothing here holds state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar, QToolButton

from evidence_desk.ui import about, focus, theme, welcome
from evidence_desk.ui import help as help_pages
from evidence_desk.ui.dialogs import settings_dialog
from evidence_desk.ui.dialogs.menu import DIALOG_COMMANDS, DOCUMENT_MENU
from evidence_desk.ui.panels.registry import WINDOW_COMMANDS

if TYPE_CHECKING:
    from evidence_desk.ui.main_window import MainWindow

LEFT, RIGHT = 0, 1



def with_mnemonics(actions: list[QAction]) -> list[QAction]:
    """Give each action the first letter of its text no other one has taken as its mnemonic
    (the Panels menu's entries are named by their docks, which carry no '&')."""
    taken: set[str] = set()
    for action in actions:
        text = action.text().replace("&", "")
        for i, ch in enumerate(text):
            if ch.isalnum() and ch.lower() not in taken:
                taken.add(ch.lower())
                action.setText(text[:i] + "&" + text[i:])
                break
    return actions


class Actions:
    """Attribute access to every action (tests trigger them by name)."""

    def __init__(self) -> None:
        self.all: dict[str, QAction] = {}

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["all"][name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def build_actions(w: MainWindow) -> Actions:
    acts = Actions()

    def add(name: str, text: str, slot: Callable[..., Any], shortcut: str | QKeySequence.StandardKey | None = None,
            *, checkable: bool = False, tip: str | None = None) -> QAction:
        text, tip = QCoreApplication.translate("MainWindow", text), QCoreApplication.translate("MainWindow", tip) if tip else None
        action = QAction(text, w)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.setToolTip(f"{tip or text.replace('&', '').rstrip('…')}"
                          + (f" ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})"
                             if shortcut else ""))
        action.setStatusTip(tip or "")
        (action.toggled if checkable else action.triggered).connect(slot)
        acts.all[name] = action
        w.addAction(action)  # shortcuts work even when menus and toolbar are hidden
        return action

    ws = w.workspace
    # Case
    add("new_case", QT_TRANSLATE_NOOP("MainWindow", "&New Case…"), w.new_case, "Ctrl+Shift+N")
    add("open_case", QT_TRANSLATE_NOOP("MainWindow", "&Open Case…"), w.open_case, QKeySequence.StandardKey.Open)
    add("import_files", QT_TRANSLATE_NOOP("MainWindow", "&Import Files…"), w.import_files, "Ctrl+I", tip=QT_TRANSLATE_NOOP("MainWindow", "Import PDFs and images into the case"))
    add("import_folder", QT_TRANSLATE_NOOP("MainWindow", "Import &Folder…"), w.import_folder, "Ctrl+Shift+I")
    add("open_demo", QT_TRANSLATE_NOOP("MainWindow", "Open the &Demo Case"), lambda: welcome.open_demo(w),
        tip=QT_TRANSLATE_NOOP("MainWindow", "Open the demo case (built first if need be)"))
    add("close_case", QT_TRANSLATE_NOOP("MainWindow", "Clos&e Case"), w.close_case, "Ctrl+Shift+W",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Close this case (the window then offers new, open and recent cases)"))
    add("quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)
    # Edit
    undo = w.undo.undo_action(w)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = w.undo.redo_action(w)
    redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y")])
    for name, action, short in (("undo", undo, QCoreApplication.translate("MainWindow", "Undo")), ("redo", redo, QCoreApplication.translate("MainWindow", "Redo"))):
        # The toolbar shows the short word (an explicit icon text stays when the text changes);
        # the menu keeps "Undo Tag “…” on document 4, page 1".
        action.setIconText(short)
        acts.all[name] = action
        w.addAction(action)
    add("find", QT_TRANSLATE_NOOP("MainWindow", "&Find in Document…"), lambda: focus.find(w), QKeySequence.StandardKey.Find)
    add("search", QT_TRANSLATE_NOOP("MainWindow", "&Search the Case…"), lambda: focus.search(w), "Ctrl+Shift+F")
    add("filter", QT_TRANSLATE_NOOP("MainWindow", "Filter &Documents"), lambda: focus.filter_documents(w), "Ctrl+Alt+F")
    add("settings", QT_TRANSLATE_NOOP("MainWindow", "Se&ttings…"), lambda: settings_dialog.edit_settings(w), QKeySequence.StandardKey.Preferences,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Author name, OCR languages, reason codes, language"))
    if not acts.settings.shortcuts():  # no standard Preferences key on this desktop
        acts.settings.setShortcut(QKeySequence("Ctrl+,"))
    # View: viewers
    add("open_left", QT_TRANSLATE_NOOP("MainWindow", "Open on the &Left"), lambda: w.open_selected(LEFT), "Ctrl+1",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Open the selected document on the left"))
    add("open_right", QT_TRANSLATE_NOOP("MainWindow", "Open on the &Right"), lambda: w.open_selected(RIGHT), "Ctrl+2",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Open the selected document on the right"))
    add("swap", QT_TRANSLATE_NOOP("MainWindow", "&Swap Sides"), ws.swap, "Ctrl+Shift+S", tip=QT_TRANSLATE_NOOP("MainWindow", "Swap the left and right documents"))
    add("close_viewer", QT_TRANSLATE_NOOP("MainWindow", "&Close Document"), ws.close_active, QKeySequence.StandardKey.Close)
    add("other_viewer", QT_TRANSLATE_NOOP("MainWindow", "Switch to the Other &Viewer"), w.activate_other_viewer, "F6")
    add("linked", QT_TRANSLATE_NOOP("MainWindow", "&Linked Scrolling"), ws.set_linked, "Ctrl+L", checkable=True,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Scroll both documents together"))
    add("single", QT_TRANSLATE_NOOP("MainWindow", "Single &Viewer"), ws.set_single, "Ctrl+\\", checkable=True,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Show one document at a time (small screens)"))
    # View: page
    add("zoom_in", QT_TRANSLATE_NOOP("MainWindow", "Zoom &In"), lambda: w.viewer().zoom_in(), QKeySequence.StandardKey.ZoomIn)
    add("zoom_out", QT_TRANSLATE_NOOP("MainWindow", "Zoom &Out"), lambda: w.viewer().zoom_out(), QKeySequence.StandardKey.ZoomOut)
    add("fit_width", QT_TRANSLATE_NOOP("MainWindow", "Fit &Width"), lambda: w.viewer().set_zoom_mode("fit_width"), "Ctrl+0")
    add("fit_page", QT_TRANSLATE_NOOP("MainWindow", "Fit &Page"), lambda: w.viewer().set_zoom_mode("fit_page"), "Ctrl+Shift+0")
    add("actual_size", QT_TRANSLATE_NOOP("MainWindow", "&Actual Size"), lambda: w.viewer().set_zoom_mode("actual"), "Ctrl+Alt+0")
    add("rotate", QT_TRANSLATE_NOOP("MainWindow", "&Rotate View"), lambda: w.viewer().rotate_view(), "Ctrl+R")
    add("next_page", QT_TRANSLATE_NOOP("MainWindow", "&Next Page"), lambda: w.step_page(1), "Ctrl+PgDown")
    add("prev_page", QT_TRANSLATE_NOOP("MainWindow", "&Previous Page"), lambda: w.step_page(-1), "Ctrl+PgUp")
    add("go_to_page", QT_TRANSLATE_NOOP("MainWindow", "&Go to Page…"), w.ask_page, "Ctrl+G")
    add("thumbnails", QT_TRANSLATE_NOOP("MainWindow", "Page &Thumbnails"), w.set_page_thumbnails, checkable=True,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Show a strip of page thumbnails beside each document"))
    add("dark", QT_TRANSLATE_NOOP("MainWindow", "&Dark Mode"), w.set_dark, checkable=True)
    add("reset_layout", QT_TRANSLATE_NOOP("MainWindow", "Reset &Layout"), w.reset_layout)
    # Tools (one key each, as in image editors)
    tools = QActionGroup(w)
    for name, text, key, mode, tip in (
        ("tool_select", QT_TRANSLATE_NOOP("MainWindow", "&Select"), "Esc", "select",
         QT_TRANSLATE_NOOP("MainWindow", "Select text; a menu offers tag, redact or note")),
        ("tool_tag", QT_TRANSLATE_NOOP("MainWindow", "&Tag"), "T", "tag",
         QT_TRANSLATE_NOOP("MainWindow", "Select words to tag an entity (B: drag a box instead)")),
        ("tool_redact", QT_TRANSLATE_NOOP("MainWindow", "&Redact"), "R", "redact",
         QT_TRANSLATE_NOOP("MainWindow", "Select words to propose a redaction (B: drag a box instead)")),
        ("tool_note", QT_TRANSLATE_NOOP("MainWindow", "&Note"), "N", "note",
         QT_TRANSLATE_NOOP("MainWindow", "Drag a box to add a note on a region")),
    ):
        action = add(name, text, lambda _on=False, m=mode: w.tools.set_mode(m), key, tip=tip)
        action.setCheckable(True)
        tools.addAction(action)
    acts.tool_select.setChecked(True)
    add("box", QT_TRANSLATE_NOOP("MainWindow", "Select by &Box"), w.tools.set_box, "B", checkable=True,
        tip=QT_TRANSLATE_NOOP("MainWindow", "Drag a box instead of selecting words (for scans and figures)"))

    def show_mode(mode: str) -> None:
        acts.all[f"tool_{mode}"].setChecked(True)
        acts.box.blockSignals(True)
        acts.box.setChecked(w.tools.box)
        acts.box.blockSignals(False)

    w.tools.modeChanged.connect(show_mode)
    add("tag_selection", QT_TRANSLATE_NOOP("MainWindow", "T&ag Selection…"), lambda: w.tools.act_on_selection("tag"), "Ctrl+T",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Tag the selected words, or the current find hit, as an entity"))
    add("redact_selection", QT_TRANSLATE_NOOP("MainWindow", "Redact Se&lection…"), lambda: w.tools.act_on_selection("redact"), "Ctrl+Shift+D",
        tip=QT_TRANSLATE_NOOP("MainWindow", "Propose a redaction of the selected words, or of the current find hit"))
    add("note_page", QT_TRANSLATE_NOOP("MainWindow", "Note on this &Page…"), w.note_on_page, "Ctrl+Shift+M")
    add("note_document", QT_TRANSLATE_NOOP("MainWindow", "Note on the &Document…"), w.note_on_document)
    # Help
    add("guide", QT_TRANSLATE_NOOP("MainWindow", "&Guide"), lambda: help_pages.show_guide(w), QKeySequence.StandardKey.HelpContents)
    add("shortcuts", QT_TRANSLATE_NOOP("MainWindow", "&Keyboard Shortcuts"), lambda: help_pages.show_shortcuts(w), "Ctrl+/")
    add("welcome", QT_TRANSLATE_NOOP("MainWindow", "&Welcome Screen"), lambda: welcome.show_welcome(w))
    add("about", QT_TRANSLATE_NOOP("MainWindow", "&About Evidence Desk"), lambda: about.show_about(w))

    _menus(w, acts)
    _toolbar(w, acts)
    return acts


def _menus(w: MainWindow, a: Actions) -> None:
    bar = w.menuBar()
    case = bar.addMenu(QCoreApplication.translate("MainWindow", "&Case"))
    for x in (a.new_case, a.open_case, a.open_demo):
        case.addAction(x)
    w.recent_menu = case.addMenu(QCoreApplication.translate("MainWindow", "Open &Recent"))
    case.addSeparator()
    for x in (a.import_files, a.import_folder):
        case.addAction(x)
    before_quit = case.addSeparator()
    case.addAction(a.close_case)
    case.addAction(a.quit)
    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    for x in (a.undo, a.redo):
        edit.addAction(x)
    edit.addSeparator()
    for x in (a.find, a.search, a.filter):
        edit.addAction(x)
    edit.addSeparator()
    edit.addAction(a.settings)
    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for group in ((a.open_left, a.open_right, a.swap, a.close_viewer, a.other_viewer),
                  (a.linked, a.single, a.thumbnails),
                  (a.zoom_in, a.zoom_out, a.fit_width, a.fit_page, a.actual_size, a.rotate),
                  (a.next_page, a.prev_page, a.go_to_page)):
        for x in group:
            view.addAction(x)
        view.addSeparator()
    w.panels_menu = view.addMenu(QCoreApplication.translate("MainWindow", "P&anels"))
    view.addAction(a.dark)
    view.addAction(a.reset_layout)
    document = bar.addMenu(QCoreApplication.translate("WindowCommands", DOCUMENT_MENU))
    tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    for x in (a.tool_select, a.tool_tag, a.tool_redact, a.tool_note):
        tools.addAction(x)
    tools.addSeparator()
    tools.addAction(a.box)
    tools.addSeparator()
    tools.addAction(a.tag_selection)
    tools.addAction(a.redact_selection)
    tools.addSeparator()
    tools.addAction(a.note_page)
    tools.addAction(a.note_document)
    menus = {"&Case": case, "&Edit": edit, "&View": view, DOCUMENT_MENU: document, "&Tools": tools}
    for command in (*WINDOW_COMMANDS, *DIALOG_COMMANDS):
        menu = menus.get(command.menu) or bar.addMenu(QCoreApplication.translate("WindowCommands", command.menu))
        menus[command.menu] = menu
        action = QAction(QCoreApplication.translate("WindowCommands", command.text), w)
        action.triggered.connect(lambda _on=False, c=command: c.run(w))
        if command.shortcut:
            action.setShortcut(QKeySequence(command.shortcut))
        if menu is case:
            menu.insertAction(before_quit, action)  # Quit stays last, after its separator
        else:
            menu.addAction(action)
        if getattr(command, "edits", False):
            w.edit_commands.append(action)
    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    for x in (a.guide, a.shortcuts, a.welcome):
        help_menu.addAction(x)
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def _toolbar(w: MainWindow, a: Actions) -> None:
    tb = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    tb.setObjectName("MainToolbar")
    tb.setMovable(False)
    groups = ((a.import_files,),
              (a.open_left, a.open_right, a.swap, a.linked, a.single),
              (a.zoom_out, a.zoom_in, a.fit_width, a.fit_page, a.rotate),
              (a.tool_select, a.tool_tag, a.tool_redact, a.tool_note, a.box),
              (a.undo, a.redo))
    short = {"import_files": QT_TRANSLATE_NOOP("MainWindow", "Import"), "open_left": QT_TRANSLATE_NOOP("MainWindow", "◧ Left"), "open_right": QT_TRANSLATE_NOOP("MainWindow", "Right ◨"), "swap": QT_TRANSLATE_NOOP("MainWindow", "⇄ Swap"),
             "linked": QT_TRANSLATE_NOOP("MainWindow", "Link"), "single": QT_TRANSLATE_NOOP("MainWindow", "Single"), "zoom_out": "−", "zoom_in": "+",
             "fit_width": QT_TRANSLATE_NOOP("MainWindow", "Width"), "fit_page": QT_TRANSLATE_NOOP("MainWindow", "Page"), "rotate": "⟳", "box": QT_TRANSLATE_NOOP("MainWindow", "▭ Box")}
    for name, label in short.items():
        a.all[name].setIconText(QCoreApplication.translate("MainWindow", label))  # the toolbar shows iconText; menus keep the full text
    for i, group in enumerate(groups):
        if i:
            tb.addSeparator()
        for action in group:
            tb.addAction(action)
    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    w.addToolBar(tb)
    w.toolbar = tb
    w.icon_painter = theme.install_icons(w, a.all)  # SVGs in the palette's colours, light or dark
    for action in tb.actions():
        button = tb.widgetForAction(action)
        if button is not None and not action.isSeparator():
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    import_button = tb.widgetForAction(a.import_files)
    if isinstance(import_button, QToolButton):  # the first step in an empty case: say it in words too
        import_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
