"""The redaction preview: every hit listed with a marked page thumbnail, nothing
marked until the reviewer confirms, unticked hits left alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from evidence_desk.core.case import Case
from evidence_desk.core.db.models import Redaction
from evidence_desk.core.importing import import_paths
from tests.core.redaction.conftest import write_lines_pdf


@pytest.fixture
def letter_case(tmp_path: Path) -> Iterator[Case]:
    case = Case.open(tmp_path / "case", create=True, author="tester")
    path = write_lines_pdf(tmp_path / "letter.pdf", [
        [(72, 100, "Payment by Ivan Petrov today."), (72, 120, "Copy to Ivan")],
        [(72, 100, "Second page: Ivan Petrov again.")],
    ])
    [outcome] = import_paths(case, [path]).outcomes
    assert outcome.document_id is not None
    yield case
    case.close()


def _count(case: Case) -> int:
    with case.read() as s:
        return int(s.execute(select(func.count(Redaction.id))).scalar_one())


def test_every_hit_is_listed_with_a_thumbnail_and_nothing_is_marked_yet(qtbot, letter_case: Case) -> None:
    from evidence_desk.ui.app import application
    from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog

    application()  # the window's style sheet, under which the list measures its rows when built

    dialog = RedactionPreviewDialog.for_query(letter_case, "ivan petrov")
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    assert "page 1" in dialog.model.text(0) and "page 2" in dialog.model.text(1)
    dialog.resize(900, 700)  # both rows on screen: thumbnails are asked for visible rows only
    shown: set[int] = set()
    dialog.thumbnailShown.connect(shown.add)
    dialog.show()
    # Thumbnails are asked for as rows are painted: show each row in turn, as a user scrolling.
    for row in range(2):
        dialog.list.scrollTo(dialog.model.index(row, 0))
        dialog.list.viewport().update()
        qtbot.waitUntil(lambda row=row: row in shown, timeout=60_000)
    assert all(dialog.model.has_icon(i) for i in range(2))
    assert _count(letter_case) == 0
    dialog.reject()


def test_confirming_marks_only_the_ticked_hits_with_the_chosen_reason(qtbot, letter_case: Case) -> None:
    from PySide6.QtCore import Qt

    from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog

    dialog = RedactionPreviewDialog.for_query(letter_case, "ivan petrov", apply=True)
    qtbot.addWidget(dialog)
    index = dialog.model.index(1)
    assert dialog.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    dialog.reason.setCurrentIndex(dialog.reason.findData("source"))
    dialog.note.setText("protect the driver")
    with qtbot.waitSignal(dialog.redactionRequested, timeout=5_000):
        dialog.buttons.accepted.emit()
    with letter_case.read() as s:
        rows = s.execute(select(Redaction)).scalars().all()
    assert {(r.page_number, r.reason, r.status, r.note) for r in rows} == {(1, "source", "proposed", "protect the driver")}


def test_nothing_chosen_shows_the_reason_instead_of_closing(qtbot, letter_case: Case) -> None:
    from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog

    dialog = RedactionPreviewDialog.for_query(letter_case, "ivan petrov", apply=True)
    qtbot.addWidget(dialog)
    dialog.set_all_checked(False)
    dialog.buttons.accepted.emit()
    assert "nothing to redact" in dialog.error.text()
    assert _count(letter_case) == 0
    dialog.reject()


def test_thousands_of_hits_are_listed_lazily_a_chunk_at_a_time(qtbot, tmp_path: Path) -> None:
    """Rows reach the view as it scrolls, and a thumbnail is asked for only for a row the
    view paints, so opening a preview of thousands of hits costs the main thread little."""
    from evidence_desk.core.geometry import Rect
    from evidence_desk.core.redaction.matching import Hit
    from evidence_desk.ui.redaction.hit_model import CHUNK
    from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog

    case = Case.open(tmp_path / "case", create=True, author="tester")
    hits = [Hit(1, "a.pdf", 1 + i // 10, (Rect(10, 10 + i % 10, 40, 20 + i % 10),), "radar", f"[radar] {i}")
            for i in range(3 * CHUNK + 7)]
    asked: list[int] = []
    dialog = RedactionPreviewDialog(case, hits, sources={}, reasons=[])
    dialog.model.thumbnailWanted.connect(asked.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert dialog.model.rowCount() == CHUNK
    assert max(asked) < CHUNK and len(asked) < 50  # only the rows on screen
    for _ in range(10):
        dialog.list.scrollToBottom()
        qtbot.wait(20)
        if dialog.model.rowCount() == len(hits):
            break
    assert dialog.model.rowCount() == len(hits)
    dialog.set_all_checked(False)
    dialog.model.set_checked(len(hits) - 1, True)
    assert dialog.chosen_hits() == [hits[-1]]
    dialog.reject()
    case.close()
