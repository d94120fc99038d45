"""Screenshots of the entity manager and the export dialog over the window at 1280×720 (offscreen).

`uv run evidence-desk demo DEMO && uv run python docs/screenshots/make_dialog_shots.py DEMO docs/screenshots`
(the demo case is copied first; the window shows D01 and D15 side by side)."""
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor, QPainter

    from evidence_desk.core.case import Case
    from evidence_desk.core.queries.documents import list_documents
    from evidence_desk.ui.app import application
    from evidence_desk.ui.dialogs.menu import open_entities, open_export
    from evidence_desk.ui.main_window import MainWindow

    src = Path(sys.argv[1])
    out = Path(sys.argv[2])
    work = Path(tempfile.mkdtemp(prefix="evidence-desk-shots-")) / "case"
    shutil.copytree(src, work)
    app = application()
    case = Case.open(work, author="Investigator A")
    win = MainWindow(case)
    win.persist_layout = False
    win.resize(1280, 720)
    win.show()
    docs = list_documents(case)
    first = next(d for d in docs if d.filename.startswith("D01"))
    win.open_document(first.id, 0)
    second = next(d for d in docs if d.filename.startswith("D15"))
    win.open_document(second.id, 1)

    def pump(ms: int = 2500) -> None:
        from PySide6.QtCore import QEventLoop, QTimer
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    pump(4000)

    def composite(dialog, name: str) -> None:
        base = win.grab()
        shade = QPainter(base)
        shade.fillRect(base.rect(), QColor(0, 0, 0, 60))
        pic = dialog.grab()
        at = QPoint((base.width() - pic.width()) // 2, max(0, (base.height() - pic.height()) // 2))
        shade.drawPixmap(at, pic)
        shade.end()
        base.save(str(out / name), "PNG")

    manager = open_entities(win)
    manager.resize(1060, 600)
    pump(2500)
    garbuz = next((e for e in manager.entities if "Garbuz" in e.name or "Гарбуз" in e.name), None)
    manager.type_box.setCurrentIndex(manager.type_box.findData("person"))
    if garbuz is not None:
        manager.select_entity(garbuz.id)
    pump(2500)
    composite(manager, "entity-manager.png")
    manager.close()

    win.browser.select(first.id)
    dialog = open_export(win)
    dialog.as_bundle.setChecked(True)
    dialog.as_pdf.setChecked(True)
    dialog.destination.setText("/home/investigator/exports/D01-redacted.pdf")
    pump(800)
    composite(dialog, "export-dialog.png")
    dialog.close()
    win.close()
    case.close()
    app.quit()


if __name__ == "__main__":
    main()
