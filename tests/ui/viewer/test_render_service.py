"""The render service: out-of-process rendering, a byte-bounded cache, failures as messages."""

from __future__ import annotations

import os
import signal
import stat

import pytest

from evidence_desk.core.case import Case
from evidence_desk.ui.viewer.document_viewer import DocumentViewer
from evidence_desk.ui.viewer.render_service import PageKey, RenderService

from .conftest import import_one, make_big_pdf, make_text_pdf


@pytest.fixture
def small_service(qapp):  # type: ignore[no-untyped-def]
    service = RenderService(workers=1, cache_bytes=4 * 1024 * 1024)
    yield service
    service.close()


def test_pictures_arrive_on_the_main_thread_and_the_cache_evicts_past_its_byte_budget(
        qtbot, small_service, tmp_path):
    pdf = str(make_big_pdf(tmp_path / "ten.pdf", pages=8))
    keys = [PageKey("ten", page, 1.0) for page in range(1, 9)]
    arrived: list[PageKey] = []
    small_service.rendered.connect(lambda key, _image: arrived.append(key))
    for key in keys:
        assert small_service.request(key, pdf, "application/pdf") is None
    qtbot.waitUntil(lambda: len(arrived) == len(keys), timeout=60_000)
    one_page = 595 * 842 * 3
    assert small_service.cache.bytes <= 4 * 1024 * 1024
    assert len(small_service.cache) == (4 * 1024 * 1024) // one_page  # the oldest were evicted
    assert keys[0] not in small_service.cache and keys[-1] in small_service.cache
    assert small_service.request(keys[-1], pdf, "application/pdf") is not None  # a hit is immediate


def test_stale_requests_of_a_viewer_are_cancelled_but_not_another_viewers(small_service, tmp_path):
    pdf = str(make_big_pdf(tmp_path / "many.pdf", pages=40))
    for page in range(1, 41):
        small_service.request(PageKey("many", page, 0.5), pdf, "application/pdf", owner="left",
                              priority=page)
    small_service.request(PageKey("many", 40, 0.5), pdf, "application/pdf", owner="right")
    dropped = small_service.cancel_stale("left", {PageKey("many", 1, 0.5)})
    assert dropped >= 30
    assert PageKey("many", 40, 0.5) in small_service.pending()  # still wanted on the right


def test_a_render_error_is_reported_with_a_message(qtbot, small_service, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a pdf")
    key = PageKey("broken", 1, 1.0)
    with qtbot.waitSignal(small_service.failed, timeout=60_000) as failed:
        small_service.request(key, str(broken), "application/pdf")
    assert failed.args[0] == key and "PDF" in failed.args[1]


def test_a_killed_render_worker_is_replaced_and_the_next_render_works(qtbot, small_service, tmp_path):
    pdf = str(make_text_pdf(tmp_path / "letter.pdf"))
    with qtbot.waitSignal(small_service.rendered, timeout=60_000):
        small_service.request(PageKey("letter", 1, 1.0), pdf, "application/pdf")
    for pid in small_service.worker_pids():
        os.kill(pid, signal.SIGKILL)  # our own worker, by its id
    with qtbot.waitSignal(small_service.rendered, timeout=60_000) as rendered:
        small_service.request(PageKey("letter", 2, 1.0), pdf, "application/pdf")
    assert rendered.args[0].page == 2 and not rendered.args[1].isNull()


def test_a_document_whose_file_is_broken_shows_a_placeholder_and_the_window_survives(
        qtbot, tmp_path, render_service):
    case = Case.open(tmp_path / "case", create=True)
    try:
        good = import_one(case, make_text_pdf(tmp_path / "good.pdf"))
        bad = import_one(case, make_big_pdf(tmp_path / "bad.pdf", pages=3))
        with case.read() as s:
            from evidence_desk.core.db.models import Document

            sha = s.get(Document, bad).sha256
        original = case.originals.path_for(sha)
        os.chmod(original, stat.S_IRUSR | stat.S_IWUSR)
        original.write_bytes(b"%PDF-1.7\n%%EOF garbage after a disk fault")
        viewer = DocumentViewer(case, render_service)
        qtbot.addWidget(viewer)
        viewer.resize(800, 600)
        viewer.show()
        with qtbot.waitSignal(render_service.failed, timeout=60_000,
                              check_params_cb=lambda key, _m: key.sha256 == sha):
            viewer.open_document(bad)
        item = viewer.page_view.item(1)
        qtbot.waitUntil(lambda: item.error is not None, timeout=5_000)
        assert "PDF" in item.error
        assert viewer.grab().width() > 0  # it still paints
        viewer.open_document(good)
        qtbot.waitUntil(lambda: viewer.page_view.item(1).pixmap is not None, timeout=60_000)
    finally:
        case.close()
