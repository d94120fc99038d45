"""Write `case_0001.sqlite`: a small case database frozen at schema revision 0001.

Future migrations are tested against this real old file (tests/core/db/test_migrations.py),
the way TagStudio keeps a database from every old schema. Run it once per schema
revision you freeze; never regenerate an existing frozen file after a release:

    uv run python tests/data/make_case_0001.py

Rows are written with raw SQL (the 0001 columns, not today's models) and fixed
timestamps, so the file is reproducible and independent of later model changes."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from evidence_desk.core.audit import GENESIS_HASH, canonical_json, entry_hash
from evidence_desk.core.db.migrate import alembic_config

OUT = Path(__file__).with_name("case_0001.sqlite")
SHA = "5f1c0d2e8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d"
PAGES = [
    "Министерство обороны. Нота № 114/ВТС от 12 марта 2021 года. Поставка станций РЭБ.",
    "Invoice 2021-0457: fire-control upgrade kits, 14 units, total EUR 1,250,000.",
    "Ausfuhrgenehmigung Nr. AG-77/21 für Weißrussland; Endverbleibserklärung beigefügt.",
]


def build(out: Path = OUT) -> Path:
    out.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{out}")
    command.upgrade(alembic_config(engine), "0001")
    engine.dispose()

    con = sqlite3.connect(out)
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("INSERT INTO case_meta(key, value) VALUES ('case_uid', 'frozen0001case0000000000000000ab')")
    con.execute("INSERT INTO case_meta(key, value) VALUES ('created_by_version', '0.1.0')")
    con.execute(
        "INSERT INTO documents(id, uid, sha256, filename, media_type, size_bytes, page_count, title, "
        "kind, doc_date, reference, languages, sender, recipient, review_status, imported_at, "
        "imported_by, warnings, source_metadata) VALUES (1, 'frozen0001doc00000000000000000001', ?, "
        "'nota-114.pdf', 'application/pdf', 4096, 3, 'Нота 114', 'diplomatic_note', '2021-03-12', "
        "'114/ВТС', 'rus+eng+deu', 'MoD', 'Embassy', 'in_review', '2021-03-15 09:00:00', 'frozen', "
        "'[]', ?)",
        (SHA, json.dumps({"producer": "frozen fixture"})),
    )
    for number, text in enumerate(PAGES, start=1):
        words = [[10.0, 10.0 + 12 * i, 60.0, 20.0 + 12 * i, w, 0, 0, i] for i, w in enumerate(text.split()[:3])]
        con.execute(
            "INSERT INTO pages(document_id, number, width, height, rotation, text, text_source, "
            "needs_ocr, has_images, words) VALUES (1, ?, 595.0, 842.0, 0, ?, 'embedded', 0, 0, ?)",
            (number, text, json.dumps(words, ensure_ascii=False)),
        )
    con.execute(
        "INSERT INTO notes(uid, document_id, page_number, text, author, created_at, x0, y0, x1, y1) "
        "VALUES ('frozen0001note0000000000000000001', 1, 2, 'Сумма совпадает с письмом 7', 'frozen', "
        "'2021-03-16 10:00:00', 10, 20, 200, 40)"
    )
    prev = GENESIS_HASH
    entries = [
        ("2021-03-15T08:59:00.000000+00:00", "case.create", "case", None, {"version": "0.1.0"}),
        ("2021-03-15T09:00:00.000000+00:00", "document.import", "documents", "1",
         {"sha256": SHA, "filename": "nota-114.pdf", "pages": 3}),
        ("2021-03-16T10:00:00.000000+00:00", "note.add", "notes", "1", {"table": "notes"}),
    ]
    for at, action, ttype, tid, data in entries:
        payload = canonical_json(data)
        digest = entry_hash(prev, at, "frozen", action, ttype, tid, payload)
        con.execute(
            "INSERT INTO audit_log(at, author, action, target_type, target_id, data, prev_hash, hash) "
            "VALUES (?, 'frozen', ?, ?, ?, ?, ?, ?)",
            (at, action, ttype, tid, payload, prev, digest),
        )
        prev = digest
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    con.execute("VACUUM")
    con.close()
    return out


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
