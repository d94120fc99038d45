"""Start-up: the page the window showed last is drawn first, before the case and the
window are built (ui/first_page.py), and the full window then takes its place on the
same page; an encrypted case, or a remembered document that is gone, starts as before.

Each test builds real windows on a real case (2–3 s a window on an idle machine) and one
starts its own render workers, as a real start does: that is what is being specified."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from evidence_desk.core.case import Case
from evidence_desk.ui import settings
from evidence_desk.ui.app import Session, application, page_drawn
from evidence_desk.ui.first_page import FirstFrame, FirstPage, _entry, original_path, recall
from evidence_desk.ui.main_window import MainWindow
from tests.ui.conftest import doc_id_by_name

PASSPHRASE = "the first page's test passphrase"


def visible_windows() -> list[object]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, (MainWindow, FirstFrame)) and w.isVisible()]


def wait_until_drawn(window: MainWindow, timeout_ms: int = 30_000) -> bool:
    viewer = window.viewer()
    if page_drawn(viewer):
        return True
    loop = QEventLoop()
    window.render_service.rendered.connect(lambda *_a: page_drawn(viewer) and QTimer.singleShot(0, loop.quit))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return page_drawn(viewer)


def last_session(case_path: Path, doc_id: int, page: int, service: object, **session_args: object) -> None:
    """A user's earlier session: the document shown at `page`, then the window closed."""
    session = Session(application(), "tester", render_service=service, **session_args)  # type: ignore[arg-type]
    try:
        assert session.open(case_path, create=False)
        window = session.window
        window.resize(790, 560)  # within the offscreen screen (800 px), which restoreGeometry keeps it on
        window.show()
        window.open_document(doc_id, 0, page)
        assert wait_until_drawn(window)
        window.close()
    finally:
        session.close()


@pytest.fixture
def case_path(ui_case) -> Path:
    ui_case.close()
    return ui_case.path


def test_the_window_shows_the_remembered_page_first_then_becomes_the_full_window_on_it(
        case_path, qtbot, shared_render_service):
    with Case.open(case_path) as case:
        note = doc_id_by_name(case, "c_note_verbale.pdf")
    last_session(case_path, note, 2, shared_render_service)
    remembered = recall(case_path)
    assert remembered is not None and (remembered.doc_id, remembered.page) == (note, 2)

    session = Session(application(), "tester")  # its own render service, started now as at a real start
    try:
        frame = session.show_first_page(case_path)
        assert isinstance(frame, FirstFrame) and frame.is_drawn
        # Drawn by a fresh render service's sandboxed worker, before any case or window exists.
        assert session.case is None and session.window is None
        assert visible_windows() == [frame]
        assert frame.windowTitle() == f"{case_path.name} — Evidence Desk"
        picture = frame.picture
        assert picture is not None and picture.width() > 200

        assert session.open(case_path, create=False)
        window = session.window
        qtbot.addWidget(window)
        assert visible_windows() == [window]  # the frame gave way to the full window
        viewer = window.viewer()
        assert viewer.document_id == note and viewer.current_page() == 2
        assert window.case.path == case_path and not window.case.read_only
        assert wait_until_drawn(window)
        item = viewer.page_view.item(2)
        assert (item.pixmap.width(), item.pixmap.height()) == (picture.width(), picture.height())
        window.close()
    finally:
        session.close()


def test_a_second_start_shows_the_page_the_last_window_left(case_path, qtbot, shared_render_service):
    with Case.open(case_path) as case:
        letter, invoice = doc_id_by_name(case, "a_letter.pdf"), doc_id_by_name(case, "b_invoice.pdf")
    last_session(case_path, letter, 1, shared_render_service)
    last_session(case_path, invoice, 1, shared_render_service)
    assert recall(case_path).doc_id == invoice  # type: ignore[union-attr]


def test_nothing_remembered_starts_with_the_full_window_alone(case_path, qtbot, shared_render_service):
    session = Session(application(), "tester", render_service=shared_render_service)
    try:
        assert session.show_first_page(case_path) is None
        assert visible_windows() == []
        assert session.open(case_path, create=False)
        qtbot.addWidget(session.window)
        assert session.window.viewer().document_id is None
        session.window.close()
    finally:
        session.close()


