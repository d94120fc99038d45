"""`repair`: rebuild a damaged case database from what survives, beside the damaged one.

What can be rebuilt: every document whose original is still in `originals/` (re-imported
from it, under its logged file name, in the order of the log, so document ids come back
as they were), and the audit log as far as it can still be read: its entries are copied
verbatim for as long as their chain holds, so the history keeps its hashes, followed by
one `case.repair` entry saying what happened. The damaged file is renamed
`case.sqlite.damaged-<time>` and never modified; salvage reads a copy of it.

An encrypted case is repaired the same way with its passphrase: the copy is read through
SQLCipher with the case's key, the new database is SQLCipher with the same key, and the
originals are re-imported from their plaintext in memory (no decrypted copy on disk).

What cannot (yet) be rebuilt — tags, redactions, notes, details recorded in entries the
log does not describe as replayable commands — is counted by action in the report, so
the user knows what to redo."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from evidence_desk.core import audit, case_health
from evidence_desk.core.audit.baseline import write_baseline
from evidence_desk.core.case import Case
from evidence_desk.core.case_health import DB_NAME, SQLCIPHER_PAGE, DamagedCaseError
from evidence_desk.core.crypto import header as crypto_header
from evidence_desk.core.db.encrypted import (
    connect_raw,
    connect_read_only,
    database_errors,
    sqlite_case_engine,
)
from evidence_desk.core.db.migrate import upgrade
from evidence_desk.core.db.models import AuditEntry, CaseMeta, new_uid
from evidence_desk.core.errors import CaseError, InvalidInputError
from evidence_desk.core.importing import ImportOptions, import_paths
from evidence_desk.core.progress import Progress

AUDIT_COLUMNS = ("id", "at", "author", "action", "target_type", "target_id", "data", "prev_hash", "hash")
MAX_SCAN_GAP = 1000  # ids read one by one past a damaged page before giving up


@dataclass
class Salvage:
    case_uid: str | None = None
    entries: list[dict[str, Any]] = field(default_factory=list)  # the readable, chained prefix
    unreadable_after: int | None = None  # id of the first entry that could not be read or chained
    filenames: dict[str, str] = field(default_factory=dict)  # sha256 -> logged file name, log order


@dataclass
class RepairReport:
    folder: Path
    damaged_kept: Path | None
    documents: int = 0
    pages: int = 0
    missing_originals: list[str] = field(default_factory=list)
    entries_recovered: int = 0
    not_replayed: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"folder": str(self.folder), "damaged_kept": str(self.damaged_kept) if self.damaged_kept else None,
                "documents": self.documents, "pages": self.pages, "missing_originals": self.missing_originals,
                "audit_entries_recovered": self.entries_recovered, "not_replayed": self.not_replayed,
                "problems": self.problems}


def needs_repair(folder: Path, key: bytes | None = None) -> str | None:
    """Why the case needs repair (None: it opens and its database checks out); `key`: the
    database key of an encrypted case."""
    try:
        case_health.refuse_damage(folder)
    except DamagedCaseError as exc:
        return str(exc)
    db = folder / DB_NAME
    if not db.exists():
        return None
    try:
        con = connect_read_only(db, key)
        try:
            result = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
            con.execute("SELECT count(*) FROM documents").fetchone()
        finally:
            con.close()
    except database_errors() as exc:
        return f"the database cannot be read ({exc})"
    return None if result == ["ok"] else "the database fails its integrity check: " + "; ".join(result)


def _salvage(db: Path, key: bytes | None) -> Salvage:
    """Read what a copy of the damaged database still gives."""
    out = Salvage()
    if not db.exists() or db.stat().st_size == 0:
        return out
    with tempfile.TemporaryDirectory(prefix="evidence-desk-repair-") as tmp:
        copy = Path(tmp) / DB_NAME
        shutil.copyfile(db, copy)
        if key is None:
            _pad_truncated(copy)
        else:
            _pad_to_page(copy)
        wal = db.with_name(db.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
        try:
            con = connect_raw(copy, key)
        except database_errors():
            return out
        try:
            out.case_uid = _one(con, "SELECT value FROM case_meta WHERE key = 'case_uid'")
            rows = _audit_rows(con)
        finally:
            con.close()
    prev = audit.GENESIS_HASH
    for row in rows:
        expected = audit.entry_hash(prev, row["at"], row["author"], row["action"], row["target_type"],
                                    row["target_id"], row["data"])
        if row["prev_hash"] != prev or row["hash"] != expected or row["id"] != len(out.entries) + 1:
            out.unreadable_after = row["id"]
            break
        out.entries.append(row)
        prev = row["hash"]
    for row in out.entries:
        if row["action"] == "document.import":
            with contextlib.suppress(ValueError, KeyError, TypeError):
                data = json.loads(row["data"])
                out.filenames.setdefault(str(data["sha256"]), str(data.get("filename") or data["sha256"]))
    return out


def _pad_truncated(copy: Path) -> None:
    """A truncated file holds fewer pages than its schema points to, and SQLite then
    refuses the whole schema. Pad the copy with empty pages up to the size its header
    gives: tables whose pages survived can be read again, the lost ones fail alone."""
    with open(copy, "r+b") as fh:
        header = fh.read(100)
        if len(header) < 100:
            return
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        wanted = page_size * int.from_bytes(header[28:32], "big")
        size = fh.seek(0, 2)
        if size < wanted:
            fh.write(b"\0" * (wanted - size))


def _pad_to_page(copy: Path) -> None:
    """SQLCipher's header is encrypted, so its page count is unknown: a copy cut inside a
    page is padded to a whole page (that page fails its HMAC alone; the others read)."""
    with open(copy, "r+b") as fh:
        size = fh.seek(0, 2)
        if size % SQLCIPHER_PAGE:
            fh.write(b"\0" * (SQLCIPHER_PAGE - size % SQLCIPHER_PAGE))


def _one(con: Any, sql: str) -> Any:
    try:
        row = con.execute(sql).fetchone()
    except database_errors():
        return None
    return row[0] if row else None


def _audit_rows(con: Any) -> list[dict[str, Any]]:
    select = f"SELECT {', '.join(AUDIT_COLUMNS)} FROM audit_log"
    try:
        return [dict(zip(AUDIT_COLUMNS, r, strict=True)) for r in con.execute(select + " ORDER BY id")]
    except database_errors():
        pass
    rows, misses, next_id = [], 0, 1  # a damaged page: read the entries one by one around it
    while misses < MAX_SCAN_GAP:
        try:
            row = con.execute(select + " WHERE id = ?", (next_id,)).fetchone()
        except database_errors():
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            rows.append(dict(zip(AUDIT_COLUMNS, row, strict=True)))
        next_id += 1
    return rows


def _anchor_uid(folder: Path) -> str | None:
    try:
        anchor = audit.read_anchor(folder)
    except ValueError:
        return None
    return anchor.case_uid if anchor else None


def _new_database(path: Path, salvage: Salvage, case_uid: str, key: bytes | None) -> None:
    engine = sqlite_case_engine(path, key)
    try:
        upgrade(engine, path, key=key)
        with engine.begin() as conn:
            conn.execute(insert(CaseMeta), [{"key": "case_uid", "value": case_uid},
                                            {"key": audit.ANCHORED_META, "value": audit.ANCHOR_NAME}])
            if salvage.entries:
                conn.execute(insert(AuditEntry), salvage.entries)
    finally:
        engine.dispose()


def repair_case(folder: Path | str, *, author: str | None = None, progress: Progress | None = None,
                passphrase: str | None = None) -> RepairReport:
    """Rebuild the case database in `folder`; the damaged one is kept beside it. An
    encrypted case needs its `passphrase` (PassphraseRequiredError, WrongPassphraseError)."""
    folder = Path(folder).expanduser().resolve()
    if not folder.is_dir():
        raise InvalidInputError(f"{folder}: no such case folder")
    key = None
    if crypto_header.is_encrypted(folder):
        key = crypto_header.unlock(folder, passphrase).database
    reason = needs_repair(folder, key)
    if reason is None:
        raise InvalidInputError(f"the case at {folder} is not damaged; there is nothing to repair "
                                "(`evidence-desk verify` checks it in full)")
    db = folder / DB_NAME
    salvage = _salvage(db, key)
    case_uid = salvage.case_uid or _anchor_uid(folder) or new_uid()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = None
    if db.exists():
        kept = db.with_name(f"{DB_NAME}.damaged-{stamp}")
        db.rename(kept)
        for suffix in ("-wal", "-shm"):
            side = db.with_name(DB_NAME + suffix)
            if side.exists():
                side.rename(kept.with_name(kept.name + suffix))
    anchor = folder / audit.ANCHOR_NAME
    if anchor.exists():  # it anchors the damaged history; the repair starts a new head
        anchor.rename(folder / f"{audit.ANCHOR_NAME}.damaged-{stamp}")
    report = RepairReport(folder, kept, entries_recovered=len(salvage.entries))
    building = folder / f"{DB_NAME}.repairing"
    building.unlink(missing_ok=True)
    _new_database(building, salvage, case_uid, key)
    building.rename(db)
    try:
        with Case.open(folder, author=author, passphrase=passphrase) as case:
            _reimport(case, salvage, report, progress or Progress())
            _record(case, salvage, report, reason)
    except CaseError as exc:  # pragma: no cover - the new database itself failed
        report.problems.append(str(exc))
    return report


def _reimport(case: Case, salvage: Salvage, report: RepairReport, progress: Progress) -> None:
    stored = set(case.originals.iter_stored())
    order = list(salvage.filenames) + sorted(stored - set(salvage.filenames))
    report.missing_originals = [sha for sha in salvage.filenames if sha not in stored]
    # Under its logged name (the importer records the name it is given), read from the store
    # (in memory: decrypted, in an encrypted case).
    sources = {case.originals.root / "repair" / f"{i:06d}" / Path(salvage.filenames.get(sha, sha[:16])).name: sha
               for i, sha in enumerate(sha for sha in order if sha in stored)}
    result = import_paths(case, [], ImportOptions(ocr="never"), progress, from_store=sources)
    report.documents = len(result.imported)
    report.pages = sum(o.pages for o in result.imported)
    report.problems.extend(f"{o.path.name}: {o.reason}" for o in result.refused)
    replayed = {"case.create", "document.import"}
    report.not_replayed = dict(Counter(e["action"] for e in salvage.entries if e["action"] not in replayed))


def _record(case: Case, salvage: Salvage, report: RepairReport, reason: str) -> None:
    with case.write() as s:
        # What the recovered entries describe beyond the documents is not in the new records:
        # the log is replayed from here on.
        write_baseline(s, case.author, "the case database was rebuilt by repair")
        audit.append(s, author=case.author, action="case.repair", target_type="case", target_id=None,
                     data={"reason": reason[:500], "damaged_kept": report.damaged_kept.name if report.damaged_kept
                           else None, "entries_recovered": len(salvage.entries),
                           "unreadable_after": salvage.unreadable_after, "documents": report.documents,
                           "missing_originals": report.missing_originals, "not_replayed": report.not_replayed,
                           "summary": f"rebuilt the case database: {report.documents} documents re-imported, "
                                      f"{len(salvage.entries)} audit entries recovered"})
