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


def test_the_first_copy_given_is_imported_even_when_its_thread_is_slowest_after_hashing(
        case: Case, tmp_path: Path, monkeypatch) -> None:
    """The race CI met: the first copy's thread, hashed, was overtaken (here its look-up in the
    case is held up) while the later copy hashed and claimed the bytes; the later copy was
    imported and the first called its duplicate. The claim is now made in the given order."""
    import threading
    import time

    from evidence_desk.core.importing import importer

    a = _pdf(tmp_path / "a.pdf", 3, "alpha")
    twin = tmp_path / "twin-of-a.pdf"
    twin.write_bytes(a.read_bytes())
    b = _pdf(tmp_path / "b.pdf", 1, "beta")
    looked_up = importer._Importer._existing
    first = threading.Event()

    def slow_first_look_up(self, sha256):
        if not first.is_set():
            first.set()
            time.sleep(1.0)  # the other two files are hashed and claimed meanwhile (before the fix)
        return looked_up(self, sha256)

    monkeypatch.setattr(importer._Importer, "_existing", slow_first_look_up)
    report = import_paths(case, [twin, b, a], ImportOptions(workers=2))
    assert [o.status for o in report.outcomes] == ["imported", "imported", "duplicate"]
    assert [o.path.name for o in report.imported] == ["twin-of-a.pdf", "b.pdf"]


def test_a_file_already_in_the_case_given_twice_is_a_duplicate_both_times(case: Case, tmp_path: Path) -> None:
    a = _pdf(tmp_path / "a.pdf", 2, "alpha")
    import_paths(case, [a])
    twin = tmp_path / "twin-of-a.pdf"
    twin.write_bytes(a.read_bytes())
    report = import_paths(case, [a, twin], ImportOptions(workers=2))
    assert [(o.status, o.document_id) for o in report.outcomes] == [("duplicate", 1), ("duplicate", 1)]
    assert all("already in the case as document 1" in o.reason for o in report.outcomes)
