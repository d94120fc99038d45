"""The audit anchor a bundle carries: `data/audit-anchor.json`.

It states the head of the case's chain the bundle was made from (entries, last id,
hash, case uid) and, when the bundle is signed, the author's Ed25519 signature over
those fields, so the head can be shown to come from the author on its own, apart from
the bundle (the tag manifest's signature covers the whole bag, the anchor with it).
`verify BUNDLE.zip` checks that `audit.jsonl` ends exactly at the anchored head, that
the anchor names the case `bag-info.txt` names, and the anchor's signature."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from evidence_desk.core.audit import canonical_json
from evidence_desk.core.bundle.json_input import read_json
from evidence_desk.core.bundle.signing import check_signature, sign
from evidence_desk.core.verify_case import VerifyReport

ANCHOR = "audit-anchor.json"
FIELDS = ("entries", "last_id", "head", "case_uid", "at")


def anchor_of(audit: list[dict[str, Any]], case_uid: str | None) -> dict[str, Any]:
    last = audit[-1] if audit else {"id": 0, "hash": "0" * 64}
    return {"entries": len(audit), "last_id": last["id"], "head": last["hash"], "case_uid": case_uid,
            "at": datetime.now(UTC).isoformat(timespec="seconds")}


def _signed_bytes(anchor: dict[str, Any]) -> bytes:
    return canonical_json({k: anchor.get(k) for k in FIELDS}).encode("utf-8")


def anchor_text(anchor: dict[str, Any], key: Ed25519PrivateKey | None, signer: str) -> str:
    """The member's text (signed by `key` when given)."""
    out = dict(anchor)
    if key is not None:
        out["signature"] = sign(_signed_bytes(anchor), key, signer, ANCHOR)
    return json.dumps(out, sort_keys=True, indent=1) + "\n"


def check_anchor(path: Path, entries: list[dict[str, Any]] | None, info: dict[str, str],
                 report: VerifyReport) -> None:
    """`entries`: audit.jsonl's entries (None when it could not be read: checked there)."""
    if not path.is_file():
        report.warnings.append(f"data/{ANCHOR} is missing (a bundle made before anchors): the audit head rests "
                               "on bag-info.txt alone")
        return
    try:
        anchor = read_json(path.read_bytes())
        stated = {k: anchor[k] for k in FIELDS}
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        report.problems.append(f"data/{ANCHOR} is not an audit anchor")
        return
    report.checked["audit_anchor"] = {"entries": stated["entries"], "head": str(stated["head"])[:16]}
    if entries is not None:
        last = entries[-1] if entries else {"id": 0, "hash": "0" * 64}
        if (stated["entries"], stated["last_id"], stated["head"]) != (len(entries), last.get("id"), last.get("hash")):
            report.problems.append(f"the audit log in the bundle does not end at its anchored head ({stated['entries']} "
                                   f"entries, {str(stated['head'])[:12]}…): it was cut, extended or rewritten")
    if info.get("Case-UID") and stated["case_uid"] != info.get("Case-UID"):
        report.problems.append(f"data/{ANCHOR} anchors another case than bag-info.txt names")
    signature = anchor.get("signature")
    if signature is None:
        return
    check = check_signature(json.dumps(signature).encode("utf-8"), _signed_bytes(stated), ANCHOR)
    if not check.valid:
        report.problems.append(f"data/{ANCHOR}: signature: {check.problem}")
        return
    report.checked["audit_anchor"]["signed_by"] = check.fingerprint
    bundle_signer = report.checked.get("signer_fingerprint")
    if bundle_signer and bundle_signer != check.fingerprint:
        report.problems.append(f"data/{ANCHOR} is signed by another key than the bundle")
