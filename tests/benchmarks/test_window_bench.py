"""The whole reviewer window against a bare PySide6 + PyMuPDF window (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_window_bench.py -s

Launch → first page visible in the *main window* (QApplication, theme, render service and
its sandboxed workers, case, browser with thumbnails, both viewers, the panels and docks,
as `evidence-desk gui` starts, at 1,280 × 720) against a bare PySide6 window that shows a
PyMuPDF pixmap of the same page at the same scale, so the same pixel size (target ≤ 1.5×).

Like with like: both run in fresh processes from process start to "visible", with the
same interpreter and bytecode caches (each script runs once unmeasured first, which
writes every `__pycache__` an installed application ships with); the window reports the
scale it drew the page at and the bare window draws exactly that."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import Case
from evidence_desk.core.importing.importer import import_paths
from tests.benchmarks.launch import text_pdf

pytestmark = pytest.mark.benchmark
REPO = Path(__file__).resolve().parents[2]
RUNS = 5

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
    window.resize(1280, 720)
    window.show()
    viewer = window.open_document(int(sys.argv[2]), 0)
    loop = QEventLoop()
    window.render_service.rendered.connect(lambda *_a: page_drawn(viewer) and QTimer.singleShot(0, loop.quit))
    if not page_drawn(viewer):
        loop.exec()
    window.repaint()
    item = viewer.page_view.item(1)
    print("visible", item.pixmap_scale, item.pixmap.width(), item.pixmap.height(), flush=True)
    window.close()
    session.close()
"""

BARE_SCRIPT = r"""
import sys

if __name__ == "__main__":
    import pymupdf
    from PySide6.QtGui import QImage, QPixmap
    from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

    app = QApplication(sys.argv[:1])
    area = QScrollArea()
    label = QLabel()
    area.setWidget(label)
    area.resize(1280, 720)
    area.show()
    scale = float(sys.argv[2])
    doc = pymupdf.open(sys.argv[1])
    pix = doc[0].get_pixmap(matrix=pymupdf.Matrix(scale, scale), alpha=False)
    image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
    label.setPixmap(QPixmap.fromImage(image))
    label.resize(pix.width, pix.height)
    area.repaint()
    print("visible", scale, pix.width, pix.height, flush=True)
"""


def launch(script: Path, *args: str, home: Path) -> tuple[float, list[str]]:
    """Seconds from process start until the script prints "visible", and what it printed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", EVIDENCE_DESK_HOME=str(home), PYTHONPATH=str(REPO / "desktop"))
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.PIPE, text=True,
                            cwd=REPO, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(60)
    words = line.split()
    assert words and words[0] == "visible", line
    return elapsed, words[1:]


def test_launch_to_first_page_in_the_main_window_against_a_bare_pyside_window(tmp_path):
    pdf = text_pdf(tmp_path / "text.pdf")
    with Case.open(tmp_path / "case", create=True) as case:
        doc_id = import_paths(case, [pdf]).imported[0].document_id
    window_py, bare_py = tmp_path / "window_launch.py", tmp_path / "bare_launch.py"
    window_py.write_text(WINDOW_SCRIPT)
    bare_py.write_text(BARE_SCRIPT)
    home = tmp_path / "home"
    _, (scale, width, height) = launch(window_py, str(tmp_path / "case"), str(doc_id), home=home)
    launch(bare_py, str(pdf), scale, home=home)  # both warm: bytecode caches written, files in the page cache
    window_times, bare_times = [], []
    for _ in range(RUNS):
        t, shown = launch(bare_py, str(pdf), scale, home=home)
        assert shown[1:] == [width, height], "the bare window drew another pixel size"
        bare_times.append(t)
        t, shown = launch(window_py, str(tmp_path / "case"), str(doc_id), home=home)
        assert shown == [scale, width, height]
        window_times.append(t)
    window_s, bare_s = statistics.median(window_times), statistics.median(bare_times)
    print(f"\nlaunch → first page ({width}×{height} px at scale {scale}): main window "
          f"{window_s * 1000:.0f} ms, bare PySide6+PyMuPDF {bare_s * 1000:.0f} ms, "
          f"ratio {window_s / bare_s:.2f} (target ≤ 1.5); medians of {RUNS}, "
          f"window {[round(t * 1000) for t in window_times]}, bare {[round(t * 1000) for t in bare_times]}")
