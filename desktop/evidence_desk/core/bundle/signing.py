"""Ed25519 signatures over a bundle's tag manifest.

Each user may create a key pair (on request, never silently) in their config
folder: the private key as passphrase-encrypted PKCS#8 PEM (`<name>.key`, mode
0600), the public key beside it. Colleagues' public keys they trust live in
`keys/known/`. A signature covers `tagmanifest-sha256.txt`, which covers the
payload manifest and `bag-info.txt`, which cover every byte of the bundle. The
fingerprint names a key: SHA-256 of its 32 raw public bytes, in hex."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from evidence_desk.core.bundle.json_input import read_json
from evidence_desk.core.errors import EvidenceDeskError, InvalidInputError
from evidence_desk.core.paths import config_home

SIGNATURE_FILE = "signature-ed25519.json"
ALGORITHM = "Ed25519"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
MIN_PASSPHRASE = 8


class SigningError(EvidenceDeskError):
    """A key cannot be created, unlocked or used."""


@dataclass(frozen=True)
class KeyInfo:
    name: str
    fingerprint: str
    public_path: Path


def keys_dir() -> Path:
    return config_home() / "keys"


def known_dir() -> Path:
    return keys_dir() / "known"


def _raw(public: Ed25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(raw_public: bytes) -> str:
    return hashlib.sha256(raw_public).hexdigest()


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise InvalidInputError("a key name is letters, digits, '.', '_' or '-' (at most 64)")
    return name


def create_key(name: str, passphrase: str) -> KeyInfo:
    _check_name(name)
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInputError(f"the passphrase must have at least {MIN_PASSPHRASE} characters")
    folder = keys_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    private_path, public_path = folder / f"{name}.key", folder / f"{name}.pub"
    if private_path.exists():
        raise SigningError(f"a key named {name!r} exists already ({private_path})")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(pem)
    raw = _raw(key.public_key())
    public_path.write_text(base64.b64encode(raw).decode("ascii") + "\n", encoding="ascii")
    return KeyInfo(name, fingerprint(raw), public_path)


def load_private(name: str, passphrase: str) -> Ed25519PrivateKey:
    path = keys_dir() / f"{_check_name(name)}.key"
    if not path.is_file():
        raise SigningError(f"no signing key named {name!r}; create one with `evidence-desk key create {name}`")
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), passphrase.encode("utf-8"))
    except (ValueError, TypeError) as exc:
        raise SigningError(f"the passphrase does not unlock the key {name!r}") from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningError(f"{path} is not an Ed25519 key")
    return key


def _read_public(path: Path) -> bytes | None:
    try:
        raw = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
    except (OSError, ValueError):
        return None
    return raw if len(raw) == 32 else None


def known_fingerprints() -> dict[str, str]:
    """fingerprint → name, for the user's own keys and the colleagues' keys they trust."""
    out: dict[str, str] = {}
    for folder, prefix in ((keys_dir(), "own key "), (known_dir(), "")):
        if folder.is_dir():
            for path in sorted(folder.glob("*.pub")):
                raw = _read_public(path)
                if raw is not None:
                    out[fingerprint(raw)] = prefix + path.stem
    return out


def trust_key(public_file: Path, name: str) -> KeyInfo:
    raw = _read_public(Path(public_file))
    if raw is None:
        raise InvalidInputError(f"{public_file} is not an Evidence Desk public key (base64 of 32 bytes)")
    known_dir().mkdir(parents=True, exist_ok=True, mode=0o700)
    target = known_dir() / f"{_check_name(name)}.pub"
    target.write_text(base64.b64encode(raw).decode("ascii") + "\n", encoding="ascii")
    return KeyInfo(name, fingerprint(raw), target)


def sign(data: bytes, key: Ed25519PrivateKey, signer: str, signed_file: str) -> dict[str, Any]:
    raw = _raw(key.public_key())
    return {"algorithm": ALGORITHM, "signed_file": signed_file, "signer": signer,
            "public_key": base64.b64encode(raw).decode("ascii"), "fingerprint": fingerprint(raw),
            "signature": base64.b64encode(key.sign(data)).decode("ascii")}


@dataclass(frozen=True)
class SignatureCheck:
    valid: bool
    fingerprint: str | None
    known_as: str | None
    signer: str | None
    problem: str | None = None


def check_signature(signature_json: bytes, data: bytes, expected_file: str) -> SignatureCheck:
    try:
        sig = read_json(signature_json)
        raw = base64.b64decode(sig["public_key"], validate=True)
        signature = base64.b64decode(sig["signature"], validate=True)
        public = Ed25519PublicKey.from_public_bytes(raw)
    except (ValueError, KeyError, TypeError) as exc:
        return SignatureCheck(False, None, None, None, f"the signature file cannot be read ({exc})")
    fp = fingerprint(raw)
    signer = str(sig.get("signer") or "")[:128]
    if sig.get("algorithm") != ALGORITHM or sig.get("signed_file") != expected_file:
        return SignatureCheck(False, fp, None, signer, f"the signature is not an {ALGORITHM} signature of "
                              f"{expected_file}")
    if sig.get("fingerprint") not in (None, fp):
        return SignatureCheck(False, fp, None, signer, "the signature's stated fingerprint is not its key's")
    known = known_fingerprints().get(fp)
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return SignatureCheck(False, fp, known, signer, f"the signature does not match {expected_file} "
                              "(the bundle was changed after it was signed)")
    return SignatureCheck(True, fp, known, signer)
