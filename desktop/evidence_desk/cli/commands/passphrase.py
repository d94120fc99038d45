"""Where a signing key's passphrase comes from on the command line: a file, the
environment (EVIDENCE_DESK_KEY_PASSPHRASE, for scripts), or a prompt on a terminal."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from evidence_desk.core.errors import InvalidInputError

ENV = "EVIDENCE_DESK_KEY_PASSPHRASE"


def read_passphrase(file: str | None, prompt: str = "Key passphrase: ") -> str:
    if file:
        try:
            return Path(file).expanduser().read_text(encoding="utf-8").rstrip("\r\n")
        except OSError as exc:
            raise InvalidInputError(f"cannot read the passphrase file {file} ({exc.strerror})") from exc
    if os.environ.get(ENV):
        return os.environ[ENV]
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    raise InvalidInputError(f"give the key's passphrase with --passphrase-file FILE or {ENV}")
