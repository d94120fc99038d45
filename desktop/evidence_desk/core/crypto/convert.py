"""Encrypt or decrypt a case in place, without loss, safe to kill at any moment.

The new form is built beside the old one in `CASE/.crypt-new/` (database through
`sqlcipher_export`, every original re-sealed or unsealed and its plaintext hash checked)
and verified against the old one (integrity check, every table's rows, every original's
hash). Only then is the journal `CASE/.crypt-swap` written: it is the commit point.
The swap moves the old form into `CASE/.crypt-old/` and the new one into place, name by
name; every step can be repeated. Whoever opens the case next (`finish_interrupted`,
called by `Case.open`) rolls a journalled swap forward, or throws an unjournalled build
away; either way the case is whole, in one form or the other."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from evidence_desk.core.case_health import DB_NAME
from evidence_desk.core.confine import owner_alive
from evidence_desk.core.crypto.header import (
    HEADER_NAME,
    is_encrypted,
    new_header,
    read_header,
    write_header,
)
from evidence_desk.core.crypto.keys import CaseKeys, KdfParams, derive
from evidence_desk.core.db.encrypted import (
    connect_raw,
    content_digest,
    decrypt_database,
    encrypt_database,
)
from evidence_desk.core.errors import CaseError, InvalidInputError
from evidence_desk.core.storage import OriginalStore

if TYPE_CHECKING:
    from evidence_desk.core.case import Case

WORK = ".crypt-new"
OLD = ".crypt-old"
JOURNAL = ".crypt-swap"
OWNER = "owner.json"
ORIGINALS = "originals"
# What a swap replaces, in this order (the database's -wal and -shm belong to the old one
# and go first; the header last, so a half-swapped case is never mistaken for a whole one).
_SIDE_FILES = (DB_NAME + "-wal", DB_NAME + "-shm")


@dataclass
class ConversionReport:
    direction: str  # "encrypt" or "decrypt"
    documents: int = 0
    originals: int = 0
    tables: int = 0
    problems: list[str] = field(default_factory=list)  # verify's, after the swap


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_json(path: Path, data: dict[str, object]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync(path.parent)


def _owner(work: Path) -> tuple[str, int] | None:
    try:
        data = json.loads((work / OWNER).read_text(encoding="utf-8"))
        return str(data["host"]), int(data["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _busy(work: Path) -> str | None:
    """Who is converting the case right now (None: nobody alive is)."""
    owner = _owner(work)
    if owner is None:
        return None
    host, pid = owner
    if host != socket.gethostname() or (pid != os.getpid() and owner_alive(pid)):
        return f"process {pid} on {host}"
    return None


def _remove_tree(path: Path) -> None:
    """Remove a folder holding read-only originals."""
    def make_writable(func: Callable[..., object], name: str, _exc: object) -> None:
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(name), stat.S_IRWXU)
            os.chmod(name, stat.S_IRWXU)
        func(name)

    if path.exists():
        shutil.rmtree(path, onerror=make_writable)


def finish_interrupted(folder: Path) -> None:
    """Called before a case is opened: complete a swap a killed conversion journalled, or
    remove a build it left unfinished (the old form is still whole then)."""
    work, journal = folder / WORK, folder / JOURNAL
    half_written = journal.with_name(journal.name + ".tmp")  # killed while writing the journal
    if not (work.exists() or journal.exists() or half_written.exists() or (folder / OLD).exists()):
        return
    busy = _busy(work) if work.exists() else None
    if busy is not None:
        raise CaseError(f"the case at {folder} is being encrypted or decrypted by {busy}; "
                        "open it again when that has finished")
    if journal.exists():
        _swap(folder, json.loads(journal.read_text(encoding="utf-8")))
    half_written.unlink(missing_ok=True)
    _remove_tree(work)
    _remove_tree(folder / OLD)


def _swap(folder: Path, plan: dict[str, list[str]]) -> None:
    work, old = folder / WORK, folder / OLD
    old.mkdir(exist_ok=True)
    for name in _SIDE_FILES:
        if (folder / name).exists():
            os.replace(folder / name, old / name)
    for name in plan["replace"]:
        if (work / name).exists():  # not yet moved in
            if (folder / name).exists():
                os.replace(folder / name, old / name)
            os.replace(work / name, folder / name)
    for name in plan["remove"]:
        if (folder / name).exists():
            os.replace(folder / name, old / name)
    _fsync(folder)
    (folder / JOURNAL).unlink(missing_ok=True)
    _fsync(folder)


def _copy_originals(source: OriginalStore, target: OriginalStore, report: ConversionReport) -> None:
    """Every stored original into the new form, its plaintext hash checked on the way: a
    conversion must never carry an altered file across as if it were the original."""
    import hashlib

    target.root.mkdir(parents=True, exist_ok=True)
    for sha in sorted(source.iter_stored()):
        final = target.path_for(sha)
        final.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        tmp = final.with_name(final.name + ".part")
        with open(source.path_for(sha), "rb") as src, open(tmp, "wb") as dst:
            sink = target.sink(dst)
            for chunk in source.plain_chunks(src):
                digest.update(chunk)
                sink.write(chunk)
            sink.finish()
            dst.flush()
            os.fsync(dst.fileno())
        if digest.hexdigest() != sha:
            raise CaseError(f"the stored original {sha[:12]}… does not match its hash; run `verify` "
                            "and repair the case before encrypting or decrypting it (nothing was changed)")
        os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP)
        os.replace(tmp, final)
        report.originals += 1
    for sub in target.root.iterdir():
        _fsync(sub)
    _fsync(target.root)


def _check_new_form(folder: Path, work: Path, old_key: bytes | None, new_keys: CaseKeys | None,
                    report: ConversionReport) -> None:
    old = connect_raw(folder / DB_NAME, old_key)
    new = connect_raw(work / DB_NAME, new_keys.database if new_keys else None)
    try:
        if new.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise CaseError("the converted database fails SQLite's integrity check; nothing was changed")
        before, after = content_digest(old), content_digest(new)
        differ = sorted(name for name in before if after.get(name) != before[name])
        if differ or set(after) != set(before):
            raise CaseError(f"the converted database differs in {', '.join(differ) or 'its tables'}; "
                            "nothing was changed")
        report.tables = len(before)
        report.documents = new.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        old.close()
        new.close()
    store = OriginalStore(work / ORIGINALS, new_keys.files if new_keys else None)
    for sha in store.iter_stored():
        if store.hash_file(sha) != sha:
            raise CaseError(f"the converted original {sha[:12]}… does not decrypt to its hash; "
                            "nothing was changed")


def _checkpoint(folder: Path, key: bytes | None) -> None:
    """Fold the WAL into the database file, so the copy reads every committed page."""
    con = connect_raw(folder / DB_NAME, key)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def convert(case: Case, new_passphrase: str | None, *, params: KdfParams | None = None,
            after_build: Callable[[], None] | None = None) -> ConversionReport:
    """Turn the open, unlocked `case` into the other form: encrypted with `new_passphrase`,
    or plain when it is None. The case is closed; open it again afterwards.
    `after_build` (tests) runs between the verified build and the journal."""
    from evidence_desk.core.case_lock import CaseLock

    folder, old_keys = case.path, case.keys
    encrypting = new_passphrase is not None
    if encrypting == (old_keys is not None):
        raise InvalidInputError(f"the case at {folder} is {'already' if encrypting else 'not'} encrypted")
    if case.read_only:
        raise CaseError(f"the case at {folder} is open for reading only ({case.read_only_reason})")
    if case.on_server:
        raise CaseError(f"the case at {folder} keeps its database on a server; encryption at rest is for a "
                        "case folder's own SQLite database (encrypt the server's storage instead)")
    lock = CaseLock.acquire(folder)
    if lock is None:
        raise CaseError(f"the case at {folder} is open in a window; close it first")
    report = ConversionReport("encrypt" if encrypting else "decrypt")
    work = folder / WORK
    try:
        case.close()
        _remove_tree(work)
        work.mkdir()
        _write_json(work / OWNER, {"host": socket.gethostname(), "pid": os.getpid()})
        old_db_key = old_keys.database if old_keys else None
        _checkpoint(folder, old_db_key)
        if encrypting:
            assert new_passphrase is not None
            header, new_keys = new_header(new_passphrase, params)
            encrypt_database(folder / DB_NAME, work / DB_NAME, new_keys.database)
        else:
            assert old_keys is not None
            header, new_keys = None, None
            decrypt_database(folder / DB_NAME, work / DB_NAME, old_keys.database)
        _fsync_file(work / DB_NAME)
        _copy_originals(OriginalStore(folder / ORIGINALS, old_keys.files if old_keys else None),
                        OriginalStore(work / ORIGINALS, new_keys.files if new_keys else None), report)
        if header is not None:
            write_header(work / HEADER_NAME, header)
        _check_new_form(folder, work, old_db_key, new_keys, report)
        _fsync(work)
        if after_build is not None:
            after_build()
        replace = [DB_NAME, ORIGINALS] + ([HEADER_NAME] if encrypting else [])
        _write_json(folder / JOURNAL, {"replace": replace, "remove": [] if encrypting else [HEADER_NAME]})
        _swap(folder, {"replace": replace, "remove": [] if encrypting else [HEADER_NAME]})
        _remove_tree(work)
        _remove_tree(folder / OLD)
    except BaseException:
        if not (folder / JOURNAL).exists():  # before the commit point: the old form stands
            _remove_tree(work)
        raise
    finally:
        lock.release()
    return report


def _fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def check_passphrase(folder: Path, passphrase: str) -> bool:
    """True if `passphrase` opens the encrypted case in `folder` (the window's lock screen)."""
    if not is_encrypted(folder):
        return True
    header = read_header(folder)
    return derive(passphrase, header.params).matches(header.check)
