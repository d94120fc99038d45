"""JSON read from a bundle: untrusted input, read strictly.

`read_json` reads every JSON member and line a bundle brings in (the records, the audit
log and its entries' data, the anchor, the signature). Whatever is not strict JSON
(RFC 8259) raises ValueError: NaN and Infinity, a number past a float's range, and
nesting deeper than the decoder follows. The json module raised RecursionError there,
which no caller caught: a records.json of 200,000 brackets stopped `import-bundle` and
`verify` with a traceback. msgspec decodes in C, several times faster than the json
module on a large case's records."""

from __future__ import annotations

from typing import Any

import msgspec


def read_json(data: str | bytes) -> Any:
    try:
        return msgspec.json.decode(data)
    except (msgspec.DecodeError, RecursionError) as exc:  # ValidationError (a number out of range) included
        raise ValueError(f"not JSON: {exc}") from exc