def test_an_encrypted_case_remembers_nothing_and_starts_without_a_first_page(
        template_case, tmp_path, qtbot, shared_render_service):
    from evidence_desk.core.crypto.convert import convert
    from evidence_desk.core.crypto.keys import KdfParams

    target = tmp_path / "sealed"
    shutil.copytree(template_case, target)
    with Case.open(target) as case:
        letter = doc_id_by_name(case, "a_letter.pdf")
    last_session(target, letter, 1, shared_render_service)  # remembered while the case was still plain
    assert recall(target) is not None
    convert(Case.open(target), PASSPHRASE,
            params=KdfParams.fresh(time_cost=1, memory_kib=8 * 1024, parallelism=1))

    assert recall(target) is None  # encrypted now: what was remembered is not used
    session = Session(application(), "tester", passphrase=PASSPHRASE, interactive=False,
                      render_service=shared_render_service)
    try:
        assert session.show_first_page(target) is None and visible_windows() == []
    finally:
        session.close()
    # A window on the encrypted case leaves nothing behind (and drops what was there).
    last_session(target, letter, 1, shared_render_service, passphrase=PASSPHRASE, interactive=False)
    assert not [k for k in settings.app_settings().allKeys() if k.startswith("firstPage/")]


def test_a_remembered_document_that_is_gone_falls_back_to_the_full_window(case_path, qtbot, shared_render_service):
    with Case.open(case_path) as case:
        letter, invoice = doc_id_by_name(case, "a_letter.pdf"), doc_id_by_name(case, "b_invoice.pdf")
    last_session(case_path, letter, 1, shared_render_service)
    # The original's file gone: no first frame at all.
    entry = next(k for k in settings.app_settings().allKeys() if k.startswith("firstPage/"))
    remembered = json.loads(settings.app_settings().value(entry))
    original = original_path(case_path, remembered["sha256"])
    kept = original.read_bytes()
    original.unlink()
    assert recall(case_path) is None
    original.write_bytes(kept)

    # The file is there but its document is no longer in the case (removed from the command
    # line meanwhile): the frame shows the page, the full window opens without it.
    s = settings.app_settings()
    s.setValue(entry, json.dumps({**remembered, "doc_id": invoice + 1000}))
    s.sync()
    session = Session(application(), "tester", render_service=shared_render_service)
    try:
        assert session.show_first_page(case_path) is not None
        assert session.open(case_path, create=False)
        window = session.window
        qtbot.addWidget(window)
        assert visible_windows() == [window]
        assert window.viewer().document_id is None and not window.statusBar().currentMessage().startswith("error")
        window.close()
    finally:
        session.close()


def test_a_remembered_entry_that_is_not_a_hash_names_no_file(case_path):
    from evidence_desk.core.queries.documents import list_documents

    with Case.open(case_path) as case:
        letter = next(d for d in list_documents(case) if d.filename == "a_letter.pdf")
    remembered = {"doc_id": letter.id, "sha256": letter.sha256, "media_type": letter.media_type,
                  "page": 1, "scale": 1.0, "x": 300, "y": 100}
    s = settings.app_settings()
    entry = _entry(case_path)
    s.setValue(entry, json.dumps(remembered))
    assert recall(case_path) == FirstPage(**remembered)  # type: ignore[arg-type]
    for bad in ({"sha256": "../../../etc/passwd" + "0" * 45}, {"page": 0}, {"scale": 500.0}, {"extra": 1}):
        s.setValue(entry, json.dumps({**remembered, **bad}))
        assert recall(case_path) is None, bad
    s.setValue(entry, "not json")
    assert recall(case_path) is None


def test_what_the_window_start_imports_before_its_first_page_has_no_database_and_no_parser():
    """`evidence-desk --case CASE gui`: the command line parsed with the `gui` command alone,
    then Qt, the application and the render service; no SQLAlchemy, no case, no PyMuPDF
    (that is the sandboxed workers' business) and no Pillow."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from evidence_desk.cli.main import build_parser\n"
        "from evidence_desk.cli.start import opens_the_window as _opens_the_window\n"
        "argv = ['--case', 'somewhere', 'gui']\n"
        "assert _opens_the_window(argv) and _opens_the_window([]) and _opens_the_window(['--demo'])\n"
        "assert not _opens_the_window(['list']) and not _opens_the_window(['gui', '--help'])\n"
        "build_parser(['gui']).parse_args(argv)\n"
        "import evidence_desk.cli.commands.gui, evidence_desk.cli.context, evidence_desk.core.sandbox\n"
        "import evidence_desk.ui.app, evidence_desk.ui.first_page, evidence_desk.ui.viewer.render_service\n"
        "heavy = ('sqlalchemy', 'pymupdf', 'fitz', 'PIL', 'evidence_desk.core.case', 'evidence_desk.core.db')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
