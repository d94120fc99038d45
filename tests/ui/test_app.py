"""The application: window layout remembered between runs, and the screenshot mode."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from evidence_desk.ui import settings
from evidence_desk.ui.app import run_gui
from evidence_desk.ui.main_window import MainWindow


def test_window_layout_is_restored_in_the_next_session(ui_case, qtbot, shared_render_service):
    first = MainWindow(ui_case, shared_render_service)
    qtbot.addWidget(first)
    first.show()
    screen = first.screen().availableGeometry()  # restoreGeometry keeps a window on its screen
    first.resize(screen.width() - 37, screen.height() - 41)
    height = first.height()  # (the width is clamped by the window's minimum on the small offscreen screen)
    first.toolbar.hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.annotations)
    first.tabifyDockWidget(first.browser_dock, first.annotations)
    first.actions_.linked.setChecked(True)
    first.actions_.thumbnails.setChecked(True)
    first.close()

    second = MainWindow(ui_case, shared_render_service)
    qtbot.addWidget(second)
    second.show()
    assert second.height() == height
    assert second.toolbar.isHidden()
    assert second.dockWidgetArea(second.annotations) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.annotations in second.tabifiedDockWidgets(second.browser_dock)
    assert second.workspace.linked and second.actions_.linked.isChecked()
    assert second.actions_.thumbnails.isChecked()
    assert not second.workspace.viewer(0).thumbnails.isHidden()
    second.close()
    assert str(ui_case.path) not in str(settings.app_settings().fileName())  # kept in the config folder


def test_recent_cases_and_dark_mode_are_remembered(tmp_path):
    settings.add_recent_case(tmp_path / "one")
    settings.add_recent_case(tmp_path / "two")
    settings.add_recent_case(tmp_path / "one")
    assert settings.recent_cases() == [tmp_path / "one", tmp_path / "two"]
    settings.set_dark_mode(True)
    assert settings.dark_mode()
    # Kept in the core settings file the command line reads, not in the window's QSettings.
    from evidence_desk.core import settings as core_settings
    assert core_settings.load().theme == "dark"
    assert core_settings.load().recent_cases == [tmp_path / "one", tmp_path / "two"]
    assert "recent/cases" not in settings.app_settings().allKeys()


def test_preferences_of_an_earlier_version_move_from_the_ini_file_once(tmp_path):
    from evidence_desk.core import settings as core_settings

    ini = settings.app_settings()
    ini.setValue("recent/cases", [str(tmp_path / "a"), str(tmp_path / "b")])
    ini.setValue("ui/dark", True)
    ini.setValue("window/linked", True)  # layout stays where it is
    ini.sync()
    settings.move_old_preferences()
    prefs = core_settings.load()
    assert prefs.recent_cases == [tmp_path / "a", tmp_path / "b"] and prefs.theme == "dark"
    assert set(settings.app_settings().allKeys()) == {"window/linked"}


def test_dark_mode_switch_changes_the_palette(window):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    window.actions_.dark.setChecked(True)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    window.actions_.dark.setChecked(False)
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_screenshot_mode_writes_a_png_of_two_rendered_documents(ui_case, tmp_path, qapp):
    out = tmp_path / "shot.png"
    ui_case.close()
    assert run_gui(ui_case.path, screenshot=out, author="tester") == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 1000)
    # Non-trivial content: many distinct colours, and dark text pixels inside both viewers.
    colours = {image.pixel(x, y) for x in range(0, 1600, 7) for y in range(0, 1000, 7)}
    assert len(colours) > 50
    for x0, x1 in ((380, 740), (800, 1180)):  # the left and the right viewer at the default layout
        dark = sum(1 for x in range(x0, x1, 2) for y in range(120, 900, 2)
                   if image.pixelColor(x, y).lightness() < 100)
        assert dark > 20  # the pages' text was drawn
    assert not image.isNull()


def test_opening_another_case_replaces_the_window_and_is_remembered(ui_case, tmp_path, qapp):
    from evidence_desk.ui.app import Session

    session = Session(qapp, "tester")
    assert session.open(ui_case.path)
    first = session.window
    first.caseCreateRequested.emit(tmp_path / "new-case")  # as Case › New Case… does
    try:
        assert session.window is not first
        assert session.case.path == (tmp_path / "new-case").resolve()
        assert session.window.browser.model.rowCount() == 0
        assert settings.recent_cases()[:2] == [(tmp_path / "new-case").resolve(), ui_case.path]
    finally:
        session.window.close()
        session.close()
