"""The window fits a 1,280 × 720 laptop screen with two documents side by side: the docks
collapse into tabs, the toolbars overflow instead of widening the window, and no visible
widget is squeezed below the size it needs to show itself (its minimumSizeHint)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDockWidget, QHeaderView, QScrollBar, QTabBar, QWidget

from evidence_desk.core.queries.documents import list_documents
from evidence_desk.ui.app import wait_until_drawn

REPO = Path(__file__).resolve().parents[2]
LAPTOP = (1280, 720)


# Parts that scroll what does not fit (and so may be smaller than all of it) are not squeezed.
SCROLLING = (QScrollBar, QTabBar, QHeaderView)


def _in_scroller(w: QWidget) -> bool:
    while w is not None:
        if isinstance(w, SCROLLING):
            return True
        w = w.parentWidget()
    return False


def squeezed(root: QWidget) -> list[str]:
    """Visible widgets narrower or lower than their minimumSizeHint, with their place."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or _in_scroller(w) or w.window() is not root:
            continue
        hint = w.minimumSizeHint()
        if not hint.isValid():
            continue
        if w.width() < hint.width() or w.height() < hint.height():
            name = w.objectName() or type(w).__name__
            parent = w.parentWidget()
            out.append(f"{name} in {type(parent).__name__ if parent else '-'}: "
                       f"{w.width()}×{w.height()} < {hint.width()}×{hint.height()}")
    return out


def show_two_documents(window, qtbot, size=LAPTOP):
    window.persist_layout = False
    window.resize(*size)
    window.reset_layout()
    docs = list_documents(window.case)
    viewers = [window.open_document(d.id, side) for side, d in enumerate(docs[:2])]
    assert wait_until_drawn(window, viewers)
    QApplication.processEvents()
    return viewers


def test_two_documents_fit_1280_by_720_with_nothing_squeezed(window, qtbot):
    viewers = show_two_documents(window, qtbot)

    assert window.width() == LAPTOP[0] and window.height() == LAPTOP[1], "the window grew past the screen"
    assert window.minimumSizeHint().width() <= LAPTOP[0]
    assert squeezed(window) == []
    for viewer in viewers:
        assert viewer.isVisible() and viewer.page_view.viewport().width() >= 300


def test_at_1280_the_docks_are_tabs_and_the_toolbar_overflows(window, qtbot):
    show_two_documents(window, qtbot)

    assert window.compact
    tabbed = window.tabifiedDockWidgets(window.browser_dock)
    assert window.annotations in tabbed  # the annotation panel is a tab beside the case browser
    visible_docks = [d for d in window.findChildren(QDockWidget) if (d.isVisible() and not d.isFloating()
                     and not window.tabifiedDockWidgets(d)) or d is window.browser_dock]
    assert visible_docks
    # Every toolbar action is still reachable: on the bar, or behind its extension button.
    bar = window.toolbar
    assert bar.width() <= window.width()


def test_a_wide_window_goes_back_to_docks_side_by_side(window, qtbot):
    show_two_documents(window, qtbot)
    assert window.compact
    window.resize(1800, 1000)
    QApplication.processEvents()
    assert not window.compact
    assert window.annotations not in window.tabifiedDockWidgets(window.browser_dock)


SCALED_SCRIPT = r"""
import sys
from PySide6.QtWidgets import QApplication
from evidence_desk.ui.app import Session, application, wait_until_drawn, open_side_by_side
from tests.ui.test_small_screen import squeezed

app = application()
s = Session(app, "tester")
s.open(sys.argv[1], create=False)
w = s.window
w.persist_layout = False
w.resize(1280, 720)
w.show()
w.reset_layout()
viewers = open_side_by_side(w)
wait_until_drawn(w, viewers)
app.processEvents()
print("ratio", w.devicePixelRatioF())
print("size", w.width(), w.height())
print("squeezed", squeezed(w))
print("font", w.fontInfo().pixelSize())
w.close()
s.close()
"""


def test_at_200_percent_scaling_the_window_fits_2560_by_1440_and_nothing_is_squeezed(ui_case, tmp_path):
    ui_case.close()
    script = tmp_path / "scaled.py"
    script.write_text(SCALED_SCRIPT)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2",
           "EVIDENCE_DESK_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, str(script), str(ui_case.path)], capture_output=True, text=True,
                          timeout=180, cwd=REPO, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert float(lines["ratio"]) == 2.0
    assert lines["size"] == "1280 720"  # 2,560 × 1,440 device pixels
    assert lines["squeezed"] == "[]", lines["squeezed"]
    assert int(lines["font"]) >= 9  # logical pixels: 18 device pixels or more, readable
