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
    from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog

    dialog = RedactionPreviewDialog.for_query(letter_case, "ivan petrov")
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "page 1" in dialog.list.item(0).text() and "page 2" in dialog.list.item(1).text()
    with qtbot.waitSignals([dialog.thumbnailShown, dialog.thumbnailShown], timeout=30_000):
        dialog.show()
    qtbot.waitUntil(lambda: all(not dialog.list.item(i).icon().isNull() for i in range(2)), timeout=30_000)
    assert _count(letter_case) == 0
    dialog.reject()


def test_confirming_marks_only_the_ticked_hits_with_the_chosen_reason(qtbot, letter_case: Case) -> None:
    from PySide6.QtCore import Qt

    from evidence_desk.ui.redaction.preview_dialog import RedactionPreviewDialog

    dialog = RedactionPreviewDialog.for_query(letter_case, "ivan petrov", apply=True)
    qtbot.addWidget(dialog)
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)
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
