"""Document ids follow the order the user gave, however many workers parse in parallel."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from evidence_desk.core.case import Case
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.queries.documents import list_documents


def _pdf(path: Path, pages: int, word: str) -> Path:
    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"{word} page {n + 1} " + "filler text " * 40)
    doc.save(path)
    return path


def test_ids_follow_the_given_order_even_when_the_first_file_is_the_slowest(case: Case, tmp_path: Path) -> None:
    files = [_pdf(tmp_path / "a-big.pdf", 300, "alpha"), _pdf(tmp_path / "b.pdf", 1, "beta"),
             _pdf(tmp_path / "c.pdf", 1, "gamma"), _pdf(tmp_path / "d.pdf", 2, "delta")]
    report = import_paths(case, files, ImportOptions(workers=2))
    assert [o.document_id for o in report.outcomes] == [1, 2, 3, 4]
    assert [d.filename for d in list_documents(case)] == ["a-big.pdf", "b.pdf", "c.pdf", "d.pdf"]


def test_a_file_given_twice_around_others_is_stored_once_and_ids_stay_dense(case: Case, tmp_path: Path) -> None:
    a = _pdf(tmp_path / "a.pdf", 3, "alpha")
    twin = tmp_path / "twin-of-a.pdf"
    twin.write_bytes(a.read_bytes())
    b = _pdf(tmp_path / "b.pdf", 1, "beta")
    report = import_paths(case, [twin, b, a], ImportOptions(workers=2))
    assert [o.status for o in report.outcomes] == ["imported", "imported", "duplicate"]
    assert [o.document_id for o in report.outcomes] == [1, 2, 1]
