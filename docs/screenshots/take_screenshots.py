"""Screenshots of the real window for docs/screenshots, at 1,280 × 720 (a laptop screen).

    QT_QPA_PLATFORM=offscreen uv run python docs/screenshots/take_screenshots.py CASE OUT.png light|dark [WxH] [A.pdf B.pdf]

CASE is a case folder (e.g. the demo: `evidence-desk demo DIR`); WxH another window size
(docs/screenshot.png, the README's first picture, is 1600x1000: room for the annotation
panel); the two file names pick the documents shown left and right (default: the first two)."""
import re
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from evidence_desk.core.queries.documents import list_documents
from evidence_desk.ui import theme
from evidence_desk.ui.app import Session, application, wait_until_drawn

if __name__ == "__main__":  # the render workers import __main__: no window there
    case, out, dark = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "dark"
    rest = sys.argv[4:]
    size = next((tuple(map(int, a.split("x"))) for a in rest if re.fullmatch(r"\d+x\d+", a)), (1280, 720))
    names = [a for a in rest if not re.fullmatch(r"\d+x\d+", a)][:2]
    app = application()
    theme.apply_theme(app, dark=dark)
    s = Session(app, "docs")
    s.open(case, create=False)
    w = s.window
    w.persist_layout = False
    w.resize(*size)
    w.show()
    w.reset_layout()
    docs = {d.filename: d for d in list_documents(w.case)}
    picked = [docs[n] for n in names] if names else list(docs.values())[:2]
    viewers = [w.open_document(d.id, side) for side, d in enumerate(picked)]
    for v in viewers:
        v.set_zoom_mode("fit_width")
    QApplication.processEvents()
    print("drawn", wait_until_drawn(w, viewers, timeout_ms=120_000))
    QApplication.processEvents()
    w.grab().save(str(out), "PNG")
    print("saved", out, w.width(), w.height())
    w.close()
    s.close()
