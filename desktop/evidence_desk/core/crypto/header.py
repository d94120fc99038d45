"""`encryption.json` in an encrypted case folder: how its key is derived.

It holds no secret: the Argon2id salt and parameters, the formats in use and a check
value derived from the passphrase (a separate HKDF subkey, so it reveals nothing about
the keys that encrypt). Its presence is what makes a case encrypted; it is written
atomically, and last, when a case is encrypted in place (core/crypto/convert.py)."""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from pathlib import Path

from evidence_desk.core.case_health import ENCRYPTION_HEADER
from evidence_desk.core.crypto.keys import CaseKeys, KdfParams, derive
from evidence_desk.core.errors import CaseError, PassphraseRequiredError, WrongPassphraseError

HEADER_NAME = ENCRYPTION_HEADER
FORMAT = "evidence-desk-encryption"
VERSION = 1
DATABASE_FORMAT = "sqlcipher4-raw-key"
FILE_FORMAT = "aes256gcm-chunked-v1"


@dataclass(frozen=True)
class CaseHeader:
    params: KdfParams
    check: bytes

    def to_json(self) -> str:
        p = self.params
        return json.dumps({
            "format": FORMAT, "version": VERSION, "database": DATABASE_FORMAT, "files": FILE_FORMAT,
            "kdf": {"name": "argon2id", "version": 19, "salt": _b64(p.salt), "time_cost": p.time_cost,
                    "memory_kib": p.memory_kib, "parallelism": p.parallelism},
            "check": _b64(self.check),
        }, indent=2) + "\n"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def is_encrypted(folder: Path) -> bool:
    return (folder / HEADER_NAME).is_file()


def read_header(folder: Path) -> CaseHeader:
    path = folder / HEADER_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            raise ValueError("not an Evidence Desk encryption header")
        if raw.get("version") != VERSION or raw.get("files") != FILE_FORMAT \
                or raw.get("database") != DATABASE_FORMAT:
            raise ValueError("made by another version of Evidence Desk")
        kdf = raw["kdf"]
        if kdf.get("name") != "argon2id":
            raise ValueError(f"unknown key derivation {kdf.get('name')!r}")
        params = KdfParams(base64.b64decode(kdf["salt"], validate=True), int(kdf["time_cost"]),
                           int(kdf["memory_kib"]), int(kdf["parallelism"]))
        header = CaseHeader(params, base64.b64decode(raw["check"], validate=True))
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CaseError(f"the encryption header {path} cannot be read ({exc})") from None
    header.params.check_bounds()
    return header


def new_header(passphrase: str, params: KdfParams | None = None) -> tuple[CaseHeader, CaseKeys]:
    params = params or KdfParams.fresh()
    keys = derive(passphrase, params)
    return CaseHeader(params, keys.check), keys


def unlock(folder: Path, passphrase: str | None) -> CaseKeys:
    """The keys of the encrypted case in `folder`, or a clear error."""
    header = read_header(folder)
    if passphrase is None:
        raise PassphraseRequiredError(f"the case at {folder} is encrypted; give its passphrase "
                                      "(--passphrase-file FILE or EVIDENCE_DESK_PASSPHRASE)")
    keys = derive(passphrase, header.params)
    if not keys.matches(header.check):
        raise WrongPassphraseError(f"wrong passphrase for the encrypted case at {folder}")
    return keys


def write_header(path: Path, header: CaseHeader) -> None:
    """Write atomically (temp, fsync, rename, fsync folder): a torn header would lock the
    case for good."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(header.to_json())
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
