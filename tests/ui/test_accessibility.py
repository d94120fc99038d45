"""Screen readers: every control of the main window a person can reach has a name."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from evidence_desk.ui.accessibility import INTERACTIVE, name_controls, own_text
from tests.ui.conftest import doc_id_by_name


def _unnamed(window) -> list[str]:
    out = []
    for widget in window.findChildren(QWidget):
        if isinstance(widget, INTERACTIVE) and widget.isVisible() and not (
                widget.accessibleName().strip() or own_text(widget)):
            parents, p = [], widget.parentWidget()
            while p is not None and len(parents) < 3:
                parents.append(type(p).__name__)
                p = p.parentWidget()
            out.append(f"{type(widget).__name__} in {' < '.join(parents)}")
    return out


def test_every_visible_control_of_the_window_has_an_accessible_name_or_text(window, ui_case, qtbot):
    window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    window.open_document(doc_id_by_name(ui_case, "c_note_verbale.pdf"), 1)
    for dock in window.hidden_by_default:
        dock.show()
    window.actions_.thumbnails.setChecked(True)
    qtbot.waitUntil(lambda: window.workspace.viewer(1).isVisible())
    name_controls(window)  # widgets a viewer shows once a document is open
    assert _unnamed(window) == []


def test_the_main_controls_have_names_that_say_what_they_are(window):
    assert window.browser.table.accessibleName() == "Documents in the case"
    assert window.browser.search.box.accessibleName() == "Search the case"
    assert window.workspace.viewer(0).page_view.accessibleName() == "Left document: pages"
    zoom_in = window.toolbar.widgetForAction(window.actions_.zoom_in)
    assert zoom_in.accessibleName() == "Zoom In" and not zoom_in.icon().isNull()


def test_the_welcome_screen_has_names_for_its_controls(window):
    window.actions_.welcome.trigger()
    assert _unnamed(window) == []
    assert window.welcome.recent.accessibleName() == "Recent cases"
