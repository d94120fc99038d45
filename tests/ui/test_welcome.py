"""The welcome screen: shown while the case is empty, it offers the first steps and says
where the case and the settings are kept."""

from __future__ import annotations

from evidence_desk.core import settings as core_settings
from evidence_desk.core.case import Case
from evidence_desk.ui.main_window import MainWindow


def test_an_empty_case_opens_on_the_welcome_screen_that_says_what_is_stored_where(tmp_path, qtbot,
                                                                                  shared_render_service):
    from evidence_desk.ui import settings
    from evidence_desk.ui.app import application

    application()
    settings.add_recent_case(tmp_path / "earlier-case")
    case = Case.open(tmp_path / "fresh", create=True)
    win = MainWindow(case, shared_render_service)
    qtbot.addWidget(win)
    win.show()
    try:
        assert win.centre.currentWidget() is win.welcome
        stored = win.welcome.stored.text()
        assert str(case.path) in stored and str(core_settings.settings_path()) in stored
        assert [win.welcome.recent.item(i).text() for i in range(win.welcome.recent.count())] == [
            f"earlier-case — {tmp_path}"]
        assert win.welcome.show_documents.isHidden()  # nothing to show yet
        with qtbot.waitSignal(win.caseSwitchRequested) as switched:
            win.welcome.recent.itemActivated.emit(win.welcome.recent.item(0))
        assert switched.args == [tmp_path / "earlier-case"]
    finally:
        win.close()
        case.close()


def test_a_case_with_documents_opens_on_the_viewers_and_help_shows_the_welcome_again(window):
    assert window.centre.currentWidget() is window.workspace
    window.actions_.welcome.trigger()
    assert window.centre.currentWidget() is window.welcome
    assert not window.welcome.show_documents.isHidden()
    window.welcome.show_documents.click()
    assert window.centre.currentWidget() is window.workspace


def test_opening_a_document_leaves_the_welcome_screen(window, ui_case):
    from tests.ui.conftest import doc_id_by_name

    window.actions_.welcome.trigger()
    window.open_document(doc_id_by_name(ui_case, "a_letter.pdf"), 0)
    assert window.centre.currentWidget() is window.workspace
