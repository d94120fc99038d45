"""What the launch benchmarks share: a text page, the bare PySide6 + PyMuPDF window they
are measured against, and the clock from process start to "visible"."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pymupdf

REPO = Path(__file__).resolve().parents[2]


def text_pdf(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for line in range(45):
        page.insert_text((60, 60 + line * 16), f"Line {line}: the export passport cites contract "
                                               f"No. 12/{line} of the agency and its annexes.", fontsize=10)
    doc.save(path)
    return path


BARE_SCRIPT = r"""
import sys
import pymupdf
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QLabel

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    label = QLabel()
    label.resize(1000, 800)
    label.show()
    doc = pymupdf.open(sys.argv[1])
    pix = doc[0].get_pixmap(matrix=pymupdf.Matrix(1.6, 1.6), alpha=False)
    image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
    label.setPixmap(QPixmap.fromImage(image))
    label.repaint()
    print("visible", flush=True)
"""


def time_to_visible(script: Path, *args: str, home: Path | None = None) -> float:
    """Seconds from process start until the script prints "visible" (a fresh process each time)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if home is not None:
        env["EVIDENCE_DESK_HOME"] = str(home)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.PIPE, text=True,
                            cwd=REPO, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.wait(60)
    assert line.strip() == "visible", line
    return elapsed
