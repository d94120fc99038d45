"""What a command costs against the bare write it makes (not run by default).

    uv run pytest -m benchmark tests/benchmarks/test_commands_bench.py -s

Both sides run on the same case file with the same durability (WAL, synchronous=FULL),
one transaction per note:
- command: `case.apply(AddNote(doc, text, page=1))` — resolve the document and page,
  validate, insert through `Rows` (re-read as stored), append the hash-chained audit
  entry with intent and before/after, record the history step (dropping the redo branch);
- bare: one `BEGIN IMMEDIATE; INSERT INTO notes …; COMMIT` on a plain sqlite3 connection.
Then `case.history.undo()` (conflict check and restore) against a bare `DELETE`.
Figures (median of each) are printed, never asserted."""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from evidence_desk.core.case import DB_NAME, Case
from evidence_desk.core.commands.notes import AddNote

pytestmark = pytest.mark.benchmark
ROUNDS = 300


def _case(folder: Path) -> Case:
    case = Case.open(folder, create=True, author="bench")
    con = sqlite3.connect(folder / DB_NAME)
    con.execute("INSERT INTO documents(uid, sha256, filename, media_type, size_bytes, page_count, review_status, "
                "imported_at, imported_by, warnings, source_metadata) VALUES ('d1', ?, 'a.pdf', "
                "'application/pdf', 10, 1, 'new', '2024-01-01 00:00:00', 'me', '[]', '{}')", ("ab" * 32,))
    con.commit()
    con.close()
    from evidence_desk.core.db.models import Page

    with case.write() as s:  # through the case's engine: the index triggers call its SQL functions
        s.add(Page(document_id=1, number=1, width=612, height=792, text="text", text_source="embedded"))
    return case


def test_a_command_against_the_bare_insert_it_makes(tmp_path: Path) -> None:
    with _case(tmp_path / "case") as case:
        command_s, undo_s = [], []
        for i in range(ROUNDS):
            t = time.perf_counter()
            case.apply(AddNote(1, f"note {i}", page=1))
            command_s.append(time.perf_counter() - t)
        for _ in range(ROUNDS // 2):
            t = time.perf_counter()
            case.history.undo()
            undo_s.append(time.perf_counter() - t)
    con = sqlite3.connect(tmp_path / "case" / DB_NAME, isolation_level=None)
    con.execute("PRAGMA synchronous=FULL")
    bare_s, bare_delete_s = [], []
    for i in range(ROUNDS):
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO notes(uid, document_id, page_number, text, author, created_at, internal) "
                    "VALUES (?, 1, 1, ?, 'bench', '2024-01-01 00:00:00', 0)", (f"u{i}", f"bare {i}"))
        con.execute("COMMIT")
        bare_s.append(time.perf_counter() - t)
    for i in range(ROUNDS // 2):
        t = time.perf_counter()
        con.execute("BEGIN IMMEDIATE")
        con.execute("DELETE FROM notes WHERE uid = ?", (f"u{i}",))
        con.execute("COMMIT")
        bare_delete_s.append(time.perf_counter() - t)
    con.close()
    cmd, bare = statistics.median(command_s), statistics.median(bare_s)
    und, bdel = statistics.median(undo_s), statistics.median(bare_delete_s)
    print(f"\nadd_note command: {cmd * 1000:.2f} ms median, bare insert {bare * 1000:.2f} ms: {cmd / bare:.1f}x")
    print(f"undo of a note:   {und * 1000:.2f} ms median, bare delete {bdel * 1000:.2f} ms: {und / bdel:.1f}x")
