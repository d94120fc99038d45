"""The record tables every annotation tab shows."""

from __future__ import annotations

from PySide6.QtCore import Qt

from evidence_desk.ui.panels.common import RecordTable


def test_a_record_table_lists_its_first_column_from_a_to_z_until_a_header_is_clicked(qtbot):
    table = RecordTable(["Entity", "Quote", "Page"], stretch=1)
    qtbot.addWidget(table)
    table.fill([(1, 1, ["Ostrovia", "Ostrovia", "1"], None), (2, 1, ["Idris V. Sarrouf", "Idris", "1"], None),
                (3, 2, ["Qaldara", "QALDARA", "2"], None)])
    assert [table.item(r, 0).text() for r in range(3)] == ["Idris V. Sarrouf", "Ostrovia", "Qaldara"]
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # a click on the header
    assert table.item(0, 0).text() == "Qaldara"
