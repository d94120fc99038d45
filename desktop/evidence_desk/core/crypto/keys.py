"""From a passphrase to the case's keys: Argon2id, then one HKDF subkey per use.

Argon2id's cost follows RFC 9106's second recommended option (t=3, 64 MiB, p=4) so
opening a case costs a fraction of a second, and guessing costs an attacker the same
memory per try. The master key never touches SQLCipher or a file directly: each use
gets its own subkey, and a separate check value tells a wrong passphrase from a
damaged database before anything is decrypted."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from evidence_desk.core.errors import InvalidInputError

KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's parameters, stored in the case header beside the salt."""

    salt: bytes
    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 4

    @classmethod
    def fresh(cls, *, time_cost: int = 3, memory_kib: int = 64 * 1024, parallelism: int = 4) -> KdfParams:
        return cls(os.urandom(SALT_BYTES), time_cost, memory_kib, parallelism)

    def check_bounds(self) -> None:
        """A header is read from disk: refuse parameters that would hang or exhaust the machine
        (or that are too weak to be ours) before Argon2 is asked to use them."""
        if not (len(self.salt) >= 8 and 1 <= self.time_cost <= 64 and 8 * self.parallelism
                <= self.memory_kib <= 4 * 1024 * 1024 and 1 <= self.parallelism <= 64):
            raise InvalidInputError("the case's encryption header has impossible key parameters")


@dataclass(frozen=True)
class CaseKeys:
    """The subkeys of one case. `database` goes to SQLCipher as a raw key (its own slow
    KDF is skipped: Argon2id already did the work); `files` seals originals; `check`
    is compared with the header to recognise the right passphrase."""

    database: bytes
    files: bytes
    check: bytes

    def matches(self, stored_check: bytes) -> bool:
        return hmac.compare_digest(self.check, stored_check)

    def __repr__(self) -> str:  # never print key material (tracebacks, logs)
        return "CaseKeys(<secret>)"


def _subkey(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=b"evidence-desk " + purpose).derive(master)


def derive(passphrase: str, params: KdfParams) -> CaseKeys:
    if not passphrase:
        raise InvalidInputError("the passphrase is empty")
    params.check_bounds()
    master = hash_secret_raw(passphrase.encode("utf-8"), params.salt, time_cost=params.time_cost,
                             memory_cost=params.memory_kib, parallelism=params.parallelism,
                             hash_len=KEY_BYTES, type=Type.ID)
    return CaseKeys(_subkey(master, b"sqlcipher v1"), _subkey(master, b"files v1"),
                    _subkey(master, b"check v1"))
