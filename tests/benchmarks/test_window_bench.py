"""The whole reviewer window against a bare PySide6 window (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_window_bench.py -s

Launch → first page visible in the *main window* (QApplication, theme, render
service, case, browser with thumbnails, both viewers, the panels and docks, as
`evidence-desk gui` starts) against a bare PySide6 window showing a PyMuPDF pixmap
of the same page (target ≤ 1.5×). Both measured from process start, in fresh processes."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing.importer import import_paths
from tests.benchmarks.launch import BARE_SCRIPT, text_pdf, time_to_visible

pytestmark = pytest.mark.benchmark
REPO = Path(__file__).resolve().parents[2]

WINDOW_SCRIPT = r"""
import sys

if __name__ == "__main__":
    from PySide6.QtCore import QEventLoop, QTimer
    from evidence_desk.ui.app import Session, application, page_drawn

    app = application()
    session = Session(app, "bench")
    session.open(sys.argv[1], create=False)
    window = session.window
    window.persist_layout = False
    window.resize(1600, 1000)
    window.show()
    viewer = window.open_document(int(sys.argv[2]), 0)
    loop = QEventLoop()
    window.render_service.rendered.connect(lambda *_a: page_drawn(viewer) and QTimer.singleShot(0, loop.quit))
    if not page_drawn(viewer):
        loop.exec()
    window.repaint()
    print("visible", flush=True)
    window.close()
    session.close()
"""



def test_launch_to_first_page_in_the_main_window_against_a_bare_pyside_window(tmp_path):
    pdf = text_pdf(tmp_path / "text.pdf")
    with Case.open(tmp_path / "case", create=True) as case:
        doc_id = import_paths(case, [pdf]).imported[0].document_id
    window_py, bare_py = tmp_path / "window_launch.py", tmp_path / "bare_launch.py"
    window_py.write_text(WINDOW_SCRIPT)
    bare_py.write_text(BARE_SCRIPT)
    window_times, bare_times = [], []
    for _ in range(5):
        bare_times.append(time_to_visible(bare_py, str(pdf), home=tmp_path / "home"))
        window_times.append(time_to_visible(window_py, str(tmp_path / "case"), str(doc_id),
                                             home=tmp_path / "home"))
    window_s, bare_s = statistics.median(window_times), statistics.median(bare_times)
    print(f"\nlaunch → first page: main window {window_s * 1000:.0f} ms, bare PySide6+PyMuPDF "
          f"{bare_s * 1000:.0f} ms, ratio {window_s / bare_s:.2f} (target ≤ 1.5)")
